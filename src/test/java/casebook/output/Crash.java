package casebook.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * For tests in other packages: a publication killed just before one of its steps, as a process killed at that
 * instant leaves it (the lock released by the operating system, nothing tidied up).
 */
public final class Crash {
    private Crash() {}

    /** Thrown by the step listener in place of the step. */
    private static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String step;

        Killed(String step) {
            super("killed before " + step, null, false, false);
            this.step = step;
        }
    }

    /** The steps a publication of {@code tree} into {@code out} goes through (it publishes). */
    public static List<String> steps(Path out, long pid, OutputTree tree) {
        List<String> steps = new ArrayList<>();
        try (AtomicPublisher p = AtomicPublisher.open(OutputGuard.real(out), out, pid, steps::add)) {
            p.write(tree);
            p.commit();
        }
        return steps;
    }

    /** Publishes {@code tree} into {@code out} as process {@code pid}, killed before step {@code killAt}; the step's name, or null if it finished. */
    public static String publish(Path out, long pid, OutputTree tree, int killAt) {
        int[] n = {0};
        AtomicPublisher p = null;
        try {
            p = AtomicPublisher.open(OutputGuard.real(out), out, pid, s -> {
                if (n[0]++ == killAt) {
                    throw new Killed(s);
                }
            });
            p.write(tree);
            p.commit();
            p.close();
            return null;
        } catch (Killed k) {
            if (p != null) {
                p.killed();
            }
            return k.step;
        }
    }

    /** A process id that no running process has. */
    public static long deadPid() {
        for (long p = 4_999_999; ; p--) {
            if (ProcessHandle.of(p).isEmpty()) {
                return p;
            }
        }
    }
}
