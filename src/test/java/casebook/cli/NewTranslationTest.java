package casebook.cli;

import static casebook.testing.SiteFixture.SITE_YAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.Main;
import casebook.check.TranslationChecker;
import casebook.diag.Diagnostic;
import casebook.diag.Severity;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code new translation <slug>}: the English scaffold of a page that exists in Japanese. */
class NewTranslationTest {
    /** A page with every construct whose structure the translation check compares. */
    static final String ROUNDTABLE =
            "-- site.yaml --\n" + SITE_YAML + "order:\n  - talk\n" + "-- talk/index.ja.md --\n" + """
            ---
            title: 座談会
            label: "座談会: 蓮田市"
            description: 事例自治体の座談会
            order: 5
            ---

            今回、座談会を実施しました。

            ## 参加者 {#participants}

            :::participants
            - id: mod
              mark: 司
              role: 司会
              people:
                - name: 岩上洋一氏
                  affiliation: 社会福祉法人じりつ
            - id: hasuda
              mark: 蓮
              people:
                - name: 小林 洋子氏
                  affiliation: 蓮田市健康増進課
            :::

            ## 蓮田市 {#hasuda-city}

            :::dialogue
            mod: 蓮田市の魅力は？
            hasuda: 「距離が近いことです。」
            :::

            ### 体制 {#structure}

            - 福祉課
              - 保健師
            - 保健所

            | 項目 | 内容 |
            |---|---|
            | 人口 | 6.1万人 |

            :::infocard 相談窓口
            支援内容
            : 面接、オンライン

            場所
            : 市役所
            :::

            :::figure 体制図
            図の本文
            :::credit
            出典) 蓮田市提供資料
            :::
            :::

            :::note
            ※令和7年3月31日時点
            :::
            """;

    @TempDir
    Path tmp;

    static int run(ByteArrayOutputStream err, String... args) {
        return ScaffoldTest.withStderr(err, () -> Main.run(args));
    }

    static BuildResult check(Path c, boolean drafts) {
        return Build.run(BuildOptions.defaults().withContent(c).withWrite(false).withDrafts(drafts));
    }

