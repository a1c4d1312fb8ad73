package casebook.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gate: every internal link and anchor of the built site resolves, from disk and under any sub-path. */
class InternalLinksIT {

    @Test
    void everyInternalLinkResolves(@TempDir Path tmp) {
        Path site = QaSite.build(tmp);
        List<String> broken = SiteLinks.broken(site);
        assertEquals(List.of(), broken, () -> "broken internal links:\n  " + String.join("\n  ", broken));
    }

    /** The control: the same check on a folder with known broken links must report exactly those. */
    @Test
    void brokenLinksAreCaught() {
        List<String> broken = SiteLinks.broken(QaSite.controls().resolve("links"));
        assertEquals(
                List.of(
                        "index.html: missing.html (no such file)",
                        "index.html: sub/page.html#no-such-id (no id \"no-such-id\")",
                        "index.html: /sub/page.html (root-relative: breaks under a sub-path)",
                        "index.html: sub/ (a folder: breaks when opened from disk)",
                        "index.html: missing.png (no such file)"),
                broken);
    }
}
