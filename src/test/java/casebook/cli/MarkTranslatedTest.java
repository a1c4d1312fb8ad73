package casebook.cli;

import static casebook.testing.SiteFixture.SITE_YAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.Main;
import casebook.testing.SiteFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mark-translated} as the usage text describes it: it marks the translations of the pages named, says why
 * when it cannot, and never records an original that is not the one meant (a mistyped slug, a page without a
 * translation, an original with errors) while leaving the files as they were.
 */
class MarkTranslatedTest {
    /** Two translated pages (a, b) and a page in Japanese only (c). */
    static final String SITE = "-- site.yaml --\n" + SITE_YAML
            + "order: [a, b, c]\n"
            + "-- a/index.ja.md --\n---\ntitle: ページA\n---\n\n## 一 {#one}\n\n本文。\n"
            + "-- a/index.en.md --\n---\ntitle: Page A\n---\n\n## One {#one}\n\nText.\n"
            + "-- b/index.ja.md --\n---\ntitle: ページB\n---\n\n## 一 {#one}\n\n本文。\n"
            + "-- b/index.en.md --\n---\ntitle: Page B\n---\n\n## One {#one}\n\nText.\n"
            + "-- c/index.ja.md --\n---\ntitle: ページC\n---\n\n## 一 {#one}\n\n本文。\n";

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    static boolean marked(Path c, String slug) throws IOException {
        return Files.readString(c.resolve(slug).resolve("index.en.md")).contains("translated_from:");
    }

    @Test
    void aPageWithoutATranslationIsNamedAndNothingIsMarked() throws IOException {
        Path c = SiteFixture.write(tmp.resolve("c"), SITE);
        // before the fix: exit 1 and not a word, after marking a
        Run r = run("mark-translated", "a", "c", "--content", c.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(
                "casebook: c has no translation to mark: there is no "
                        + c.resolve("c").resolve("index.en.md")
                        + " (nothing was marked). A page published in ja only needs nothing; to start its translation,"
                        + " run mvn compile exec:java -Dexec.args=\"new translation c --content " + c + "\"\n",
                r.err());
        assertFalse(marked(c, "a"), "a slug that cannot be marked leaves every page as it was");
    }

    @Test
    void aMistypedSlugIsRefusedWithTheNearestPageBeforeAnythingIsMarked() throws IOException {
        Path c = SiteFixture.write(tmp.resolve("c"), SITE);
        Run r = run("mark-translated", "a", "bb", "--content", c.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("casebook: no page \"bb\" in ja; did you mean \"b\"? (nothing was marked)\n", r.err());
        assertFalse(marked(c, "a"));
        // --all and slugs together are one or the other
        Run both = run("mark-translated", "--all", "a", "--content", c.toString());
        assertEquals(2, both.code());
        assertTrue(
                both.err().startsWith("casebook: mark-translated takes either --all or page slugs, not both\n"),
                both.err());
        assertFalse(marked(c, "a"));
        // --all marks every page that has a translation, and passes over the one in Japanese only
        Run all = run("mark-translated", "--all", "--content", c.toString());
        assertEquals(0, all.code(), all.err());
        assertTrue(marked(c, "a") && marked(c, "b"), all.out());
        assertFalse(Files.exists(c.resolve("c/index.en.md")));
    }

    @Test
    void aTranslationWhoseOriginalHasErrorsIsNotMarked() throws IOException {
        Path c = SiteFixture.write(
                tmp.resolve("c"), SITE.replace("title: ページA\n---\n\n", "title: ページA\n---\n\n:::keypiont\n本文\n:::\n\n"));
        String before = Files.readString(c.resolve("a/index.en.md"));
        Run r = run("mark-translated", "a", "b", "--content", c.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(before, Files.readString(c.resolve("a/index.en.md")), "the mistaken version is not recorded");
        assertTrue(marked(c, "b"), "the other page named is marked");
        String[] lines = r.err().split("\n");
        assertTrue(
                lines[0].startsWith(c.resolve("a/index.ja.md") + ":5:4: error: unknown container \":::keypiont\""),
                r.err());
        assertEquals(
                c.resolve("a/index.en.md") + ":1:1: error: not marked as translated: its original "
                        + c.resolve("a/index.ja.md") + " has an error in this build (listed above), and marking now"
                        + " would record that version (fix: fix the original first, then run mvn compile exec:java"
                        + " -Dexec.args=\"mark-translated a --content " + c + "\")",
                lines[1]);
        assertTrue(r.out().contains("marked " + c.resolve("b/index.en.md")), r.out());
    }
}