    @Test
    void afterDeletingTheEnglishScaffoldNewTranslationWritesItAgainAndRefusesOnceItExists() throws Exception {
        Path c = SiteFixture.write(tmp.resolve("c"), ScaffoldTest.COLLECTION);
        assertEquals(0, ScaffoldTest.run("new", "case", "nagano", "--content", c.toString(), "--quiet"));
        Path en = c.resolve("nagano/index.en.md");
        Files.delete(en); // the Japanese-only stage, as the guide says

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "new", "case", "nagano", "--content", c.toString()));
        assertEquals(
                "casebook: " + c.resolve("nagano") + " already exists; choose another slug (to scaffold only its"
                        + " translation: new translation nagano)",
                err.toString(StandardCharsets.UTF_8).strip());

        assertEquals(0, ScaffoldTest.run("new", "translation", "nagano", "--content", c.toString(), "--quiet"));
        String scaffold = Files.readString(en);
        String ja = Files.readString(c.resolve("nagano/index.ja.md"));
        assertEquals(ids(ja), ids(scaffold), "the same heading ids, in the same order");
        assertEquals(containers(ja), containers(scaffold), "the same containers, in the same order");
        // the headings every case shares are written in English, as new case writes them; the others are marked
        for (String line : List.of(
                "label: Case study 3",
                "## 1. Basic information {#basic-info}",
                "## 2. Structure within the local government {#administrative-structure}",
                "## 3. Background {#issues}",
                "## 4. The initiatives {#initiatives}",
                "## 5. Summary {#summary}",
                "### TODO(translate) TODO(小見出し) {#issue-1}",
                "group: cases")) {
            assertTrue(scaffold.contains("\n" + line + "\n"), line + "\n---\n" + scaffold);
        }
        assertFalse(Files.exists(c.resolve("nagano/index.en.md.bak")));

        // translated_from is what mark-translated records for the original as it is now
        Path marked = tmp.resolve("marked.md");
        Files.writeString(marked, "---\ntitle: x\n---\n");
        BuildResult drafts = check(c, true);
        MarkTranslated.rewrite(marked, TranslationChecker.recorded(drafts.site().page("ja", "nagano")));
        String hashes = Files.readString(marked);
        assertTrue(hashes.contains("\n  \"_title\": \""), hashes);
        assertTrue(
                scaffold.contains(hashes.substring(hashes.indexOf("translated_from:"), hashes.indexOf("\n---\n") + 1)),
                scaffold);

        // it cannot be published by mistake: check stops at the English file's first placeholder
        List<Diagnostic> errors = SiteFixture.errors(check(c, false));
        Diagnostic first = errors.stream()
                .filter(d -> d.toString().startsWith(en.toString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(errors.toString()));
        int titleLine = 1
                + scaffold.lines()
                        .toList()
                        .indexOf(scaffold.lines()
                                .filter(l -> l.startsWith("title: "))
                                .findFirst()
                                .orElseThrow());
        assertTrue(
                first.toString()
                        .startsWith(en + ":" + titleLine
                                + ":9: error: placeholder \"TODO(translate)\" left from the scaffold ("),
                "the note above the title holds no placeholder: " + first);

        err.reset();
        assertEquals(2, run(err, "new", "translation", "nagano", "--content", c.toString()));
        assertEquals(
                "casebook: " + en + " already exists; edit it, or delete it first to start the translation again"
                        + " from the scaffold",
                err.toString(StandardCharsets.UTF_8).strip());
        assertEquals(scaffold, Files.readString(en), "an existing translation is never overwritten");
    }

    @Test
    void theScaffoldFollowsEveryConstructSoThatOnceTranslatedNothingIsOutOfStep() throws Exception {
        Path c = SiteFixture.write(tmp.resolve("c"), ROUNDTABLE);
        assertEquals(0, ScaffoldTest.run("new", "translation", "talk", "--content", c.toString(), "--quiet"));
        Path en = c.resolve("talk/index.en.md");
        String scaffold = Files.readString(en);
        assertTrue(
                scaffold.contains("\ntitle: \"TODO(translate) 座談会\"\nlabel: \"TODO(translate) 座談会: 蓮田市\"\n"
                        + "description: \"TODO(translate) 事例自治体の座談会\"\norder: 5\ntranslated_from:\n"),
                scaffold);
        for (String line : List.of(
                "  mark: \"TODO(translate) 司\"",
                "      affiliation: \"TODO(translate) 社会福祉法人じりつ\"",
                "hasuda: TODO(translate) 「距離が近いことです。」",
                "  - TODO(translate) 保健師",
                "| TODO(translate) 人口 | TODO(translate) 6.1万人 |",
                "|---|---|",
                ": TODO(translate) 面接、オンライン",
                ":::infocard TODO(translate) 相談窓口",
                "TODO(translate) 出典) 蓮田市提供資料")) {
            assertTrue(scaffold.contains(line + "\n"), line + "\n---\n" + scaffold);
        }
        // the translator writes over each marked text: the translation then matches the original construct for
        // construct, and is not stale
        Files.writeString(en, scaffold.replace("TODO(translate) ", "EN "));
        BuildResult r = check(c, false);
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        // no parity or staleness warning, no note that translated_from is missing (the words are still Japanese,
        // so the English house style and the glossary have their say)
        List<String> warnings = r.diagnostics().kept().stream()
                .filter(d -> d.severity() != Severity.ERROR)
                .map(Diagnostic::toString)
                .filter(m -> m.startsWith(en.toString()) && !m.contains(": style:") && !m.contains(": glossary:"))
                .toList();
        assertEquals(List.of(), warnings);
        // and a later change of the original is reported as staleness
        Path ja = c.resolve("talk/index.ja.md");
        Files.writeString(ja, Files.readString(ja).replace("「距離が近いことです。」", "「職員の距離が近いことです。」"));
        BuildResult changed = check(c, false);
        assertTrue(
                changed.diagnostics().kept().stream()
                        .anyMatch(x -> x.toString().startsWith(en.toString())
                                && x.toString().contains("#hasuda-city")),
                () -> SiteFixture.messages(changed));
        SiteFixture.build(c, tmp.resolve("out"));
        Document d = Jsoup.parse(tmp.resolve("out/en/talk/index.html").toFile(), "UTF-8");
        assertEquals(1, d.select("#hasuda-city").size());
        assertEquals(1, d.select("#structure").size());
    }

    /**
     * A collection with two translated pages, a glossary and an untranslated scaffold, and a new page whose headings
     * casebook can know (or must not guess).
     */
    static final String KNOWN = "-- site.yaml --\n" + SITE_YAML + "order:\n  - a\n  - b\n  - c\n  - fresh\n"
            + "-- glossary.yaml --\n" + """
            - id: public-health-center
              ja: 保健所
              reading: { ja: ほけんじょ }
              en: public health center
              definition: {ja: 公的な機関です。, en: "A public agency."}
            """
            + "-- a/index.ja.md --\n" + """
            ---
            title: 甲市
            ---

            ## 1. 基本情報 {#basic-info}

            本文

            ## 課題 {#challenges}

            本文

            #### 取組概要 {#overview}

            本文

            ## 3. 取組のまとめ {#summary}

            本文
            """
            + "-- a/index.en.md --\n" + """
            ---
            title: Ko City
            ---

            ## 1. Basic information {#basic-info}

            Text

            ## Challenges {#challenges}

            Text

            #### Overview {#overview}

            Text

            ## 3. Summary {#summary}

            Text
            """
            + "-- b/index.ja.md --\n---\ntitle: 乙市\n---\n\n#### 取組概要 {#overview}\n\n本文\n"
            + "-- b/index.en.md --\n---\ntitle: Otsu City\n---\n\n#### What the center does {#overview}\n\nText\n"
            + "-- c/index.ja.md --\n---\ntitle: 丙市\n---\n\n## 課題 {#challenges}\n\n本文\n"
            + "-- c/index.en.md --\n---\ntitle: TODO(translate) 丙市\n---\n\n## TODO(translate) 課題 {#challenges}\n\n"
            + "TODO(translate) 本文\n"
            + "-- fresh/index.ja.md --\n" + """
            ---
            title: 丁市
            label: 取組事例②
            ---

            ## 2. 基本情報 {#basic-info}

            本文

            ## 課題 {#challenges}

            本文

            ### 課題 {#issues}

            本文

            #### 取組概要 {#overview}

            本文

            ## 保健所 {#health-center}

            本文

            ## 取組のポイント {#points}

            :::infocard 保健所
            人口
            : 6.1万人
            :::

            :::figure 体制図
            本文
            :::

            ## 4. 取組のまとめと今後 {#summary}

            本文
            """;

    @Test
    void headingsCasebookAlreadyKnowsAreWrittenInEnglishAndTheRestStaysMarked() throws Exception {
        Path c = SiteFixture.write(tmp.resolve("c"), KNOWN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(
                0,
                withOutput(out, new ByteArrayOutputStream(), "new", "translation", "fresh", "--content", c.toString()));
        Path en = c.resolve("fresh/index.en.md");
        String scaffold = Files.readString(en);
        for (String line : List.of(
                // the label new case gives a case
                "label: Case study 2",
                // a translated page's heading with the same id and words; the number is this page's
                "## 2. Basic information {#basic-info}",
                // the same, with no number; a page still holding placeholders teaches nothing
                "## Challenges {#challenges}",
                // the same words under another id: a translator's decision
                "### TODO(translate) 課題 {#issues}",
                // translated two ways on two pages: not guessed
                "#### TODO(translate) 取組概要 {#overview}",
                // the glossary's pair, as a heading
                "## Public health center {#health-center}",
                // the theme's words (the key-point box's title)
                "## Key points {#points}",
                // a block's title and an info card's term, from the glossary and the theme
                ":::infocard Public health center",
                "Population",
                ": TODO(translate) 6.1万人",
                ":::figure TODO(translate) 体制図",
                // the same id with other words
                "## TODO(translate) 4. 取組のまとめと今後 {#summary}",
                "TODO(translate) 本文")) {
            assertTrue(scaffold.contains("\n" + line + "\n"), line + "\n---\n" + scaffold);
        }
        assertEquals(ids(Files.readString(c.resolve("fresh/index.ja.md"))), ids(scaffold), "every heading id kept");
        assertTrue(
                out.toString(StandardCharsets.UTF_8)
                        .contains("created " + en + " from the structure of " + c.resolve("fresh/index.ja.md")
                                + "; 7 headings and labels casebook already knows in en are written out (check them)"),
                out.toString(StandardCharsets.UTF_8));

        // translated, the page builds in step with the original, with the known headings as written
        Files.writeString(en, scaffold.replace("TODO(translate) ", "EN "));
        Files.delete(c.resolve("c/index.en.md")); // the other scaffold, left untranslated
        BuildResult r = SiteFixture.build(c, tmp.resolve("out"));
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        assertEquals(
                List.of(),
                r.diagnostics().kept().stream()
                        .map(Diagnostic::toString)
                        .filter(m -> m.startsWith(en.toString()) && m.contains("parity"))
                        .toList());
        Document d = Jsoup.parse(tmp.resolve("out/en/fresh/index.html").toFile(), "UTF-8");
        assertEquals("2. Basic information", d.selectFirst("h2#basic-info").text());
        assertEquals("Public health center", d.selectFirst("h2#health-center").text());
        assertEquals("Key points", d.selectFirst("h2#points").text());
        assertEquals("EN 課題", d.selectFirst("h3#issues").text());
    }

    @Test
    void theNoteAndTheConsoleSayMarkTranslatedIsNotPartOfFinishing() throws Exception {
        Path c = SiteFixture.write(tmp.resolve("c"), ROUNDTABLE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(
                0,
                withOutput(out, new ByteArrayOutputStream(), "new", "translation", "talk", "--content", c.toString()));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(
                printed.contains("next: write the translation over every TODO(translate) and the original text"
                        + " after it; check and build refuse the page until none is left."),
                printed);
        assertTrue(
                printed.contains("translated_from already records the original as it is now, the version you"
                        + " translate from: do not run mark-translated when you finish. Run it only after updating"
                        + " a section that check reports as stale"),
                printed);
        Path en = c.resolve("talk/index.en.md");
        String scaffold = Files.readString(en);
        String note = note(scaffold);
        assertTrue(note.contains("do not run mark-translated when you finish"), note);
        assertTrue(
                note.contains("# mark-translated talk only after updating a section that check reports as stale"),
                note);
        assertFalse(note.contains("TODO("), "the note may stay in the finished page: " + note);
        assertTrue(scaffold.indexOf("translated_from:") > scaffold.indexOf(note), scaffold);

        // mark-translated refuses the untranslated scaffold: it would take the original as translated
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(
                1, withOutput(new ByteArrayOutputStream(), err, "mark-translated", "talk", "--content", c.toString()));
        int titleLine = 1
                + scaffold.lines()
                        .toList()
                        .indexOf(scaffold.lines()
                                .filter(l -> l.startsWith("title: "))
                                .findFirst()
                                .orElseThrow());
        assertTrue(
                err.toString(StandardCharsets.UTF_8)
                        .contains(en + ":" + titleLine + ":9: error: not marked as translated: a placeholder is left"
                                + " here, so the page is not translated yet (fix: translate every TODO(…) first"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(scaffold, Files.readString(en), "nothing is written");

        // translated, the page is finished as it is: no note asking for mark-translated, the note itself kept
        Files.writeString(en, scaffold.replace("TODO(translate) ", "EN "));
        BuildResult r = check(c, false);
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        assertTrue(
                r.diagnostics().kept().stream().noneMatch(x -> x.toString().contains("translated_from")),
                () -> SiteFixture.messages(r));
        // and mark-translated, once the translation is done, marks it and keeps the note
        assertEquals(
                0,
                withOutput(
                        new ByteArrayOutputStream(),
                        new ByteArrayOutputStream(),
                        "mark-translated",
                        "talk",
                        "--content",
                        c.toString()));
        assertTrue(Files.readString(en).contains(note), Files.readString(en));
    }

    @Test
    void whenTheOriginalDoesNotBuildTheNoteSaysToMarkTheTranslationOnceTranslated() throws Exception {
        Path c = SiteFixture.write(tmp.resolve("c"), ROUNDTABLE.replace("order:\n", "theme: nosuch\norder:\n"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(
                0,
                withOutput(out, new ByteArrayOutputStream(), "new", "translation", "talk", "--content", c.toString()));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(
                printed.contains("translated_from is not recorded: the original does not build yet (check says"
                        + " why). Translate it once it builds; when no TODO(translate) is left, run mark-translated"
                        + " talk to record the version you translated from."),
                printed);
        assertFalse(printed.contains("do not run mark-translated"), printed);
        String scaffold = Files.readString(c.resolve("talk/index.en.md"));
        assertFalse(scaffold.contains("translated_from:"), scaffold);
        String note = note(scaffold);
        assertTrue(
                note.contains("when no mark is left,\n# run mark-translated talk once to record that version"), note);
        assertFalse(note.contains("TODO("), note);
    }

    @Test
    void checkAndMarkTranslatedGiveTheSameAdviceForANewCaseScaffold() throws Exception {
        Path c = SiteFixture.write(tmp.resolve("c"), ScaffoldTest.COLLECTION);
        assertEquals(0, run(new ByteArrayOutputStream(), "new", "case", "nagano", "--content", c.toString()));
        Path en = c.resolve("nagano/index.en.md");
        String scaffold = Files.readString(en);
        assertFalse(scaffold.contains("translated_from:"), scaffold);
        String checked = SiteFixture.messages(check(c, true));
        assertTrue(
                checked.contains(en + ":1:1: note: this translation has no translated_from, so check cannot tell when "
                        + c.resolve("nagano/index.ja.md") + " changes after it (fix: once the translation is finished"
                        + " (no TODO(…) left) and matches the original, run once: mvn compile exec:java"
                        + " -Dexec.args=\"mark-translated nagano\")"),
                checked);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(
                1,
                withOutput(
                        new ByteArrayOutputStream(),
                        err,
                        "mark-translated",
                        "nagano",
                        "--content",
                        c.toString(),
                        "--drafts"));
        String refused = err.toString(StandardCharsets.UTF_8);
        assertTrue(
                refused.contains("(fix: translate every TODO(…) first; this page records no translated_from yet (a"
                        + " scaffold from new case does not), so once it is translated and matches the original, run"
                        + " mark-translated nagano once to record that version)"),
                refused);
        assertFalse(refused.contains("already records"), refused);
        assertEquals(scaffold, Files.readString(en), "nothing is written");
    }

    /** The comment lines at the top of a scaffold's front matter. */
    private static String note(String scaffold) {
        StringBuilder note = new StringBuilder();
        for (String line : scaffold.lines().skip(1).toList()) {
            if (!line.startsWith("#")) {
                break;
            }
            note.append(line).append('\n');
        }
        assertFalse(note.isEmpty(), scaffold);
        return note.toString();
    }

    /** Runs the command line with standard output and error captured. */
    static int withOutput(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return Main.run(args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    @Test
    void aTranslationNeedsItsOriginalAndTakesNoPlace() {
        Path c = SiteFixture.write(tmp.resolve("c"), ScaffoldTest.COLLECTION);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "new", "translation", "nagano", "--content", c.toString()));
        assertTrue(
                err.toString(StandardCharsets.UTF_8)
                        .startsWith("casebook: no page " + c.resolve("nagano/index.ja.md") + " to translate; new case"
                                + " nagano scaffolds a new page\n"),
                err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(c.resolve("nagano")));
        err.reset();
        assertEquals(2, run(err, "new", "translation", "one", "--after", "two", "--content", c.toString()));
        assertTrue(
                err.toString(StandardCharsets.UTF_8)
                        .startsWith("casebook: --after is an option of new case and new page only: a translation"
                                + " takes the place of its original\n"),
                err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(c.resolve("one/index.en.md")));
    }

    private static List<String> ids(String page) {
        return all(Pattern.compile("(?m)^#+ .*(\\{#[a-z0-9-]+\\})$"), page);
    }

    private static List<String> containers(String page) {
        return all(Pattern.compile("(?m)^(:::[a-z-]*)"), page);
    }

    private static List<String> all(Pattern p, String s) {
        Matcher m = p.matcher(s);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
