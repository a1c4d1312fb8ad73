package casebook.check;

import static casebook.testing.SiteFixture.SITE_YAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.Main;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslationCheckerTest {
    @TempDir
    Path tmp;

    static final String PAIR = """
            -- site.yaml --
            %s
            -- glossary.yaml --
            - id: public-health-center
              ja: 保健所
              en: public health center
              definition: {ja: 説明, en: Explanation}
            -- a/index.ja.md --
            ---
            title: ページA
            ---

            ## 一 {#one}

            保健所の話。

            - 点1
            - 点2

            ## 二 {#two}

            本文。
            -- a/index.en.md --
            ---
            title: Page A
            ---

            ## One {#one}

            About the public health center.

            - Point 1
            - Point 2

            ## Two {#two}

            Text.
            """.formatted(SITE_YAML);

    BuildResult build(Path content, boolean strict) {
        return Build.run(BuildOptions.defaults()
                .withContent(content)
                .withOut(tmp.resolve("site"))
                .withStrict(strict));
    }

    @Test
    void matchingTranslationIsClean() {
        Path c = SiteFixture.write(tmp.resolve("c"), PAIR);
        BuildResult r = build(c, true);
        assertEquals(0, r.diagnostics().warningCount() + r.diagnostics().errorCount(), () -> SiteFixture.messages(r));
    }

    @Test
    void parityMismatchNamesBothFilesAndStrictMakesItAnError() {
        Path c = SiteFixture.write(tmp.resolve("c"), PAIR.replace("- Point 2\n", ""));
        BuildResult r = build(c, false);
        String m = SiteFixture.messages(r);
        assertTrue(
                m.contains(c.resolve("a/index.en.md")
                        + ":9:1: warning: parity: in section #one, a list of 1 item here, but a list of 2 items at "
                        + c.resolve("a/index.ja.md") + ":9"),
                m);
        assertTrue(build(c, true).diagnostics().hasErrors());
    }

    @Test
    void parityMessagesReadWellForAnExtraItemAndAnOpening() {
        Path c = SiteFixture.write(
                tmp.resolve("c"),
                PAIR.replace("- Point 2\n", "- Point 2\n- Point 3\n\n| a |\n|---|\n| 1 |\n")
                        .replace(
                                "title: Page A\n---\n",
                                "title: Page A\n---\n\n- An opening list the original lacks\n"));
        String m = SiteFixture.messages(build(c, false));
        assertTrue(m.contains("warning: parity: in section #one, a list of 3 items here, but a list of 2 items at"), m);
        assertTrue(
                m.contains("warning: parity: an opening before the first heading does not exist in "
                        + c.resolve("a/index.ja.md")
                        + " (fix: the original starts with its first heading: move this text under a heading)"),
                m);
        Path d = SiteFixture.write(
                tmp.resolve("d"),
                PAIR.replace(
                        "\n- Point 1\n- Point 2\n\n## Two", "\n- Point 1\n- Point 2\n\n| a |\n|---|\n| 1 |\n\n## Two"));
        String n = SiteFixture.messages(build(d, false));
        assertTrue(n.contains("warning: parity: in section #one, this translation adds a table of 2 rows that "), n);
    }

    @Test
    void staleSectionsAreWarnedAndAnnouncedUntilMarkedTranslated() throws IOException {
        Path c = SiteFixture.write(tmp.resolve("c"), PAIR);
        assertEquals(0, Main.run(new String[] {"mark-translated", "a", "--content", c.toString(), "--quiet"}));
        assertTrue(Files.readString(c.resolve("a/index.en.md")).contains("translated_from:"));
        assertEquals(0, build(c, false).diagnostics().warningCount());
        Files.writeString(
                c.resolve("a/index.ja.md"),
                Files.readString(c.resolve("a/index.ja.md")).replace("本文。", "本文を更新。"));
        BuildResult r = build(c, false);
        String m = SiteFixture.messages(r);
        assertTrue(m.contains(c.resolve("a/index.en.md") + ":16:1: warning: stale translation: section #two of"), m);
        Document en = Jsoup.parse(SiteFixture.read(tmp.resolve("site/en/a/index.html")));
        assertNotNull(en.selectFirst(".stale-notice a[href='../../ja/a/index.html#two']"), en.html());
        assertEquals(0, Main.run(new String[] {"mark-translated", "a", "--content", c.toString(), "--quiet"}));
        assertEquals(0, build(c, false).diagnostics().warningCount());
    }

    @Test
    void missingTranslationIsNotGeneratedAndTheSwitcherSaysSo() throws IOException {
        Path c = SiteFixture.write(tmp.resolve("c"), PAIR + """
                -- b/index.ja.md --
                ---
                title: ページB
                ---
                本文
                """);
        BuildResult r = build(c, false);
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        assertFalse(Files.exists(tmp.resolve("site/en/b/index.html")));
        Document ja = Jsoup.parse(SiteFixture.read(tmp.resolve("site/ja/b/index.html")));
        assertNull(ja.selectFirst(".lang-switch a"));
        assertEquals("英語版は準備中です", ja.selectFirst(".lang-switch__missing").text());
        Document enTop = Jsoup.parse(SiteFixture.read(tmp.resolve("site/en/index.html")));
        assertEquals("ページB", enTop.selectFirst(".missing a[hreflang=ja]").text());
    }

    @Test
    void glossaryTermRenderedDifferentlyIsWarned() {
        Path c = SiteFixture.write(
                tmp.resolve("c"), PAIR.replace("About the public health center.", "About the health office."));
        String m = SiteFixture.messages(build(c, false));
        assertTrue(
                m.contains(c.resolve("a/index.en.md")
                        + ":5:1: warning: glossary: section #one of the original uses \"保健所\","
                        + " but this translation never says \"public health center\""),
                m);
    }

    @Test
    void glossaryTermIsFoundWhateverItsCaseInEnglish() {
        Path c = SiteFixture.write(
                tmp.resolve("c"), PAIR.replace("About the public health center.", "About the Public Health Center."));
        String m = SiteFixture.messages(build(c, false));
        assertFalse(m.contains("glossary:"), m);
    }

    static String markTranslated(Path c) {
        assertEquals(0, Main.run(new String[] {"mark-translated", "a", "--content", c.toString(), "--quiet"}));
        return SiteFixture.read(c.resolve("a/index.en.md"));
    }

    static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), text);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void aChangedTitleOrLabelIsStaleOnceRecordedAndAnOldBlockWithoutThemIsNot() throws IOException {
        Path c = SiteFixture.write(
                tmp.resolve("c"),
                PAIR.replace("title: ページA\n", "title: ページA\nlabel: 事例①\n")
                        .replace("title: Page A\n", "title: Page A\nlabel: Case 1\n"));
        String en = markTranslated(c);
        assertTrue(en.contains("\n  \"_title\": \"") && en.contains("\n  \"_label\": \""), en);
        assertEquals(0, build(c, false).diagnostics().warningCount(), () -> SiteFixture.messages(build(c, false)));
        Path ja = c.resolve("a/index.ja.md");
        replace(ja, "title: ページA", "title: ページAの新題");
        replace(ja, "label: 事例①", "label: 事例②");
        String m = SiteFixture.messages(build(c, false));
        Path enFile = c.resolve("a/index.en.md");
        assertTrue(
                m.contains(enFile + ":2:1: warning: stale translation: the title of " + ja
                        + " changed after this translation (it is now \"ページAの新題\") (fix: update the translation,"
                        + " then run: mvn compile exec:java -Dexec.args=\"mark-translated a\")"),
                m);
        assertTrue(m.contains(enFile + ":3:1: warning: stale translation: the label of " + ja), m);
        assertTrue(build(c, true).diagnostics().hasErrors());
        markTranslated(c);
        assertEquals(0, build(c, false).diagnostics().warningCount());

        // a block recorded before titles were: not stale for them, and mark-translated adds them
        String old = SiteFixture.read(enFile).replaceAll("\n  \"_(title|label)\": \"[0-9a-f]+\"", "");
        Files.writeString(enFile, old);
        replace(ja, "title: ページAの新題", "title: ページA");
        BuildResult r = build(c, false);
        assertEquals(0, r.diagnostics().warningCount(), () -> SiteFixture.messages(r));
        assertTrue(markTranslated(c).contains("\n  \"_title\": \""));
    }

    @Test
    void anOriginalWithErrorsIsNotComparedSoNoHarmfulFixIsSuggested() throws IOException {
        Path c = SiteFixture.write(tmp.resolve("c"), PAIR);
        markTranslated(c);
        Path ja = c.resolve("a/index.ja.md");
        Path en = c.resolve("a/index.en.md");
        // a broken link (found by the link stage, after the pages) in a changed section of the original
        replace(ja, "本文。", "本文。[リンク](../nope/index.html)");
        BuildResult r = build(c, false);
        String m = SiteFixture.messages(r);
        assertTrue(r.diagnostics().hasErrors(), m);
        assertFalse(m.contains("stale translation"), m);
        assertFalse(m.contains("mark-translated"), m);
        assertTrue(
                m.contains(en + ":1:1: note: not compared with " + ja
                        + " (parity and staleness): the original has errors in this build"),
                m);
        // a heading id written twice: the error stands alone, no parity warning for the de-duplicated id
        replace(ja, "本文。[リンク](../nope/index.html)", "本文。\n\n## 三 {#one}\n\n本文。");
        BuildResult dup = build(c, false);
        String n = SiteFixture.messages(dup);
        assertTrue(dup.diagnostics().hasErrors(), n);
        assertFalse(n.contains("warning: parity"), n);
        assertFalse(n.contains("stale translation"), n);
        // fixed, the translation is compared again
        replace(ja, "本文。\n\n## 三 {#one}\n\n本文。", "本文を更新。");
        String fixed = SiteFixture.messages(build(c, false));
        assertTrue(fixed.contains(en + ":16:1: warning: stale translation: section #two of"), fixed);
    }

    @Test
    void aListInANoteIsNamedAsOne() {
        Path c = SiteFixture.write(
                tmp.resolve("c"),
                PAIR.replace("本文。", "本文。\n\n:::note\n※ 注意。\n:::")
                        .replace("Text.", "Text.\n\n:::note\n* Careful.\n:::"));
        String m = SiteFixture.messages(build(c, false));
        assertTrue(m.contains("warning: parity: in section #two, this translation adds a list of 1 item that "), m);
        assertTrue(
                m.contains("(fix: a line starting with \"* \" or \"- \" starts a list, inside a note too: write the"
                        + " remark as a sentence (the other pages write \"Note: …\")"),
                m);
    }
}
