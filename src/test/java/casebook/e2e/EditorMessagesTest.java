package casebook.e2e;

import static casebook.testing.SiteFixture.SITE_YAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.diag.Diagnostic;
import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an editor reads after the mistakes a newcomer makes: each message at the file, line and column of
 * the real problem, in plain words, with a fix. Every case asserts the whole line as printed.
 */
class EditorMessagesTest {
    @TempDir
    Path tmp;

    Path content;

    /** Builds the fixture (nothing written) and returns every diagnostic line, sorted. */
    List<String> build(String txtar) {
        content = SiteFixture.write(tmp.resolve("content"), txtar);
        BuildResult r = SiteFixture.build(content, tmp.resolve("site"));
        return r.diagnostics().kept().stream().map(Diagnostic::toString).toList();
    }

    String at(String rel) {
        return content.resolve(rel).toString();
    }

    static void has(List<String> lines, String expected) {
        assertTrue(lines.contains(expected), () -> "expected:\n" + expected + "\namong:\n" + String.join("\n", lines));
    }

    static String page(String title) {
        return "---\ntitle: " + title + "\n---\n\n本文。\n";
    }

    static final String TAB_FIX = "a tab character: YAML allows only spaces here (fix: replace the tab with spaces)";

    @Test
    void aTabInYamlIsNamedAtItsOwnColumnInEveryKindOfYamlFile() {
        List<String> m = build("""
                -- site.yaml --
                %s
                -- a/index.ja.md --
                %s
                -- a/data.yaml --
                category: general-city
                basic_info:
                  - item: population
                \tvalue: 480
                -- b/index.ja.md --
                %s
                -- b/data.yaml --
                category: general-city
                basic_info:
                  - item: population
                    value:\t480
                -- c/index.ja.md --
                ---
                title: ページC
                label:\t事例
                ---
                本文。
                -- glossary.yaml --
                - id: hoken
                  ja: 保健所
                \ten: public health center
                """.formatted(SITE_YAML, page("ページA"), page("ページB")));
        has(m, at("a/data.yaml") + ":4:1: error: " + TAB_FIX);
        // not indentation: the tab after the colon, at its own column
        has(m, at("b/data.yaml") + ":4:11: error: " + TAB_FIX);
        // front matter: the file's line, not the YAML's
        has(m, at("c/index.ja.md") + ":3:7: error: " + TAB_FIX);
        has(m, at("glossary.yaml") + ":3:1: error: " + TAB_FIX);
        assertFalse(String.join("\n", m).contains("(TAB)"), () -> String.join("\n", m));

        List<String> s = build("-- site.yaml --\ntitle: {ja: T, en: T}\nlanguages:\n\t- ja\n");
        has(s, at("site.yaml") + ":3:1: error: " + TAB_FIX);
    }

