package casebook.qa;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.build.Build;
import casebook.build.BuildOptions;
import casebook.build.BuildResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Builds the real content/ with the real theme into a temporary folder, and lists the pages of the result. */
final class QaSite {
    private QaSite() { }

    /** Builds into {@code tmp/site} and returns that folder; fails the calling test when the build reports errors. */
    static Path build(Path tmp) {
        Path out = tmp.resolve("site");
        BuildResult r = Build.run(BuildOptions.defaults().withOut(out));
        assertFalse(r.failed(false), () -> "casebook build failed:\n" + r.diagnostics().sorted().stream()
                .map(String::valueOf).collect(Collectors.joining("\n")));
        assertTrue(Files.isRegularFile(out.resolve("index.html")), "build wrote no index.html");
        return out;
    }

    /** Every generated .html page, as paths relative to {@code root} with '/' separators, sorted. */
    static List<String> pages(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".html"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pages that exist in one language, e.g. "ja/saitama/index.html" (the landing page and 404 page excluded). */
    static List<String> languagePages(Path root) {
        return pages(root).stream().filter(p -> p.startsWith("ja/") || p.startsWith("en/")).toList();
    }

    /** A short key for a page, e.g. "ja/saitama/index.html" becomes "ja-saitama", "index.html" becomes "landing". */
    static String key(String page) {
        String k = page.replaceFirst("(^|/)index\\.html$", "").replace(".html", "").replace('/', '-');
        return k.isEmpty() ? "landing" : k;
    }
}
