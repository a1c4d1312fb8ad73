package casebook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import casebook.diag.Diagnostic;
import casebook.diag.Severity;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A figure whose body is only its credit (the picture is not reproduced, so the reader would get nothing of it) is
 * a warning at the figure, which fails {@code check --strict}; a figure with its words, or with a sentence saying
 * the source gives none, before its credit is clean.
 */
class FigureCreditOnlyTest {
    @TempDir
    Path tmp;

    private List<String> warnings(String body) {
        Path c = SiteFixture.write(
                tmp.resolve("c"),
                "-- site.yaml --\n" + SiteFixture.SITE_YAML + "order: [one]\n"
                        + "-- one/index.ja.md --\n---\ntitle: 一\n---\n本文です。\n\n" + body);
        BuildResult r = Build.run(
                BuildOptions.defaults().withContent(c).withWrite(false).withStrict(true));
        return r.diagnostics().kept().stream()
                .filter(d -> d.severity() != Severity.NOTE)
                .map(Diagnostic::toString)
                .map(s -> s.replace('\\', '/').replace(c.toString().replace('\\', '/') + "/", ""))
                .toList();
    }

    @Test
    void aFigureWithOnlyItsCreditIsAWarningAtTheFigure() {
        List<String> found = warnings(":::figure 体制図\n:::credit\n出典) 市提供資料\n:::\n:::\n");
        assertEquals(
                List.of("one/index.ja.md:6:1: warning: this figure shows only its credit: the figure is not"
                        + " reproduced, so a reader gets nothing of it (fix: write the figure's words in the body,"
                        + " above its :::credit; if the source does not give them, say so in one sentence (as the"
                        + " collection's other figures do))"),
                found);
    }

    @Test
    void aFigureWithOnlyANoteAndACreditOrNothingIsAWarningToo() {
        assertEquals(
                1,
                warnings(":::figure\n\n:::note\n※注\n:::\n:::credit\n出典) 資料\n:::\n:::\n")
                        .size());
        assertEquals(1, warnings(":::figure 題\n:::\n").size());
    }

    @Test
    void aFigureWithWordsOrSayingTheSourceHasNoneIsClean() {
        assertEquals(List.of(), warnings(":::figure 体制図\n- 保健所\n- 市役所\n\n:::credit\n出典) 資料\n:::\n:::\n"));
        assertEquals(
                List.of(),
                warnings(":::figure\n原資料のテキストにはこの図の文言が含まれていないため、図の内容は掲載していません。\n\n" + ":::credit\n出典) 資料\n:::\n:::\n"));
    }
}
