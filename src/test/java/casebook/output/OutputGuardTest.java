package casebook.output;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputGuardTest {
    @TempDir Path tmp;

    @Test
    void refusesEveryFolderWhoseReplacementWouldDeleteSources() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path content = Files.createDirectories(project.resolve("content"));
        Path themes = Files.createDirectories(project.resolve("themes"));
        Files.writeString(content.resolve("site.yaml"), "title: x\n");
        Path link = Files.createSymbolicLink(tmp.resolve("link-to-content"), content);
        for (Path bad : List.of(content, project, tmp, content.resolve("site.yaml"), themes, themes.resolve("default"), link,
                project.resolve("site/../content"))) {
            String problem = OutputGuard.problem(bad, content, themes, project);
            assertNotNull(problem, bad.toString());
            assertTrue(problem.startsWith("--out " + bad), problem);
        }
    }

    @Test
    void acceptsAFolderOfItsOwnWhetherOrNotItExists() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path content = Files.createDirectories(project.resolve("content"));
        Path themes = project.resolve("themes");
        assertNull(OutputGuard.problem(project.resolve("site"), content, themes, project));
        assertNull(OutputGuard.problem(tmp.resolve("elsewhere/deeper/site"), content, themes, project));
        Files.createDirectories(project.resolve("site"));
        assertNull(OutputGuard.problem(project.resolve("site"), content, themes, project));
        // a sibling whose name merely starts with the content folder's
        assertNull(OutputGuard.problem(project.resolve("content-site"), content, themes, project));
        // inside the content (--content . --out site): the scan skips it
        assertNull(OutputGuard.problem(content.resolve("site"), content, themes, project));
    }
}
