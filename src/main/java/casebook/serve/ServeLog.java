package casebook.serve;

import casebook.diag.Diagnostics;

/** Where the preview server reports: the command line's console, or a test's. */
public interface ServeLog {
    /** A status line ("serving … at …", "rebuilt …"); a quiet log drops it. */
    void info(String line);

    /** A line about a failure of the server itself (a busy port, a crashed watcher). */
    void error(String line);

    /** The problems of a failed rebuild, as {@code path:line:col: error: message}. */
    void diagnostics(Diagnostics d);
}
