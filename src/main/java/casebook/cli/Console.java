package casebook.cli;

import casebook.diag.Diagnostic;
import casebook.diag.Diagnostics;
import casebook.diag.Severity;
import casebook.pipeline.BuildResult;
import casebook.serve.ServeLog;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What the terminal sees: diagnostics as {@code path:line:col: error: message}, errors first, then warnings, then
 * notes (each group by file, line and column); a progress line on an interactive terminal (never in CI logs: no
 * control codes when output is not a terminal); and a one-line summary.
 */
public final class Console implements ServeLog {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean quiet;
    private final boolean interactive;

    public Console(PrintStream out, PrintStream err, boolean quiet) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
        this.interactive = interactive(
                System.console() != null, System.getenv("CI"), System.getenv("NO_COLOR"), System.getenv("TERM"));
    }

    /**
     * Whether control codes (the progress line's carriage return and erase-line) may be written: only to a
     * terminal, never in CI, never when NO_COLOR is set to anything non-empty (https://no-color.org) and never on
     * a dumb terminal. casebook prints no colours; this is its only use of control codes.
     */
    static boolean interactive(boolean terminal, String ci, String noColor, String term) {
        return terminal && ci == null && (noColor == null || noColor.isEmpty()) && !"dumb".equals(term);
    }

    public void progress(int pages) {
        if (interactive && !quiet) {
            out.print("\r  rendering: " + pages + " pages");
            out.flush();
        }
    }

    @Override
    public void diagnostics(Diagnostics d) {
        if (interactive && !quiet) {
            out.print("\r\033[K");
        }
        // errors first, so that the cause of a failure is on screen before the warnings that follow from it
        for (Diagnostic x : d.listed()) {
            // a note is not a problem: --quiet prints only problems
            if (x.severity() != Severity.NOTE || !quiet) {
                err.println(x);
            }
        }
        if (d.dropped() > 0) {
            err.println("... and " + d.dropped() + " more problems not shown" + droppedKinds(d));
        }
    }

    /** What the problems not shown are, e.g. ": 0 errors, 37 warnings" (the cap keeps errors before warnings). */
    private static String droppedKinds(Diagnostics d) {
        int e = d.dropped(Severity.ERROR);
        int w = d.dropped(Severity.WARNING);
        int n = d.dropped(Severity.NOTE);
        return ": " + e + " error" + (e == 1 ? "" : "s") + ", " + w + " warning" + (w == 1 ? "" : "s")
                + (n == 0 ? "" : ", " + n + " note" + (n == 1 ? "" : "s"));
    }

    /**
     * @param noun what ran ("build", "check"): "build failed: …"
     * @param verb what it did ("built", "checked"): "built 12 pages …"
     */
    public void summary(String noun, String verb, BuildResult r, String languages, String where) {
        Diagnostics d = r.diagnostics();
        String counts = d.errorCount() + " error" + (d.errorCount() == 1 ? "" : "s") + ", " + d.warningCount()
                + " warning" + (d.warningCount() == 1 ? "" : "s")
                + (d.noteCount() == 0 ? "" : ", " + d.noteCount() + " note" + (d.noteCount() == 1 ? "" : "s"));
        if (d.hasErrors()) {
            err.println(noun + " failed: " + counts + (where == null ? "" : "; " + where + " left as it was"));
        } else if (!quiet) {
            out.println(verb + " " + r.pages() + " pages (" + languages + ") in " + r.millis() + " ms: " + counts
                    + (where == null ? "" : " -> " + where));
        }
    }

    /**
     * Where a build wrote, as the editor named the output folder: {@code site}, or {@code site and site.zip} with the
     * portal bundle beside it (not an absolute path to the zip beside a relative folder).
     */
    public static String outputs(Path out, boolean bundle) {
        if (!bundle) {
            return out.toString();
        }
        Path abs = out.toAbsolutePath().normalize();
        Path zip = abs.resolveSibling(abs.getFileName() + ".zip");
        // relative as the folder was named, unless its last part is not its name ("site/..")
        boolean plain = out.getFileName() != null && out.getFileName().equals(abs.getFileName());
        return out + " and " + (plain ? out.resolveSibling(zip.getFileName()) : zip);
    }

    @Override
    public void info(String s) {
        if (!quiet) {
            out.println(s);
        }
    }

    @Override
    public void error(String s) {
        err.println(s);
    }
}
