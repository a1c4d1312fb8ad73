package casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options that parse, and options that are refused with a usage message rather than failing later. */
class ArgumentsTest {
    @Test
    void threadsWithinAPoolsLimitAreTaken() throws UsageException {
        assertEquals(
                3,
                Arguments.parse(new String[] {"build", "--threads", "3"})
                        .options()
                        .threads());
        assertEquals(
                32767,
                Arguments.parse(new String[] {"build", "--threads", "32767"})
                        .options()
                        .threads());
    }

    @Test
    void moreThreadsThanAPoolCanHoldIsAUsageError() {
        UsageException e =
                assertThrows(UsageException.class, () -> Arguments.parse(new String[] {"check", "--threads", "40000"}));
        assertTrue(e.getMessage().contains("--threads takes at most 32767, not 40000"), e.getMessage());
    }

    @Test
    void strayWordsAndARelativeBaseUrlAreUsageErrors() throws UsageException {
        UsageException e = assertThrows(UsageException.class, () -> Arguments.parse(new String[] {"build", "extra"}));
        assertTrue(e.getMessage().contains("build takes only options, not \"extra\""), e.getMessage());
        e = assertThrows(UsageException.class, () -> Arguments.parse(new String[] {"build", "--base-url", "notaurl"}));
        assertTrue(e.getMessage().contains("--base-url needs an absolute URL"), e.getMessage());
        assertEquals(
                "https://example.go.jp/cb/",
                Arguments.parse(new String[] {"build", "--base-url", "https://example.go.jp/cb/"})
                        .options()
                        .baseUrl());
        assertEquals(
                List.of("case", "nagano"),
                Arguments.parse(new String[] {"new", "case", "nagano"}).words());
        for (String ok : new String[] {
            "HTTPS://Example.go.jp/", "https://例え.jp/", "https://my_host.example.com/", "http://localhost:8080/", ""
        }) {
            assertEquals(
                    ok,
                    Arguments.parse(new String[] {"build", "--base-url", ok})
                            .options()
                            .baseUrl(),
                    ok);
        }
    }

    @Test
    void zeroThreadsIsAUsageError() {
        UsageException e =
                assertThrows(UsageException.class, () -> Arguments.parse(new String[] {"build", "--threads", "0"}));
        assertTrue(e.getMessage().contains("--threads needs a positive whole number"), e.getMessage());
    }

    /** A themes folder inside the content folder (or the other way round) is a usage error for every command that reads them. */
    @Test
    void aThemesFolderInsideTheContentIsAUsageError(@TempDir Path tmp) throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Path mine = Files.createDirectories(content.resolve("mythemes/default/templates"))
                .getParent()
                .getParent();
        for (String command : List.of("build", "check", "serve")) {
            UsageException e = assertThrows(
                    UsageException.class,
                    () -> Arguments.parse(
                            new String[] {command, "--content", content.toString(), "--themes", mine.toString()}));
            assertTrue(
                    e.getMessage().startsWith("--themes " + mine + " is or lies inside the content folder " + content),
                    e.getMessage());
        }
        // the content folder itself, a link leading into it, and a content folder inside the themes
        assertThrows(
                UsageException.class,
                () -> Arguments.parse(
                        new String[] {"check", "--content", content.toString(), "--themes", content.toString()}));
        Path link = Files.createSymbolicLink(tmp.resolve("themes-link"), mine);
        assertThrows(
                UsageException.class,
                () -> Arguments.parse(
                        new String[] {"check", "--content", content.toString(), "--themes", link.toString()}));
        assertThrows(
                UsageException.class,
                () -> Arguments.parse(new String[] {
                    "check", "--content", mine.resolve("default").toString(), "--themes", mine.toString()
                }));
        // a themes folder beside the content is fine
        Path beside = Files.createDirectories(tmp.resolve("themes"));
        assertEquals(
                beside,
                Arguments.parse(new String[] {"check", "--content", content.toString(), "--themes", beside.toString()})
                        .options()
                        .themes());
        // and through the command line, the exit code of a usage error
        PrintStream err = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertEquals(
                    2, Main.run(new String[] {"check", "--content", content.toString(), "--themes", mine.toString()}));
        } finally {
            System.setErr(err);
        }
    }

    static String stderrOf(String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, Main.run(args));
        } finally {
            System.setErr(err);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aBadValueIsOneMessageWithAPointerAndAnUnknownOptionShowsTheUsage() {
        // a bad value of a known option: its message says all, and the forty lines of usage would bury it
        String font = stderrOf("build", "--pdf-font", "/no/such/Font.ttf");
        assertEquals(
                "casebook: --pdf-font: no such font file \"/no/such/Font.ttf\"; name a TrueType .ttf file such as"
                        + " BIZUDGothic-Regular.ttf or ipaexg.ttf, or leave the option out to use the one installed on"
                        + " the system\n" + Arguments.HELP_HINT + "\n",
                font);
        assertEquals(
                "casebook: --threads needs a positive whole number, not \"many\"\n" + Arguments.HELP_HINT + "\n",
                stderrOf("build", "--threads", "many"));
        // an unknown option or command, or a word where none is taken: the usage text, to find the right one
        for (String[] args : List.of(
                new String[] {"build", "--no-pdfs"}, new String[] {"biuld"}, new String[] {"check", "hasuda"})) {
            String s = stderrOf(args);
            assertTrue(s.contains("\n\n" + Arguments.USAGE), s);
        }
        // and the pointer names a command that prints the usage
        assertTrue(Arguments.HELP_HINT.contains("-Dexec.args=\"help\""));
        assertTrue(Arguments.USAGE.contains("\n  help  "), Arguments.USAGE);
    }
}
