package casebook.serve;

import casebook.diag.Diagnostics;
import casebook.pipeline.Build;
import casebook.pipeline.BuildCache;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.theme.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code serve}'s rebuild path without the HTTP side: the first build, then one rebuild per batch of saved
 * files. Every rebuild is {@link Build#run} of the whole content, the very stages {@code build} and
 * {@code check} run, with {@link BuildCache}'s memos around them: work whose inputs (file text, data, theme,
 * UI strings, glossary, view model) are unchanged is reused. So what it produces equals a clean
 * {@code Build.run} of the same content, file for file and message for message ({@code IncrementalEqualsFullTest}),
 * whatever the watcher reported or missed.
 *
 * <p>A rebuild never throws: a failure of any kind, an {@link Error} such as {@link StackOverflowError}
 * included, becomes one error diagnostic (no stack trace), the memos are emptied so the next rebuild
 * starts clean, and the caller keeps serving the last good pages.
 */
final class Rebuilder {
    /** What one rebuild produced: {@code result} is null when the build crashed. */
    record Outcome(BuildResult result, Diagnostics diagnostics, long millis) {
        boolean failed() {
            return diagnostics.hasErrors();
        }
    }

    private final BuildOptions options;
    private final BuildCache cache = new BuildCache();
    /** A test hook run before every build with the changed paths (empty for the first build); it may throw. */
    volatile Consumer<List<Path>> beforeBuild = paths -> {};

    Rebuilder(BuildOptions options) {
        // serve publishes nothing: a scaffold's placeholders are warnings, so a page being written can be previewed
        this.options = options.withWrite(false).withPreview(true);
    }

    BuildOptions options() {
        return options;
    }

    /** The first build: everything is read and rendered. */
    Outcome initial() {
        return rebuild(List.of());
    }

    /**
     * Rebuilds after {@code changed} (files or folders, created, modified or deleted) were saved. The paths
     * only say that something changed: every file is read again, and the memos compare what was read.
     */
    Outcome rebuild(List<Path> changed) {
        long start = System.nanoTime();
        try {
            beforeBuild.accept(changed);
            Diagnostics d = new Diagnostics();
            BuildResult r = Build.run(options, d, n -> {}, cache);
            return new Outcome(r, d, millis(start));
        } catch (Throwable t) { // StackOverflowError, OutOfMemoryError and bugs alike: serve must stay up
            cache.clear();
            Diagnostics d = new Diagnostics();
            d.error(
                    options.content(),
                    1,
                    1,
                    crashMessage(t),
                    "undo the last change, or save again; if it persists, run check and report the problem with the file you changed");
            return new Outcome(null, d, millis(start));
        }
    }

    /**
     * The templates the error overlay is rendered with: the theme of the last build that loaded one, or else the
     * theme named by {@code --theme} (the default theme without it); null when none can be loaded.
     */
    Templates overlayTemplates() {
        Templates t = cache.templates();
        if (t != null) {
            return t;
        }
        Path dir = options.themes()
                .resolve(options.theme() != null ? options.theme() : "default")
                .resolve("templates");
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try {
            return new Templates(dir, dir);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** One line, no stack trace: what kind of failure, and its message when it has one. */
    static String crashMessage(Throwable t) {
        String kind = t instanceof StackOverflowError
                ? "the content is nested too deeply (stack overflow)"
                : t instanceof OutOfMemoryError ? "out of memory" : t.getClass().getSimpleName();
        String m = t.getMessage();
        return "the rebuild failed: " + kind
                + (m == null || m.isBlank() || t instanceof VirtualMachineError
                        ? ""
                        : ": " + m.strip().lines().findFirst().orElse(""));
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
