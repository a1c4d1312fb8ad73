package casebook.qa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The link gate's check over a built site on disk: every {@code href} and {@code src} that is not an external URL
 * must name an existing file, and a {@code #fragment} must name an id (or {@code name}) in the target page.
 * Root-relative links ({@code /ja/…}) and links to a folder are problems too: the first break when the site is
 * hosted under a sub-path, the second when it is opened from disk. Used by {@link InternalLinksIT} for the real
 * site and for its control.
 */
public final class SiteLinks {
    private final Path root;
    private final Map<Path, Document> cache = new HashMap<>();

    private SiteLinks(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Every broken link of every page under {@code root}, as {@code page: link (reason)}; empty when all resolve. */
    public static List<String> broken(Path root) {
        SiteLinks s = new SiteLinks(root);
        List<String> out = new ArrayList<>();
        for (String page : QaSite.pages(s.root)) {
            out.addAll(s.check(page));
        }
        return out;
    }

    private List<String> check(String page) {
        Path file = root.resolve(page);
        List<String> broken = new ArrayList<>();
        for (Element el : parse(file).select("[href], [src]")) {
            String ref = el.hasAttr("href") ? el.attr("href") : el.attr("src");
            URI uri;
            try {
                uri = new URI(ref.strip());
            } catch (URISyntaxException e) {
                broken.add(page + ": " + ref + " (not a valid URI)");
                continue;
            }
            if (uri.getScheme() != null) {
                continue;
            } // http:, https:, mailto:, data:
            if (ref.startsWith("//")) {
                broken.add(page + ": " + ref + " (scheme-relative)");
                continue;
            }
            if (ref.startsWith("/")) {
                broken.add(page + ": " + ref + " (root-relative: breaks under a sub-path)");
                continue;
            }
            String path = uri.getPath(); // %-decoded
            Path target = path == null || path.isEmpty()
                    ? file
                    : file.getParent().resolve(path).normalize();
            if (!target.startsWith(root)) {
                broken.add(page + ": " + ref + " (outside the site)");
            } else if (Files.isDirectory(target)) {
                broken.add(page + ": " + ref + " (a folder: breaks when opened from disk)");
            } else if (!Files.isRegularFile(target)) {
                broken.add(page + ": " + ref + " (no such file)");
            } else {
                String frag = uri.getFragment();
                if (frag != null && !frag.isEmpty() && target.toString().endsWith(".html")) {
                    Document d = parse(target);
                    if (d.getElementById(frag) == null
                            && d.getElementsByAttributeValue("name", frag).isEmpty()) {
                        broken.add(page + ": " + ref + " (no id \"" + frag + "\")");
                    }
                }
            }
        }
        return broken;
    }

    private Document parse(Path p) {
        return cache.computeIfAbsent(p, k -> {
            try {
                return Jsoup.parse(k.toFile(), "UTF-8");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
