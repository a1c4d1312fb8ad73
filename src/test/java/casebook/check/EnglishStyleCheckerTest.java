package casebook.check;

import static casebook.testing.SiteFixture.SITE_YAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.diag.Diagnostic;
import casebook.diag.Diagnostics;
import casebook.diag.Severity;
import casebook.frontmatter.YamlReader;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.site.Glossary;
import casebook.testing.SiteFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnglishStyleCheckerTest {
    @TempDir
    Path tmp;

    static final String SITE = """
            -- site.yaml --
            %s
            -- glossary.yaml --
            - id: community-building
              ja: 地域づくり
              en: community building
              definition: {ja: 説明, en: Explanation}
              avoid:
                en: [community development]
            - id: desk
              ja: 福祉総合相談窓口
              en: General Welfare Consultation Desk
              definition: {ja: 説明, en: Explanation}
              avoid:
                en: [general welfare consultation desk]
            - id: social-worker
              ja: 精神保健福祉士
              en: mental health social worker
              definition: {ja: 説明, en: Explanation}
              aliases:
                en: [mental health social workers]
              avoid:
                en: [psychiatric social worker]
            - id: collection
              ja: 事例集
              en: collection of case studies
              definition: {ja: 説明, en: Explanation}
              avoid:
                en: [casebook]
            - id: lead-division
              ja: 主管課
              en: lead division
              definition: {ja: 説明, en: Explanation}
              avoid:
                en: [responsible division]
            -- a/index.ja.md --
            ---
            title: ページA
            ---

            ## 一 {#one}

            地域づくりと福祉総合相談窓口の話（colour centre）。
            -- a/index.en.md --
            ---
            title: %s
            ---

            ## One {#one}

            %s
            """;

    static final String CLEAN = "Community building and the General Welfare Consultation Desk.";

    BuildResult build(String title, String body, boolean strict) {
        Path c = SiteFixture.write(tmp.resolve("c" + System.nanoTime()), SITE.formatted(SITE_YAML, title, body));
        return Build.run(BuildOptions.defaults()
                .withContent(c)
                .withOut(tmp.resolve("site"))
                .withStrict(strict));
    }

    /** The style diagnostics, each as "line:col: message (fix: hint)". */
    static List<String> style(BuildResult r) {
        return r.diagnostics().kept().stream()
                .filter(x -> x.message().startsWith("style: "))
                .map(x -> x.at().line() + ":" + x.at().column() + ": " + x.message() + " (fix: " + x.hint() + ")")
                .collect(Collectors.toList());
    }

    @Test
    void houseStyleTextHasNoWarnings() {
        BuildResult r = build(
                "Page A",
                CLEAN + " We analyzed 3 centers and 12 cases toward one or two goals; our advisers"
                        + " advise and supervise, and the Ministry of Health, Labour and Welfare's \"plain\" text is 'fine'.",
                true);
        assertEquals(List.of(), style(r), () -> SiteFixture.messages(r));
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
    }

    @Test
    void britishSpellingIsWarnedAtItsColumnWithTheHouseForm() {
        BuildResult r = build("Page A", CLEAN + " The centre moved towards carers.", false);
        List<String> s = style(r);
        int col = CLEAN.length() + 6;
        assertEquals(
                List.of(
                        "7:" + col
                                + ": style: \"centre\" is not the house form: house spelling is US English (fix: write \"center\")",
                        "7:" + (col + 13)
                                + ": style: \"towards\" is not the house form: house spelling is US English (fix: write \"toward\")",
                        "7:" + (col + 21)
                                + ": style: \"carers\" is not the house form: house spelling is US English (fix: write \"caregivers\")"),
                s);
        assertTrue(r.diagnostics().kept().stream()
                .filter(x -> x.message().startsWith("style: "))
                .allMatch(x -> x.severity() == Severity.WARNING
                        && x.at().file().toString().endsWith("index.en.md")));
    }

    @Test
    void iseVerbsAreWarnedButIseWordsAndNamesAreNot() {
        List<String> s = style(
                build("Page A", CLEAN + " Staff recognised the Organisation; we liaise, revise, exercise.", false));
        assertEquals(2, s.size(), s.toString());
        assertTrue(s.get(0).contains("\"recognised\"") && s.get(0).endsWith("(fix: write \"recognized\")"), s.get(0));
        assertTrue(
                s.get(1).contains("\"Organisation\"") && s.get(1).endsWith("(fix: write \"Organization\")"), s.get(1));
    }

    @Test
    void numbersInWordsAreLeftToEditors() {
        List<String> s = style(build("Two", CLEAN + " Two divisions and twenty-three staff.", false));
        assertEquals(List.of(), s);
    }

    @Test
    void curlyQuotesAreWarned() {
        List<String> s = style(build("Page A", CLEAN + " She said \u201Cyes\u201D and it\u2019s done.", false));
        assertEquals(3, s.size(), s.toString());
        assertTrue(s.get(0).startsWith("7:" + (CLEAN.length() + 11) + ": style: curly quotation mark"), s.get(0));
        assertTrue(s.get(2).contains("curly quote or apostrophe") && s.get(2).endsWith("(fix: write ')"), s.get(2));
    }

    @Test
    void glossaryAvoidFormsAreWarnedNamingTheEntry() {
        List<String> s =
                style(build("Page A", "Community development and the general welfare consultation desk.", false));
        assertEquals(
                List.of(
                        "7:1: style: \"Community development\" is not the house form: the glossary's term (entry community-building) is"
                                + " \"community building\" (fix: write \"Community building\")",
                        "7:31: style: \"general welfare consultation desk\" is not the house form: the glossary's term (entry desk) is"
                                + " \"General Welfare Consultation Desk\" (fix: write \"General Welfare Consultation Desk\")"),
                s);
    }

    @Test
    void titleIsCheckedAndIdsLinksCodeAndPlaceholdersAreNot() {
        List<String> s = style(build(
                "\"Round-table\"",
                CLEAN + " See [the centre](https://example.org/centre), `colour`,"
                        + " <https://example.org/towards> and <span class=\"colour\">text</span>.",
                false));
        assertEquals(
                List.of(
                        "2:1: style: the title: \"Round-table\" is not the house form: house spelling is US English"
                                + " (fix: write \"Roundtable\")",
                        "7:" + (CLEAN.length() + 11) + ": style: \"centre\" is not the house form: house"
                                + " spelling is US English (fix: write \"center\")"),
                s);
    }

    @Test
    void strictMakesThemErrorsAndJapanesePagesAreNotChecked() {
        BuildResult r = build("Page A", CLEAN + " The centre.", true);
        List<Diagnostic> errors = SiteFixture.errors(r);
        assertEquals(1, errors.size(), () -> SiteFixture.messages(r));
        assertTrue(errors.get(0).message().startsWith("style: \"centre\""));
    }

    @Test
    void pluralsOfAvoidFormsAreWarnedAsWholeWords() {
        List<String> s = style(build(
                "Page A",
                "Two psychiatric social workers, 3 casebooks and 2 community developmentes; not casebooksy,"
                        + " casebooks-style or psychiatric social workership.",
                false));
        assertEquals(
                List.of(
                        "7:5: style: \"psychiatric social workers\" is not the house form: the glossary's term (entry"
                                + " social-worker) is \"mental health social worker\" (fix: write \"mental health social"
                                + " workers\")",
                        "7:35: style: \"casebooks\" is not the house form: the glossary's term (entry collection) is"
                                + " \"collection of case studies\" (fix: write the plural of \"collection of case"
                                + " studies\")",
                        "7:51: style: \"community developmentes\" is not the house form: the glossary's term (entry"
                                + " community-building) is \"community building\" (fix: write the plural of \"community"
                                + " building\")"),
                s);
    }

    @Test
    void theRealGlossaryRulesOutCommunityHealthCenterInCapitals() throws Exception {
        Diagnostics d = new Diagnostics();
        Glossary real = Glossary.from(
                YamlReader.read(Files.readString(Path.of("content/glossary.yaml")), Path.of("glossary.yaml"), 0, d),
                Path.of("glossary.yaml"),
                List.of("ja", "en"),
                d);
        EnglishStyleChecker checker = new EnglishStyleChecker(real);
        List<EnglishStyleChecker.Finding> found = checker.findings(
                "The Community Health Center and 2 Community Health Centers. Community health centers and the"
                        + " community health center are fine.");
        assertEquals(2, found.size(), found::toString);
        assertEquals(4, found.get(0).index());
        assertTrue(found.get(0).message().startsWith("\"Community Health Center\" is not the house form"));
        assertEquals("write \"community health center\"", found.get(0).hint());
        assertTrue(found.get(1).message().startsWith("\"Community Health Centers\" is not the house form"));
        assertEquals(
                "write the plural of \"community health center\"", found.get(1).hint());
    }

    @Test
    void aTermSplitOverALineBreakIsWarnedAtItsFirstWord() {
        List<String> s = style(build(
                "Page A",
                "The lead division and the responsible\ndivision, a responsible \n  division,\n\nresponsible\n\n"
                        + "division (a paragraph break) and\n```\nresponsible\n```\ndivision (code).",
                false));
        String hint = " is not the house form: the glossary's term (entry lead-division) is \"lead division\";"
                + " 1 more use in this file (line 8) (fix: write \"lead division\" (both uses))";
        assertEquals(List.of("7:27: style: \"responsible division\"" + hint), s);
    }

    @Test
    void hospitalAsAModifierIsNotTheIdiom() {
        List<String> s = style(build(
                "Page A",
                "Support in hospital settings and in hospital\ncare. She stayed in hospital for a year and left hospital.",
                false));
        assertEquals(
                List.of(
                        "8:18: style: \"in hospital\" is not the house form: house usage is US English (fix: write"
                                + " \"in the hospital\")",
                        "8:45: style: \"left hospital\" is not the house form: house usage is US English (fix: write"
                                + " \"left the hospital\")"),
                s);
    }

    @Test
    void britishIdiomsAreWarnedWithTheUsForm() {
        List<String> s = style(
                build("Page A", "Patients in hospital, joined-up support and training at municipal level.", false));
        assertEquals(
                List.of(
                        "7:10: style: \"in hospital\" is not the house form: house usage is US English (fix: write"
                                + " \"in the hospital\")",
                        "7:23: style: \"joined-up\" is not the house form: house usage is US English (fix: write"
                                + " \"coordinated\")",
                        "7:54: style: \"at municipal level\" is not the house form: house usage is US English (fix:"
                                + " write \"at the municipal level\")"),
                s);
    }

    @Test
    void theEnglishOfTheYamlFilesAndOfFrontMatterIsCheckedWhereItIsWritten() {
        Path c = SiteFixture.write(tmp.resolve("yaml"), """
                -- site.yaml --
                title: {ja: テスト事例集, en: "The centre's \\"casebook\\""}
                short_title:
                  ja: 事例集
                  en: >-
                    A collection
                    of case studies, organised
                languages: [ja, en]
                default_language: ja
                publisher: {ja: 発行者, en: Publisher}
                published: 2025-03
                -- glossary.yaml --
                - id: collection
                  ja: 事例集
                  en: collection of case studies
                  definition:
                    ja: 説明
                    en: "Also called a casebook; its colour"
                  aliases:
                    en: [case studies collection]
                  avoid:
                    en: [casebook, casebooks]
                -- a/data.yaml --
                notes:
                  - {ja: 注, en: Counted in hospital.}
                  - ja: 注
                    en: 'Fine; towards the end'
                -- a/index.ja.md --
                ---
                title: ページA
                description: 事例集の紹介（colour）
                ---

                事例集の話。
                -- a/index.en.md --
                ---
                title: Page A
                label: Case study
                description: A ‘casebook’ of the centre
                ---

                A collection of case studies.
                """);
        BuildResult r = Build.run(BuildOptions.defaults().withContent(c).withOut(tmp.resolve("site")));
        List<String> s = r.diagnostics().kept().stream()
                .filter(x -> x.message().startsWith("style: "))
                .map(x -> x.at().file().getFileName() + ":" + x.at().line() + ":" + x.at().column() + ": "
                        + (x.message().contains("curly")
                                ? "curly"
                                : x.message().replaceFirst(" is not the house form.*", "")))
                .collect(Collectors.toList());
        assertEquals(
                List.of(
                        "data.yaml:2:25: style: \"in hospital\"",
                        "data.yaml:4:16: style: \"towards\"",
                        "index.en.md:4:16: curly",
                        "index.en.md:4:17: style: \"casebook\"",
                        "index.en.md:4:25: curly",
                        "index.en.md:4:34: style: \"centre\"",
                        "glossary.yaml:6:24: style: \"casebook\"",
                        "glossary.yaml:6:38: style: \"colour\"",
                        "site.yaml:1:30: style: \"centre\"",
                        "site.yaml:1:41: style: \"casebook\"",
                        "site.yaml:6:22: style: \"organised\""),
                s,
                () -> SiteFixture.messages(r));
    }

    @Test
    void theRealContentIsInHouseStyle() {
        BuildResult r = SiteFixture.build(Path.of("content"), tmp.resolve("real"));
        assertEquals(List.of(), style(r), () -> SiteFixture.messages(r));
    }
}
