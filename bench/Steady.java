import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.diag.Diagnostics;
import java.nio.file.Path;

/**
 * Builds the same content again and again in one JVM, to separate the cost of the work itself from a
 * fresh JVM's warm-up (class loading, interpreting, JIT compiling). Each build is complete (output
 * written and swapped in); nothing is kept between builds but the JVM.
 *
 * <pre>
 * mvn -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=runtime   # once
 * java $(cat .mvn/jvm.config) -cp target/classes:$(cat /tmp/cp.txt) bench/Steady.java CONTENT OUT [BUILDS] [THREADS] [THEMES]
 * </pre>
 *
 * BUILDS (at least 2, default 10), THREADS (default: cores), THEMES (default {@code themes}, so run it
 * from the repository root). Prints each build's wall time and the fastest of the second half of the
 * builds (the steady state).
 */
public class Steady {
    public static void main(String[] args) {
        int builds;
        int threads;
        try {
            if (args.length < 2) throw new IllegalArgumentException("CONTENT and OUT are needed");
            builds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
            threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
            if (builds < 2 || threads < 1) throw new IllegalArgumentException("BUILDS must be 2 or more, THREADS 1 or more");
        } catch (IllegalArgumentException e) {
            System.err.println("Steady: " + e.getMessage()
                    + "\nusage: Steady CONTENT OUT [BUILDS=10, at least 2] [THREADS=cores] [THEMES=themes]");
            System.exit(2);
            return;
        }
        BuildOptions options = BuildOptions.defaults().withContent(Path.of(args[0])).withOut(Path.of(args[1]))
                .withThreads(threads).withThemes(Path.of(args.length > 4 ? args[4] : "themes"));
        StringBuilder times = new StringBuilder();
        long best = Long.MAX_VALUE;
        int pages = 0;
        for (int i = 0; i < builds; i++) {
            Diagnostics d = new Diagnostics();
            long start = System.nanoTime();
            var result = Build.run(options, d, n -> { });
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (d.hasErrors() || !result.published()) {
                System.err.println("build " + (i + 1) + " failed: " + d.errorCount() + " errors");
                System.exit(1);
            }
            pages = result.pages();
            times.append(i == 0 ? "" : " ").append(ms);
            if (i >= builds / 2) best = Math.min(best, ms);
        }
        String workers = threads == 1 ? "1 thread" : threads + " threads";
        System.out.println(pages + " pages of " + options.content() + ", " + workers + ", builds (ms): " + times
                + "; fastest of the second half: " + best + " ms");
    }
}