    @Test
    void commonYamlMistakesAreExplainedInPlainWordsWithAFix() {
        List<String> m =
                build("""
                -- site.yaml --
                %s
                -- a/index.ja.md --
                %s
                -- a/data.yaml --
                basic_info:
                  - item: population
                     value: 3
                -- b/index.ja.md --
                %s
                -- b/data.yaml --
                basic_info:
                  - item: population
                   value: 3
                -- c/index.ja.md --
                %s
                -- c/data.yaml --
                category: general-city
                basic_info
                note: x
                -- d/index.ja.md --
                ---
                title: ページD
                description: 目的: 地域づくり
                ---
                本文。
                -- e/index.ja.md --
                ---
                title:ページE
                label: 事例
                ---
                本文。
                -- f/index.ja.md --
                ---
                title: ページF
                title: ページF2
                ---
                本文。
                -- g/index.ja.md --
                %s
                -- g/data.yaml --
                category: general-city
                - item: population
                -- h/index.ja.md --
                %s
                -- h/data.yaml --
                basic_info:
                    - item: population
                  - item: beds
                """.formatted(SITE_YAML, page("ページA"), page("ページB"), page("ページC"), page("ページG"), page("ページH")));
        has(
                m,
                at("a/data.yaml") + ":3:6: error: \"value:\" is indented further than \"item:\" on line 2, so YAML"
                        + " reads it as more of the value of \"item\" (fix: start \"value:\" in the same column as"
                        + " \"item:\", after 4 spaces; if the colon belongs to the text, put the whole text in double"
                        + " quotes)");
        has(
                m,
                at("b/data.yaml") + ":3:4: error: \"value:\" starts after 3 spaces, which lines it up with no key"
                        + " above it (fix: indent it by exactly as many spaces as the other keys at its level:"
                        + " \"item:\" on line 2 has 4 spaces before it)");
        has(
                m,
                at("c/data.yaml") + ":2:1: error: \"basic_info\" is not written as \"key: value\", but the lines"
                        + " around it are (fix: add \": \" after the key; if the line continues the value above, join"
                        + " it to that line)");
        has(
                m,
                at("d/index.ja.md") + ":3:16: error: this value holds \": \" (a colon and a space), which YAML reads"
                        + " as the start of another key (fix: put the whole value in double quotes: description:"
                        + " \"目的: 地域づくり\")");
        has(
                m,
                at("e/index.ja.md") + ":2:6: error: no space after the colon of \"title:\", so YAML does not read it"
                        + " as a key (fix: put a space after the colon: title: ページE)");
        has(
                m,
                at("f/index.ja.md") + ":3:1: error: duplicate key \"title\": it is already set at line 2 (fix: keep"
                        + " one of the two entries, or rename this one if it was meant to be another key)");
        has(
                m,
                at("g/data.yaml") + ":2:1: error: a list item (\"- …\") where YAML expects another \"key: value\" at"
                        + " this indentation (fix: put the list under a key ending in ':' on the line above it,"
                        + " indented further than that key; or remove the \"- \" and write \"key: value\")");
        has(
                m,
                at("h/data.yaml") + ":3:3: error: this list item starts after 2 spaces, which lines it up with no list"
                        + " above it (fix: indent it by exactly as many spaces as the other items of its list: the item"
                        + " on line 2 has 4 spaces before it)");
        String all = String.join("\n", m);
        assertFalse(
                all.contains("mapping values") || all.contains("expected <block end>") || all.contains("simple key"),
                all);
    }

    @Test
    void anOriginalThatFailsToLoadGivesNoFalseWarningOnItsTranslation() {
        List<String> m = build("""
                -- site.yaml --
                %s
                -- a/index.ja.md --
                ---
                title: ページA
                label: [閉じていない
                ---
                本文。
                -- a/index.en.md --
                ---
                title: Page A
                ---

                Text.
                -- b/index.en.md --
                ---
                title: Page B
                ---

                Text.
                """.formatted(SITE_YAML));
        assertTrue(m.stream().anyMatch(l -> l.startsWith(at("a/index.ja.md") + ":4:1: error: ")), m::toString);
        assertFalse(m.stream().anyMatch(l -> l.contains("a/index.en.md")), () -> String.join("\n", m));
        // an original that really is missing is still reported
        has(
                m,
                at("b/index.en.md") + ":1:1: warning: this translation has no ja original to be checked against"
                        + " (index.ja.md is missing, or a draft) (fix: add the original beside it, or make this page a"
                        + " draft too)");
    }

    @Test
    void anAsOfDateThatDoesNotExistOrComesAfterPublicationIsReported() {
        List<String> m = build("""
                -- site.yaml --
                %s
                -- a/index.ja.md --
                ---
                title: ページA
                ---

                :::basic-info
                :::
                -- a/data.yaml --
                basic_info:
                  - item: population
                    value: 100
                    as_of: 2025-02-30
                  - item: inpatients
                    value: 5
                    as_of: 2030-06-30
                  - item: hospitals
                    value: 1
                    as_of: 2025-13-01
                  - item: beds
                    value: 2
                    as_of: 2025-03-31
                """.formatted(SITE_YAML));
        String data = at("a/data.yaml");
        has(
                m,
                data + ":4:12: error: as_of \"2025-02-30\" is not a date: February 2025 has no day 30 (fix: write a"
                        + " day from 01 to 28 for February 2025)");
        has(
                m,
                data + ":7:12: warning: as_of 2030-06-30 is after the collection's publication (published: 2025-03 in"
                        + " site.yaml) (fix: correct the year or month of as_of, or published in site.yaml: a figure"
                        + " cannot be dated after the collection is published)");
        has(
                m,
                data + ":10:12: error: as_of \"2025-13-01\" is not a date: there is no month 13 (fix: write the month"
                        + " as 01 to 12)");
        // the last day of the published month is not after it
        assertFalse(m.stream().anyMatch(l -> l.startsWith(data + ":13:")), () -> String.join("\n", m));
    }

