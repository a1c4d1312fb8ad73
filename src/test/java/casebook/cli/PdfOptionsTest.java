package casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The PDF booklet's options: --pdf, --no-pdf, --pdf-font, and serve making no booklet unless asked. */
class PdfOptionsTest {

    @Test
    void buildFollowsSiteYamlUnlessAnOptionSaysOtherwise() throws UsageException {
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
                Path.of("fonts/A-Regular.ttf"),
                Arguments.parse(new String[] {"build", "--pdf-font", "fonts/A-Regular.ttf", "--pdf"})
                        .options()
                        .pdf()
                        .font());
        assertEquals(
                Boolean.TRUE,
                Arguments.parse(new String[] {"build", "--pdf-font", "fonts/A-Regular.ttf", "--pdf"})
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
}
