package casebook.check;

import static casebook.testing.SiteFixture.SITE_YAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.diag.Diagnostic;
import casebook.diag.Severity;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
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
    void theRealContentIsInHouseStyle() {
        BuildResult r = SiteFixture.build(Path.of("content"), tmp.resolve("real"));
        assertEquals(List.of(), style(r), () -> SiteFixture.messages(r));
    }
}
