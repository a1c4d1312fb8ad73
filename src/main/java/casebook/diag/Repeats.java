package casebook.diag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * One report per distinct problem per file, for a check that finds the same mistake at every use: a misspelt
 * term used 23 times is one warning at its first use that says how many more uses there are and on which lines,
 * not 23 warnings. Problems are the same when their severity, file, message and hint are.
 */
public final class Repeats {
    /** How many lines of the further uses a message names before "…". */
    static final int LINES_SHOWN = 8;

    private Repeats() {}

    /** Runs {@code check} into a sink of its own, then reports what it found into {@code into}, repeats collapsed. */
    public static void collapse(Diagnostics into, Consumer<Diagnostics> check) {
        Diagnostics found = new Diagnostics(Integer.MAX_VALUE);
        check.accept(found);
        for (Diagnostic x : collapse(found.kept())) {
            into.report(x);
        }
    }

    /** The problems with each repeated one reported once, at its first position (the list is sorted by position). */
    static List<Diagnostic> collapse(List<Diagnostic> sorted) {
        Map<List<Object>, List<Diagnostic>> groups = new LinkedHashMap<>();
        for (Diagnostic x : sorted) {
            List<Object> key =
                    List.of(x.severity(), x.at().displayPath(), x.message(), Objects.requireNonNullElse(x.hint(), ""));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(x);
        }
        List<Diagnostic> out = new ArrayList<>(groups.size());
        for (List<Diagnostic> g : groups.values()) {
            Diagnostic first = g.get(0);
            if (g.size() == 1) {
                out.add(first);
                continue;
            }
            int more = g.size() - 1;
            TreeSet<Integer> lines = new TreeSet<>();
            for (Diagnostic x : g.subList(1, g.size())) {
                lines.add(x.at().line());
            }
            StringBuilder shown = new StringBuilder();
            int n = 0;
            for (int line : lines) {
                if (n++ == LINES_SHOWN) {
                    shown.append(", …");
                    break;
                }
                shown.append(n == 1 ? "" : ", ").append(line);
            }
            out.add(new Diagnostic(
                    first.severity(),
                    first.at(),
                    first.message() + "; " + more + " more use" + (more == 1 ? "" : "s") + " in this file (line"
                            + (lines.size() == 1 ? " " : "s ") + shown + ")",
                    first.hint() == null ? null : first.hint() + (more == 1 ? " (both uses)" : " (every use)")));
        }
        return out;
    }
}
