/** Output: the in-memory tree of generated files and its atomic publication. */
package casebook.output;
