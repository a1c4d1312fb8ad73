package casebook.qa;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * Builds the real content/ with the real theme into a temporary folder, and lists the pages of the result. The page
 * lists are read from the built site (every .html file, or every page with a given element), never written here, so
 * the gates cover a page as soon as the content has it.
 */
final class QaSite {
    private QaSite() {}

    /** Builds into {@code tmp/site} and returns that folder; fails the calling test when the build reports errors. */
    static Path build(Path tmp) {
        Path out = tmp.resolve("site");
        BuildResult r = Build.run(BuildOptions.defaults().withOut(out));
        assertFalse(
                r.failed(false),
                () -> "casebook build failed:\n"
                        + r.diagnostics().kept().stream().map(String::valueOf).collect(Collectors.joining("\n")));
        assertTrue(Files.isRegularFile(out.resolve("index.html")), "build wrote no index.html");
        return out;
    }

    /** Every generated .html page, as paths relative to {@code root} with '/' separators, sorted. */
    static List<String> pages(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".html"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pages that exist in one language, e.g. "ja/saitama/index.html" (the landing page and 404 page excluded). */
    static List<String> languagePages(Path root) {
        return pages(root).stream()
                .filter(p -> p.startsWith("ja/") || p.startsWith("en/"))
                .toList();
    }

    /** Pages of the built site that contain an element matching {@code selector} (read from the HTML, not a list). */
    static List<String> pagesWith(Path root, String selector) {
        return pages(root).stream()
                .filter(p -> {
                    try {
                        return Jsoup.parse(root.resolve(p).toFile(), "UTF-8").selectFirst(selector) != null;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }

    /** The known-bad pages of the control tests (src/test/resources/qa-controls, copied to the test classpath). */
    static Path controls() {
        try {
            return Path.of(QaSite.class.getResource("/qa-controls/README.md").toURI())
                    .getParent();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException(
                    "qa-controls not on the test classpath (src/test/resources/qa-controls)", e);
        }
    }

    /** A short key for a page, e.g. "ja/saitama/index.html" becomes "ja-saitama", "index.html" becomes "landing". */
    static String key(String page) {
        String k =
                page.replaceFirst("(^|/)index\\.html$", "").replace(".html", "").replace('/', '-');
        return k.isEmpty() ? "landing" : k;
    }
}