    static final String GLOSSARY = """
            -- glossary.yaml --
            - id: hoken
              ja: 保健所
              en: public health center
              definition:
                ja: 保健所の説明
                en: A public office
            - id: chiiki
              ja: 地域移項
              en: transition to community life
              defintion:
                ja: 説明
            """;

    @Test
    void glossaryTermsNoPageUsesKeyTyposAndMissingDefinitionsAreReportedWhereTheyAre() {
        List<String> m = build("""
                -- site.yaml --
                %s
                -- a/index.ja.md --
                ---
                title: ページA
                ---

                保健所と地域移行。
                -- a/index.en.md --
                ---
                title: Page A
                ---

                The public health center and the transition to community life.
                """.formatted(SITE_YAML) + GLOSSARY);
        String g = at("glossary.yaml");
        has(
                m,
                g + ":8:7: warning: glossary term \"地域移項\" is not used on any page in ja (fix: check its spelling"
                        + " against the pages (entry \"chiiki\"); if the pages write it another way, add that form under"
                        + " aliases: ja: [ … ]; if no page needs the term, delete the entry)");
        has(
                m,
                g + ":10:3: warning: unknown key \"defintion\" in glossary entry; did you mean \"definition\"? (fix:"
                        + " rename it to definition)");
        has(
                m,
                g + ":7:3: warning: glossary entry \"chiiki\" has no en definition (fix: add a definition: line to the"
                        + " entry, with \"en: <one sentence saying what the term means>\" indented under it)");
        // used in English: no warning there
        assertFalse(m.stream().anyMatch(l -> l.contains("is not used on any page in en")), () -> String.join("\n", m));
    }

    @Test
    void aGlossaryNoPageUsesYetIsNotWarnedAboutTermByTerm() {
        List<String> m = build("-- site.yaml --\n" + SITE_YAML + "-- a/index.ja.md --\n" + page("ページA") + GLOSSARY);
        assertFalse(m.stream().anyMatch(l -> l.contains("is not used on any page")), () -> String.join("\n", m));
    }

    @Test
    void dataReferencesSayWhatIsWrongAndWhatCanBeReferenced() {
        List<String> m = build("""
                -- site.yaml --
                %s
                -- a/index.ja.md --
                ---
                title: ページA
                ---

                {{data. meetings}}と{{data.population}}と{{data.basic_info.0.value}}と{{data.tools.validater}}
                -- a/data.yaml --
                category: general-city
                meetings: 4
                tools:
                  validator: Nu
                  axe: axe-core
                basic_info:
                  - item: population
                    value: 100
                """.formatted(SITE_YAML));
        String p = at("a/index.ja.md");
        String data = at("a/data.yaml");
        has(
                m,
                p + ":5:1: error: \"{{data. meetings}}\" is not a data reference: as written, its braces would show on"
                        + " the page (fix: write it as {{ data.meetings }}: two braces on each side, \"data.\" and the"
                        + " key with no space inside them; to show \"{{\" as text, write \\{{)");
        has(
                m,
                p + ":5:20: error: data key \"population\" is not in " + data + ": \"population\" is an item of the"
                        + " list \"basic_info\" (item: population), and the items of a list cannot be referenced (fix:"
                        + " show basic_info with :::basic-info, or write the value under a key of its own in data.yaml"
                        + " (\"population_text: …\") and refer to that)");
        has(
                m,
                p + ":5:40: error: data key \"basic_info.0.value\" is not in " + data + ": \"basic_info\" is a list,"
                        + " and the items of a list cannot be referenced (fix: refer to a key that holds one value;"
                        + " data.yaml has {{ data.category }}, {{ data.meetings }}, {{ data.tools.… }}; show basic_info"
                        + " with :::basic-info; or write the value under a key of its own in data.yaml)");
        has(
                m,
                p + ":5:68: error: data key \"tools.validater\" is not in " + data + ": \"tools\" has no key"
                        + " \"validater\"; did you mean \"validator\"? (fix: refer to a key that holds one value;"
                        + " \"tools\" has {{ data.tools.validator }}, {{ data.tools.axe }})");
    }

