package casebook.cli;

import static casebook.testing.SiteFixture.SITE_YAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.Main;
import casebook.diag.Diagnostic;
import casebook.diag.Severity;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.io.ByteArrayOutputStream;
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
        assertTrue(scaffold.contains("## TODO(translate) 1. 基本情報 {#basic-info}\n"), scaffold);
        assertTrue(scaffold.contains("group: cases\n"), scaffold);
        assertFalse(Files.exists(c.resolve("nagano/index.en.md.bak")));

        // translated_from is what mark-translated records for the original as it is now
        Path marked = tmp.resolve("marked.md");
        Files.writeString(marked, "---\ntitle: x\n---\n");
        BuildResult drafts = check(c, true);
        MarkTranslated.rewrite(
                marked, drafts.site().page("ja", "nagano").rendered().sectionHashes());
        String hashes = Files.readString(marked);
        assertTrue(
                scaffold.contains(hashes.substring(hashes.indexOf("translated_from:"), hashes.indexOf("\n---\n") + 1)),
                scaffold);

        // it cannot be published by mistake: check stops at the English file's first placeholder
        List<Diagnostic> errors = SiteFixture.errors(check(c, false));
        Diagnostic first = errors.stream()
                .filter(d -> d.toString().startsWith(en.toString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(errors.toString()));
        assertTrue(
                first.toString()
                        .startsWith(en + ":2:9: error: placeholder \"TODO(translate)\" left from the scaffold ("),
                first.toString());

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
                scaffold.startsWith("---\ntitle: \"TODO(translate) 座談会\"\nlabel: \"TODO(translate) 座談会: 蓮田市\"\n"
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
