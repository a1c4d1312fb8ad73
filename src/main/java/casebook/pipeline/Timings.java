package casebook.pipeline;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/** Per-stage wall times, printed to stderr when the system property casebook.timings is set (for profiling). */
final class Timings {
    private final boolean on = Boolean.getBoolean("casebook.timings");
    private final StringBuilder out = new StringBuilder();
    private long last = System.nanoTime();
    private long lastCpu = on ? cpu() : 0;

    /** CPU time of the whole process (all threads, the JIT and GC included), in ns; -1 if unknown. */
    private static long cpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
    }

    void lap(String stage) {
        if (!on) {
            return;
        }
        long now = System.nanoTime();
        long cpu = cpu();
        out.append(String.format(
                Locale.ROOT,
                "  %-13s %6d ms wall %6d ms cpu%n",
                stage,
                (now - last) / 1_000_000,
                (cpu - lastCpu) / 1_000_000));
        last = now;
        lastCpu = cpu;
    }

    void print() {
        if (on) {
            System.err.print("stage timings (cpu: all threads of the process, JIT and GC included):\n" + out);
        }
    }
}
