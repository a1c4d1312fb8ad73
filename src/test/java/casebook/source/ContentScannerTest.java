package casebook.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import casebook.diag.Diagnostics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentScannerTest {
    @TempDir
    Path tmp;

    @Test
    void findsPagesDataAndAssetsIncludingSymbolicLinksButNotLeftovers() throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("site.yaml"), "title: t\n");
        Path a = Files.createDirectories(content.resolve("a"));
        Files.writeString(a.resolve("index.ja.md"), "---\ntitle: あ\n---\n本文\n");
        Files.writeString(a.resolve("index.ja.md~"), "editor backup\n");
        Files.writeString(a.resolve("data.yaml"), "k: v\n");
        Files.write(a.resolve("chart.png"), new byte[] {1, 2, 3});
        // an editor who keeps the English text in another folder of the content and links it in
        Path shared = Files.createDirectories(content.resolve("shared"));
        Path elsewhere = Files.writeString(shared.resolve("a-en.md"), "---\ntitle: A\n---\nBody\n");
        Files.createSymbolicLink(a.resolve("index.en.md"), elsewhere);
        Files.createDirectories(content.resolve(".git"));
        Files.writeString(content.resolve(".git/index.ja.md"), "not content\n");

        Diagnostics d = new Diagnostics();
        ContentTree tree = new ContentScanner(tmp).scan(content, d);

        assertEquals(0, d.errorCount());
        assertNotNull(tree.siteConfig());
        assertEquals(List.of("a"), List.copyOf(tree.pages().keySet()));
        assertEquals(List.of("en", "ja"), List.copyOf(tree.pages().get("a").keySet()));
        assertEquals(
                "---\ntitle: A\n---\nBody\n", tree.pages().get("a").get("en").text());
        assertEquals("k: v\n", tree.dataFiles().get("a").text());
        assertEquals(List.of(Path.of("a/chart.png")), tree.assets());
    }

    @Test
    void aSymbolicLinkLeadingOutOfTheContentIsAnErrorAndNotRead() throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("site.yaml"), "title: t\n");
        Path a = Files.createDirectories(content.resolve("a"));
        Path outside = Files.writeString(tmp.resolve("a-en.md"), "---\ntitle: A\n---\nBody\n");
        Files.createSymbolicLink(a.resolve("index.en.md"), outside);

        Diagnostics d = new Diagnostics();
        ContentTree tree = new ContentScanner(tmp).scan(content, d);

        assertEquals(1, d.errorCount());
        assertEquals(
                "content/a/index.en.md:1:1: error: content/a/index.en.md is a symbolic link to a file outside the content"
                        + " folder; nothing is read through it (fix: copy the file in instead)",
                d.kept().get(0).toString());
        assertEquals(null, tree.pages().get("a"));
    }

    @Test
    void aContentFolderThatIsASymbolicLinkIsReadUnderTheNameGiven() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Files.writeString(real.resolve("site.yaml"), "title: t\n");
        Files.createDirectories(real.resolve("a"));
        Files.writeString(real.resolve("a/index.ja.md"), "---\ntitle: あ\n---\n");
        Path link = Files.createSymbolicLink(tmp.resolve("content"), real);

        ContentTree tree = new ContentScanner(tmp).scan(link, new Diagnostics());

        assertNotNull(tree.siteConfig());
        assertEquals(
                Path.of("content/a/index.ja.md"),
                tree.pages().get("a").get("ja").display());
    }
}
