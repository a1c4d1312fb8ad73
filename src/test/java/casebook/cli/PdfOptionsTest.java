package casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF booklet's options: --pdf, --no-pdf, --pdf-font, and serve making no booklet unless asked. */
class PdfOptionsTest {

    @TempDir
    Path tmp;

    @Test
    void buildFollowsSiteYamlUnlessAnOptionSaysOtherwise() throws UsageException, IOException {
        Path font = Files.createDirectories(tmp.resolve("fonts")).resolve("A-Regular.ttf");
        Files.write(font, new byte[] {0, 1, 0, 0});
        assertNull(Arguments.parse(new String[] {"build"}).options().pdf().wanted(), "build: as site.yaml says");
        assertNull(Arguments.parse(new String[] {"check"}).options().pdf().wanted(), "check: as site.yaml says");
        assertEquals(
                Boolean.TRUE,
                Arguments.parse(new String[] {"build", "--pdf"}).options().pdf().wanted());
        assertEquals(
                Boolean.FALSE,
                Arguments.parse(new String[] {"build", "--no-pdf"})
                        .options()
                        .pdf()
                        .wanted());
        assertEquals(
                font,
                Arguments.parse(new String[] {"build", "--pdf-font", font.toString(), "--pdf"})
                        .options()
                        .pdf()
                        .font());
        assertEquals(
                Boolean.TRUE,
                Arguments.parse(new String[] {"build", "--pdf-font", font.toString(), "--pdf"})
                        .options()
                        .pdf()
                        .wanted(),
                "--pdf-font and --pdf in either order keep each other");
    }

    @Test
    void serveMakesNoBookletUnlessAsked() throws UsageException {
        assertEquals(
                Boolean.FALSE,
                Arguments.parse(new String[] {"serve"}).options().pdf().wanted());
        assertEquals(
                Boolean.TRUE,
                Arguments.parse(new String[] {"serve", "--pdf"}).options().pdf().wanted());
    }

    @Test
    void aFontOptionNeedsAFile() {
        UsageException e =
                assertThrows(UsageException.class, () -> Arguments.parse(new String[] {"build", "--pdf-font"}));
        assertEquals("--pdf-font needs a value", e.getMessage());
    }

    @Test
    void aFontFileThatDoesNotExistIsAUsageError() {
        String missing = tmp.resolve("NoSuchFont.ttf").toString();
        UsageException e = assertThrows(
                UsageException.class, () -> Arguments.parse(new String[] {"build", "--pdf-font", missing}));
        assertTrue(e.getMessage().startsWith("--pdf-font: no such font file \"" + missing + "\""), e.getMessage());
        assertTrue(e.getMessage().contains("BIZUDGothic-Regular.ttf"), e.getMessage());
        UsageException folder = assertThrows(
                UsageException.class, () -> Arguments.parse(new String[] {"build", "--pdf-font", tmp.toString()}));
        assertTrue(folder.getMessage().contains("(it is a folder)"), folder.getMessage());
        assertEquals(
                2,
                casebook.Main.run(new String[] {"check", "--pdf-font", missing}),
                "exit code 2, as for any bad option");
    }
}
