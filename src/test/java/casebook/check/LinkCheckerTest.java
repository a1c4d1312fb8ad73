package casebook.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import casebook.text.LinkTargets;
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
    void folderLinksGetAnExplicitIndexFileSoTheyWorkFromDisk() {
        assertEquals("../hasuda/index.html#basic-info", LinkTargets.withIndexFile("../hasuda/#basic-info"));
        assertEquals("../index.html", LinkTargets.withIndexFile(".."));
        assertEquals("#basic-info", LinkTargets.withIndexFile("#basic-info"));
        assertEquals("https://nimohoukatsu.mhlw.go.jp/", LinkTargets.withIndexFile("https://nimohoukatsu.mhlw.go.jp/"));
        assertEquals("mailto:a@example.jp", LinkTargets.withIndexFile("mailto:a@example.jp"));
    }
}
