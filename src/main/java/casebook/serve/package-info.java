/** Live preview: serves an in-memory build, watches content and themes, rebuilds and reloads open tabs. Nothing here writes site/. */
package casebook.serve;
