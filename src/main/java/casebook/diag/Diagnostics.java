package casebook.diag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The thread-safe sink every stage reports problems into. Content problems never throw: a stage
 * records them here and carries on, so one run reports everything. The list is capped (like Hugo's
 * cap of 50 per kind) so a systematic mistake does not flood the terminal; the count stays exact.
 * Which problems are kept does not depend on the order parallel stages report them in: errors before
 * warnings, then the first by file, line, column and message.
 */
public final class Diagnostics {
    public static final int DEFAULT_CAP = 200;

    /** Errors first, then warnings, then notes, then by position and message: the order in which problems are kept under the cap. */
    private static final Comparator<Diagnostic> KEEP = Comparator.comparing(Diagnostic::severity)
            .thenComparing(Diagnostic::at)
            .thenComparing(Diagnostic::message)
            .thenComparing(d -> d.hint() == null ? "" : d.hint());

    private final TreeSet<Diagnostic> items = new TreeSet<>(KEEP);
    private final int cap;
    private int errors;
    private int warnings;
    private int notes;

    public Diagnostics() {
        this(DEFAULT_CAP);
    }

    public Diagnostics(int cap) {
        this.cap = cap;
    }

    public synchronized void report(Diagnostic d) {
        switch (d.severity()) {
            case ERROR -> errors++;
            case WARNING -> warnings++;
            case NOTE -> notes++;
        }
        if (items.size() >= cap && KEEP.compare(d, items.last()) >= 0) {
            return;
        }
        items.add(d);
        if (items.size() > cap) {
            items.pollLast();
        }
    }

    /**
     * Adds the problems of {@code local} to this sink, each distinct problem once (its {@link #kept()} list). A page's languages are checked one after the
     * other against the same data file, so the same problem can be found once per language; passing them
     * through a sink of their own first keeps the count exact whatever the order of reports.
     */
    public void addDeduplicated(Diagnostics local) {
        for (Diagnostic x : local.kept()) {
            report(x);
        }
    }

    public void error(SourcePosition at, String message, String hint) {
        report(new Diagnostic(Severity.ERROR, at, message, hint));
    }

    public void error(SourcePosition at, String message) {
        error(at, message, null);
    }

    public void warning(SourcePosition at, String message, String hint) {
        report(new Diagnostic(Severity.WARNING, at, message, hint));
    }

    public void warning(SourcePosition at, String message) {
        warning(at, message, null);
    }

    /** Something worth knowing about valid content; never fails a build, not even a strict one. */
    public void note(SourcePosition at, String message, String hint) {
        report(new Diagnostic(Severity.NOTE, at, message, hint));
    }

    public void note(Path file, int line, int column, String message, String hint) {
        note(SourcePosition.of(file, line, column), message, hint);
    }

    public void error(Path file, int line, int column, String message, String hint) {
        error(SourcePosition.of(file, line, column), message, hint);
    }

    public void warning(Path file, int line, int column, String message, String hint) {
        warning(SourcePosition.of(file, line, column), message, hint);
    }

    public synchronized boolean hasErrors() {
        return errors > 0;
    }

    public synchronized int errorCount() {
        return errors;
    }

    public synchronized int warningCount() {
        return warnings;
    }

    public synchronized int noteCount() {
        return notes;
    }

    /**
     * The problems kept: each distinct problem once (one reported twice is counted twice but kept once), at
     * most the cap of them (errors first, see the class comment), sorted by file, line, column and message so
     * that output is deterministic. {@link #dropped()} says how many reports are not in it.
     */
    public synchronized List<Diagnostic> kept() {
        List<Diagnostic> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing(Diagnostic::at).thenComparing(Diagnostic::message));
        return copy;
    }

    /**
     * The problems kept, as the terminal lists them: errors first, then warnings, then notes, each group sorted by
     * file, line, column and message. The cause of a failed build (an unknown container, say) is then on screen
     * before the warnings that follow from it.
     */
    public synchronized List<Diagnostic> listed() {
        List<Diagnostic> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing(Diagnostic::severity)
                .thenComparing(Diagnostic::at)
                .thenComparing(Diagnostic::message));
        return copy;
    }

    /**
     * How many reports of one severity are not in {@link #kept()}: beyond the cap (errors are kept before warnings,
     * so errors go last), or a problem reported again.
     */
    public synchronized int dropped(Severity severity) {
        int kept = 0;
        for (Diagnostic x : items) {
            if (x.severity() == severity) {
                kept++;
            }
        }
        int reported = switch (severity) {
            case ERROR -> errors;
            case WARNING -> warnings;
            case NOTE -> notes;
        };
        return reported - kept;
    }

    public synchronized int dropped() {
        return errors + warnings + notes - items.size();
    }
}
