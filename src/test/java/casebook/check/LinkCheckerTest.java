package casebook.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import casebook.text.LinkTargets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkCheckerTest {
    @Test
    void relativeLinksResolveAgainstThePageFolder() {
        assertEquals("ja/hasuda/", LinkChecker.resolve("ja/saitama/index.html", "../hasuda/"));
        assertEquals("ja/hasuda/index.html", LinkChecker.resolve("ja/saitama/index.html", "../hasuda/index.html"));
        assertEquals("ja/saitama/fig.png", LinkChecker.resolve("ja/saitama/index.html", "./fig.png"));
        assertEquals("en/saitama/", LinkChecker.resolve("ja/saitama/index.html", "../../en/saitama/"));
        assertNull(LinkChecker.resolve("ja/index.html", "../../x"));
    }

    @Test
    void aLinkFromTheRootIsSuggestedRelativeToThePage() {
        LinkChecker links = new LinkChecker(
                Set.of("ja/index.html", "ja/hasuda/index.html", "ja/saitama/index.html", "en/index.html"), Map.of());
        String page = "ja/saitama/index.html";
        // from the content folder (in the page's language) and from the published site alike
        assertEquals("../hasuda/", links.relativeForm(page, "ja", "/hasuda/"));
        assertEquals("../hasuda/#basic-info", links.relativeForm(page, "ja", "/ja/hasuda/#basic-info"));
        assertEquals("../../en/", links.relativeForm(page, "ja", "/en/"));
        assertEquals("../hasuda/index.html?x=1", links.relativeForm(page, "ja", "/ja//hasuda/index.html?x=1"));
        assertEquals("../", links.relativeForm(page, "ja", "/"));
        assertEquals("./#top", links.relativeForm(page, "ja", "/saitama/#top"));
        assertEquals("hasuda/", links.relativeForm("ja/index.html", "ja", "/hasuda/"));
        assertEquals("./", links.relativeForm("ja/index.html", "ja", "/"));
    }

    @Test
    void folderLinksGetAnExplicitIndexFileSoTheyWorkFromDisk() {
        assertEquals("../hasuda/index.html#basic-info", LinkTargets.withIndexFile("../hasuda/#basic-info"));
        assertEquals("../index.html", LinkTargets.withIndexFile(".."));
        assertEquals("#basic-info", LinkTargets.withIndexFile("#basic-info"));
        assertEquals("https://nimohoukatsu.mhlw.go.jp/", LinkTargets.withIndexFile("https://nimohoukatsu.mhlw.go.jp/"));
        assertEquals("mailto:a@example.jp", LinkTargets.withIndexFile("mailto:a@example.jp"));
    }
}
