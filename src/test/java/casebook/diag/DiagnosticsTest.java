package casebook.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {
    private static List<Diagnostic> problems() {
        List<Diagnostic> all = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            all.add(new Diagnostic(
                    Severity.WARNING, SourcePosition.of(Path.of("p" + (i % 7) + ".md"), i, 1), "warning " + i, null));
        }
        all.add(new Diagnostic(Severity.ERROR, SourcePosition.of(Path.of("z.md"), 9, 3), "the one error", "fix it"));
        return all;
    }

    @Test
    void anErrorReportedAfterTheCapIsStillShown() {
        Diagnostics d = new Diagnostics(50);
        problems().forEach(d::report); // the error comes last, after 300 warnings
        assertTrue(d.kept().stream().anyMatch(x -> x.message().equals("the one error")), "error dropped");
        assertEquals(50, d.kept().size());
        assertEquals(1, d.errorCount());
        assertEquals(300, d.warningCount());
        assertEquals(251, d.dropped());
    }

    @Test
    void whatIsKeptDoesNotDependOnTheOrderOfReports() {
        List<Diagnostic> all = problems();
        Diagnostics a = new Diagnostics(40);
        all.forEach(a::report);
        List<Diagnostic> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(7));
        Diagnostics b = new Diagnostics(40);
        shuffled.forEach(b::report);
        assertEquals(a.kept(), b.kept());
        assertEquals(a.warningCount(), b.warningCount());
        assertEquals(a.dropped(), b.dropped());
    }

    @Test
    void repeatsFromOneSourceAreReportedOnceInAnyOrder() {
        Diagnostic x = new Diagnostic(
                Severity.ERROR, SourcePosition.of(Path.of("data.yaml"), 1, 11), "unknown category", null);
        Diagnostic y = new Diagnostic(Severity.ERROR, SourcePosition.of(Path.of("data.yaml"), 2, 1), "other", null);
        for (List<Diagnostic> order : List.of(List.of(x, y, y), List.of(y, y, x), List.of(y, x, y))) {
            Diagnostics local = new Diagnostics(Integer.MAX_VALUE);
            order.forEach(local::report);
            Diagnostics d = new Diagnostics(1);
            d.addDeduplicated(local);
            assertEquals(2, d.errorCount(), order.toString());
            assertEquals(1, d.dropped(), order.toString());
        }
    }

    @Test
    void underTheCapEverythingIsKeptInPositionOrder() {
        Diagnostics d = new Diagnostics();
        d.warning(Path.of("b.md"), 2, 1, "second", null);
        d.error(Path.of("a.md"), 5, 1, "first", null);
        List<Diagnostic> s = d.kept();
        assertEquals(
                List.of("first", "second"), s.stream().map(Diagnostic::message).toList());
    }

    /** Text from the content cannot drive the terminal: escape sequences, newlines and bidi overrides print as escapes. */
    @Test
    void aDiagnosticPrintsOnOneLineWithControlCharactersEscaped() {
        Diagnostic x = new Diagnostic(
                Severity.ERROR,
                SourcePosition.of(Path.of("a\u001b[2J.md"), 3, 4),
                "no data \"\u001b[2Jk\u0000\"\nc.md:1:1: error: forged",
                "write \u202Eevil\u2028 \u0085 plain 日本語");
        String s = x.toString();
        assertEquals(
                "a\\u001b[2J.md:3:4: error: no data \"\\u001b[2Jk\\u0000\"\\nc.md:1:1: error: forged"
                        + " (fix: write \\u202eevil\\u2028 \\u0085 plain 日本語)",
                s);
        assertEquals(
                "p.md:1:1: warning: plain text stays as it is (fix: 日本語)",
                new Diagnostic(
                                Severity.WARNING,
                                SourcePosition.of(Path.of("p.md"), 1, 1),
                                "plain text stays as it is",
                                "日本語")
                        .toString());
    }
}
