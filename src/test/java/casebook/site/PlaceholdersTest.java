package casebook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.diag.Diagnostic;
import casebook.diag.Diagnostics;
import casebook.diag.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scaffold's mark, TODO(…), is found where it is and nowhere else. */
class PlaceholdersTest {
    static List<Diagnostic> scan(String text, String lang, boolean drafts) {
        Diagnostics d = new Diagnostics();
        Placeholders.scan(Path.of("c/x/index." + (lang == null ? "data" : lang) + ".md"), text, lang, "ja", drafts, d);
        return d.kept();
    }

    @Test
    void textThatMerelyResemblesAPlaceholderIsNotOne() {
        String real =
                "---\ntitle: ○○市の取組\n---\nTODO リストを作り、todo(毎週)を確認した。TODO（全角括弧）も本文。\n- Key point 1: TODOs (several)\n";
        assertEquals(List.of(), scan(real, "ja", false));
    }

    @Test
    void theFirstPlaceholderIsReportedAtItsLineAndColumnWithTheOthersLines() {
        List<Diagnostic> d =
                scan("---\ntitle: TODO(○○県○○市)\n---\n- TODO(a (nested) b) and TODO(c)\n\nTODO(d\n", "ja", false);
        assertEquals(1, d.size());
        assertEquals(Severity.ERROR, d.get(0).severity());
        assertEquals(
                "c/x/index.ja.md:2:8: error: placeholder \"TODO(○○県○○市)\" left from the scaffold (3 more in this file, at lines 4, 6)"
                        + " (fix: replace each TODO(…) with the real text; to see the page while you write it, preview it with serve,"
                        + " which shows placeholders as warnings and publishes nothing)",
                d.get(0).toString());
    }

    @Test
    void withDraftsAPlaceholderIsAWarning() {
        assertEquals(Severity.WARNING, scan("TODO(x)", "ja", true).get(0).severity());
    }

    @Test
    void anUntranslatedScaffoldSaysHowToPublishInTheOriginalOnly() {
        String m =
                scan("---\ntitle: TODO(Page title)\n---\n", "en", false).get(0).toString();
        assertTrue(
                m.contains(
                        "translate the page, replacing each TODO(…); to publish the page in ja only, delete index.en.md"),
                m);
        String data = scan("value: 0   # TODO(人口)\n", null, false).get(0).toString();
        assertTrue(data.contains(":1:14: error: placeholder \"TODO(人口)\""), data);
        assertTrue(data.contains("delete the TODO(…) comment"), data);
    }
}
