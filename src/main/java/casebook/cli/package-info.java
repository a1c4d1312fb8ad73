/** The command line: argument parsing, usage text, diagnostics printing, progress and summary lines. */
package casebook.cli;
