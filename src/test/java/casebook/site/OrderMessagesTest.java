package casebook.site;

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

/** site.yaml's order names a page that is not in the build: one message, about the real reason. */
class OrderMessagesTest {

    private static final String CONTENT = """
            -- site.yaml --
            %s
            order:
              - a
              - b
              - c
            -- a/index.ja.md --
            ---
            title: ページA
            ---
            本文。
            -- b/index.ja.md --
            ---
            title: [壊れた
            ---
            本文。
            -- c/index.ja.md --
            ---
            title: 下書き
            draft: true
            ---
            本文。
            """.formatted(SiteFixture.SITE_YAML);

    @Test
    void aPageWhoseFrontMatterFailedOrADraftIsNotAlsoReportedMissing(@TempDir Path tmp) {
        BuildResult r = SiteFixture.build(SiteFixture.write(tmp.resolve("content"), CONTENT), tmp.resolve("site"));
        String all = SiteFixture.messages(r);
        List<Diagnostic> errors = SiteFixture.errors(r);
        assertEquals(1, errors.size(), all);
        assertTrue(errors.get(0).at().toString().contains("b/index.ja.md"), "the error is at the broken page: " + all);
        assertFalse(all.contains("there is no content/b/"), all);
        assertFalse(all.contains("there is no content/c/"), all);
        assertTrue(
                all.contains("site.yaml:10:1: note: order lists \"c\", a draft (draft: true): left out of this build"),
                all);
    }

    @Test
    void aPageWithNoFilesIsStillAnErrorAtItsLineInOrder(@TempDir Path tmp) {
        BuildResult r = SiteFixture.build(
                SiteFixture.write(tmp.resolve("content"), CONTENT.replace("  - c\n", "  - c\n  - nowhere\n")),
                tmp.resolve("site"));
        assertTrue(
                SiteFixture.messages(r)
                        .contains("site.yaml:11:1: error: order lists \"nowhere\", but there is no content/nowhere/"),
                SiteFixture.messages(r));
    }
}
