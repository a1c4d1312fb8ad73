package casebook.serve;

import casebook.pipeline.Build;
import casebook.pipeline.BuildCache;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.pipeline.IncrementalBuild;
import casebook.diag.Diagnostics;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code serve}'s rebuild path without the HTTP side: the first build, then one rebuild per batch of saved
 * files, reusing work through a {@link BuildCache} (page-only saves through {@link IncrementalBuild}, the
 * rest through a cached full build). What it produces must equal a clean {@code Build.run} of the same
 * content, file for file and message for message ({@code IncrementalEqualsFullTest}).
 *
 * <p>A rebuild never throws: a failure of any kind, an {@link Error} such as {@link StackOverflowError}
 * included, becomes one error diagnostic (no stack trace), the cache is emptied so the next rebuild
 * starts clean, and the caller keeps serving the last good pages.
 */
final class Rebuilder {
    /** What one rebuild produced: {@code result} is null when the build crashed. */
    record Outcome(BuildResult result, Diagnostics diagnostics, boolean incremental, long millis) {
        boolean failed() { return diagnostics.hasErrors(); }
    }

    private final BuildOptions options;
    private final BuildCache cache = new BuildCache();
    /** A test hook run before every build with the changed paths (empty for the first build); it may throw. */
    volatile Consumer<List<Path>> beforeBuild = paths -> { };

    Rebuilder(BuildOptions options) {
        this.options = options.withWrite(false);
    }

    BuildOptions options() { return options; }

    /** The first build: everything is read and rendered. */
    Outcome initial() { return rebuild(List.of()); }

    /** Rebuilds after {@code changed} (files or folders, created, modified or deleted) were saved. */
    Outcome rebuild(List<Path> changed) {
        long start = System.nanoTime();
        try {
            beforeBuild.accept(changed);
            // the watcher says these changed: never trust a modification time and size that happen to be equal
            cache.forget(changed);
            Path themes = options.themes().toAbsolutePath().normalize();
            boolean theme = changed.stream().anyMatch(p -> p.toAbsolutePath().normalize().startsWith(themes));
            if (theme) cache.clearHtml();
            if (!changed.isEmpty() && !theme) {
                BuildResult r = incremental(changed);
                if (r != null) return new Outcome(r, r.diagnostics(), true, millis(start));
            }
            Diagnostics d = new Diagnostics();
            BuildResult r = Build.run(options, d, n -> { }, cache);
            return new Outcome(r, d, false, millis(start));
        } catch (Throwable t) { // StackOverflowError, OutOfMemoryError and bugs alike: serve must stay up
            cache.clear();
            Diagnostics d = new Diagnostics();
            d.error(options.content(), 1, 1, crashMessage(t),
                    "undo the last change, or save again; if it persists, run check and report the problem with the file you changed");
            return new Outcome(null, d, false, millis(start));
        }
    }

    /** The page-only fast path; null when the change needs a full build (or the fast path failed). */
    private BuildResult incremental(List<Path> changed) {
        try {
            return IncrementalBuild.tryUpdate(cache, changed);
        } catch (RuntimeException e) {
            return null; // the full build that follows reports whatever is wrong with the content
        }
    }

    /** One line, no stack trace: what kind of failure, and its message when it has one. */
    static String crashMessage(Throwable t) {
        String kind = t instanceof StackOverflowError ? "the content is nested too deeply (stack overflow)"
                : t instanceof OutOfMemoryError ? "out of memory" : t.getClass().getSimpleName();
        String m = t.getMessage();
        return "the rebuild failed: " + kind + (m == null || m.isBlank() || t instanceof VirtualMachineError ? "" : ": " + m.strip().lines().findFirst().orElse(""));
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
