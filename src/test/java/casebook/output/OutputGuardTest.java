package casebook.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputGuardTest {
    @TempDir
    Path tmp;

    Path project;
    Path content;
    Path themes;

    @BeforeEach
    void folders() throws IOException {
        project = Files.createDirectories(tmp.resolve("project"));
        content = Files.createDirectories(project.resolve("content"));
        themes = Files.createDirectories(project.resolve("themes/default"));
        themes = themes.getParent();
        Files.writeString(content.resolve("site.yaml"), "title: x\n");
        Files.createDirectories(content.resolve("a"));
    }

    @Test
    void refusesEveryFolderWhoseReplacementWouldDeleteSources() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("link-to-content"), content);
        for (Path bad : List.of(
                content,
                project,
                tmp,
                content.resolve("site.yaml"),
                themes,
                themes.resolve("default"),
                link,
                project.resolve("site/../content"),
                content.resolve("site"),
                content.resolve("a"),
                content.resolve("a/b/c/site"),
                link.resolve("site"),
                themes.resolve("x"))) {
            String problem = OutputGuard.problem(bad, content, themes, project);
            assertNotNull(problem, bad.toString());
            assertTrue(problem.startsWith("--out " + bad), problem);
        }
    }

    @Test
    void acceptsAFolderOfItsOwnWhetherOrNotItExists() throws IOException {
        assertNull(OutputGuard.problem(project.resolve("site"), content, themes, project));
        assertNull(OutputGuard.problem(tmp.resolve("elsewhere/deeper/site"), content, themes, project));
        Files.createDirectories(project.resolve("site"));
        assertNull(OutputGuard.problem(project.resolve("site"), content, themes, project), "an empty folder");
        // a sibling whose name merely starts with the content folder's
        assertNull(OutputGuard.problem(project.resolve("content-site"), content, themes, project));
    }

    @Test
    void aNonEmptyFolderMustCarryTheMarker() throws IOException {
        Path site = Files.createDirectories(project.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<p>mine</p>");
        OutputGuard.Refusal r = OutputGuard.check(site, content, themes, project);
        assertNotNull(r);
        assertEquals(
                "--out " + site + " is not empty and was not made by casebook (it has no .casebook-output file);"
                        + " choose an empty or new folder, or delete it yourself",
                r.message());
        // a marker that is not casebook's text, or a link named like the marker, does not count
        Files.writeString(site.resolve(OutputMarker.NAME), "hello\n");
        assertNotNull(OutputGuard.problem(site, content, themes, project));
        Files.delete(site.resolve(OutputMarker.NAME));
        Path elsewhere = Files.writeString(tmp.resolve("marker-elsewhere"), OutputMarker.text("site"));
        Files.createSymbolicLink(site.resolve(OutputMarker.NAME), elsewhere);
        assertNotNull(OutputGuard.problem(site, content, themes, project));
        Files.delete(site.resolve(OutputMarker.NAME));
        OutputMarker.write(site, "site");
        assertNull(OutputGuard.problem(site, content, themes, project));
    }

    @Test
    void refusesTheNamesOfCasebooksTemporaryFolders() {
        assertNotNull(OutputGuard.problem(project.resolve("site.tmp-123"), content, themes, project));
        assertNotNull(OutputGuard.problem(project.resolve("site.old-4"), content, themes, project));
        assertNull(OutputGuard.problem(project.resolve("site.old-backup-2024"), content, themes, project));
    }

    @Test
    void aMarkedFolderHoldingFilesItsListDoesNotNameIsRefused() throws IOException {
        Path site = Files.createDirectories(project.resolve("site/ja"));
        Files.writeString(site.resolve("index.html"), "<p>casebook's</p>");
        site = project.resolve("site");
        OutputMarker.write(site, "site", List.of("ja/index.html"));
        assertNull(OutputGuard.problem(site, content, themes, project));
        Files.writeString(site.resolve("other-dept.html"), "the portal's");
        OutputGuard.Refusal r = OutputGuard.check(site, content, themes, project);
        assertNotNull(r);
        assertEquals(
                "--out " + site + " holds a file casebook did not write (other-dept.html); publishing replaces the"
                        + " whole folder and would delete it",
                r.message());
        assertEquals(List.of("other-dept.html"), OutputGuard.unknown(site, List.of("ja/index.html")));
        // a folder the list does not need is named as a folder, its contents not listed one by one
        Files.createDirectories(site.resolve("uploads/2024"));
        Files.writeString(site.resolve("uploads/2024/report.pdf"), "%PDF");
        Files.createSymbolicLink(site.resolve("ja/link.html"), site.resolve("ja/index.html"));
        assertEquals(
                List.of("ja/link.html", "other-dept.html", "uploads/"),
                OutputGuard.unknown(site, List.of("ja/index.html")));
        // a folder where the list has a file: its contents are not casebook's
        assertEquals(
                List.of("ja/"),
                OutputGuard.unknown(
                        project.resolve("site"), List.of("ja", "other-dept.html", "uploads/2024/report.pdf")));
    }
}