    @Test
    void aLinkFromTheRootGetsItsRelativeFormForThePageItIsOn() {
        List<String> m = build("""
                -- site.yaml --
                %s
                -- index.ja.md --
                ---
                title: トップ
                ---

                [蓮田市](/hasuda/)
                -- saitama/index.ja.md --
                ---
                title: 埼玉県
                ---

                [蓮田市](/hasuda/) と [基本情報](/ja/hasuda/#basic-info)
                -- hasuda/index.ja.md --
                ---
                title: 蓮田市
                ---

                ## 基本情報 {#basic-info}
                """.formatted(SITE_YAML));
        String why = " starts with /, which breaks when the site is hosted under a sub-path (fix: write it relative to"
                + " this page: ";
        has(m, at("saitama/index.ja.md") + ":5:1: error: link \"/hasuda/\"" + why + "../hasuda/)");
        has(
                m,
                at("saitama/index.ja.md") + ":5:19: error: link \"/ja/hasuda/#basic-info\"" + why
                        + "../hasuda/#basic-info)");
        has(m, at("index.ja.md") + ":5:1: error: link \"/hasuda/\"" + why + "hasuda/)");
    }

    @Test
    void aBrokenLinkToAPageGivesTheLinkAsItShouldBeWritten() {
        List<String> m = build("""
                -- site.yaml --
                %s
                -- saitama/index.ja.md --
                ---
                title: 埼玉県
                ---

                [一](../hasud/) [二](hasuda) [三](../hasuda/index.ja.md#basic-info) [四](../nagano/)
                -- hasuda/index.ja.md --
                ---
                title: 蓮田市
                ---

                ## 基本情報 {#basic-info}
                """.formatted(SITE_YAML));
        String general =
                "check the slug and the number of ../ (a page's own folder is ./, its siblings are ../<slug>/)";
        // a mistyped slug, and a sibling written without ../: the nearest page's link
        has(
                m,
                at("saitama/index.ja.md") + ":5:1: error: link \"../hasud/\" does not resolve: no page or file"
                        + " ja/hasud/index.html in the published site (fix: did you mean ../hasuda/ (the page hasuda)?"
                        + " otherwise " + general + ")");
        has(
                m,
                at("saitama/index.ja.md") + ":5:16: error: link \"hasuda\" does not resolve: no page or file"
                        + " ja/saitama/hasuda in the published site (fix: did you mean ../hasuda/ (the page hasuda)?"
                        + " otherwise " + general + ")");
        // the page's Markdown file: the page's folder, with the anchor kept (the advice was to copy the file over)
        has(
                m,
                at("saitama/index.ja.md") + ":5:28: error: link \"../hasuda/index.ja.md#basic-info\" does not resolve:"
                        + " no file ja/hasuda/index.ja.md in the published site (fix: link a page by its folder, not by its"
                        + " Markdown file: ../hasuda/#basic-info)");
        // no page near: the general advice alone
        has(
                m,
                at("saitama/index.ja.md") + ":5:66: error: link \"../nagano/\" does not resolve: no page or file"
                        + " ja/nagano/index.html in the published site (fix: " + general + ")");
    }

    @Test
    void aTranslationWithoutTranslatedFromSaysToRunMarkTranslated() {
        List<String> m = build("""
                -- site.yaml --
                %s
                -- a/index.ja.md --
                %s
                -- a/index.en.md --
                ---
                title: Page A
                ---

                Text.
                -- b/index.ja.md --
                %s
                -- b/index.en.md --
                ---
                title: Page B
                translated_from:
                  _intro: 0000000000
                ---

                Text.
                """.formatted(SITE_YAML, page("ページA"), page("ページB")));
        has(
                m,
                at("a/index.en.md") + ":1:1: note: this translation has no translated_from, so check cannot tell when "
                        + at("a/index.ja.md") + " changes after it (fix: once the translation is finished (no TODO(…)"
                        + " left) and matches the original, run once: mvn compile exec:java"
                        + " -Dexec.args=\"mark-translated a\")");
        assertEquals(
                1, m.stream().filter(l -> l.contains("has no translated_from")).count(), () -> String.join("\n", m));
    }
}
