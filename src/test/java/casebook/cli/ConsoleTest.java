package casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the terminal sees: a one-line summary, plain text when output is not a terminal, silence with --quiet. */
class ConsoleTest {
    @TempDir
    Path tmp;

    String run(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run(args));
        } finally {
            System.setOut(out);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void summaryIsOnePlainLineWithPagesLanguagesProblemsAndTime() {
        String s = run("build", "--out", tmp.resolve("site").toString());
        assertTrue(
                s.matches("built \\d+ pages \\(ja, en\\) in \\d+ ms: 0 errors, 0 warnings(, \\d+ notes?)? -> .*\\R"),
                s);
        assertFalse(s.contains("\u001b"), "no terminal control codes when output is not a terminal");
    }

    @Test
    void theSummaryNamesTheBundleItWrote() {
        Path out = tmp.resolve("site");
        String s = run("build", "--out", out.toString(), "--bundle", "--no-pdf");
        assertTrue(s.strip().endsWith("-> " + out + " and " + tmp.resolve("site.zip")), s);
        assertTrue(Files.isRegularFile(tmp.resolve("site.zip")), "the zip named is there");
        assertTrue(
                run("build", "--out", out.toString(), "--no-pdf").strip().endsWith("-> " + out),
                "no bundle, no zip named");
    }

    @Test
    void quietPrintsNothingWhenAllIsWell() {
        assertEquals("", run("check", "--quiet"));
    }

    @Test
    void aFailedRunSaysWhichCommandFailedAndThatTheOutputIsUntouched() throws Exception {
        Path content = Files.createDirectories(tmp.resolve("empty-content"));
        Path out = tmp.resolve("site");
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(1, Main.run(new String[] {"build", "--content", content.toString(), "--out", out.toString()}));
            assertEquals(1, Main.run(new String[] {"check", "--content", content.toString()}));
        } finally {
            System.setErr(err);
        }
        String s = buf.toString(StandardCharsets.UTF_8);
        assertTrue(s.contains("\nbuild failed: 1 error, 0 warnings; " + out + " left as it was\n"), s);
        assertTrue(s.contains("\ncheck failed: 1 error, 0 warnings\n"), s);
        assertFalse(s.contains("built failed") || s.contains("checked failed"), s);
    }

    @Test
    void theBundleIsNamedAsTheOutputFolderWasNamed() {
        // "-> site and site.zip", not "-> site and /home/…/site.zip"
        assertEquals("site and site.zip", Console.outputs(Path.of("site"), true));
        assertEquals("site", Console.outputs(Path.of("site"), false));
        assertEquals(
                Path.of("..", "copy", "out") + " and " + Path.of("..", "copy", "out.zip"),
                Console.outputs(Path.of("..", "copy", "out"), true));
        Path abs = Path.of("site").toAbsolutePath();
        assertEquals(abs + " and " + abs + ".zip", Console.outputs(abs, true));
        // a name whose last part is not the folder's own: the zip's full path, as the build writes it
        Path odd = Path.of("site", "..");
        String shown = Console.outputs(odd, true);
        assertEquals(odd + " and " + odd.toAbsolutePath().normalize() + ".zip", shown);
    }

    @Test
    void controlCodesOnlyOnATerminalWithoutNoColorOrCi() {
        assertTrue(Console.interactive(true, null, null, "xterm-256color"));
        assertTrue(Console.interactive(true, null, "", "xterm"), "an empty NO_COLOR does not count (no-color.org)");
        assertFalse(Console.interactive(false, null, null, "xterm"), "not a terminal");
        assertFalse(Console.interactive(true, null, "1", "xterm"), "NO_COLOR set");
        assertFalse(Console.interactive(true, "true", null, "xterm"), "CI set");
        assertFalse(Console.interactive(true, null, null, "dumb"), "dumb terminal");
    }
}
