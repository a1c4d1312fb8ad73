package casebook.serve;

import static casebook.testing.SiteFixture.SITE_YAML;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.cli.Console;
import casebook.pipeline.BuildOptions;
import casebook.testing.SiteFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the terminal running serve says after each save: the problems, as build prints them, and their counts. */
class ServeMessagesTest {
    @TempDir
    Path tmp;

    @Test
    void aRebuildPrintsItsWarningsAndCountsInTheSingularAndPlural() throws Exception {
        Path content = SiteFixture.write(tmp.resolve("content"), """
                -- site.yaml --
                %s
                -- a/index.ja.md --
                ---
                title: ページA
                ---
                本文
                """.formatted(SITE_YAML));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(log, true, StandardCharsets.UTF_8);
        Path page = content.resolve("a/index.ja.md");
        try (DevServer s = new DevServer(
                BuildOptions.defaults().withContent(content).withOut(tmp.resolve("site")),
                0,
                new Console(both, both, false))) {
            Files.writeString(page, "---\ntitle: ページA\n---\n本文 <span style=\"color:red\">赤</span>\n");
            List<String> rebuilt = await(log, "rebuilt in ");
            String warning =
                    page + ":4:10: warning: raw HTML removed: style=\"color:red\" from <span> (styles come from"
                            + " the theme only (a style attribute can load URLs and hide text)) (fix: delete it from the Markdown)";
            assertTrue(rebuilt.contains(warning), () -> String.join("\n", rebuilt));
            String summary = rebuilt.get(rebuilt.size() - 1);
            assertTrue(summary.matches("rebuilt in \\d+ ms \\(0 errors, 1 warning, 2 notes\\)"), summary);

            log.reset();
            Files.writeString(page, "---\ntitle: ページA\n---\n本文 <span style=\"color:red\">赤</span>\n\n:::note\n注\n");
            List<String> failed = await(log, "rebuild failed");
            assertTrue(
                    failed.contains(page + ":6:1: error: container \":::note\" is never closed (fix: add a line holding"
                            + " only \":::\" where the note ends)"),
                    () -> String.join("\n", failed));
            assertTrue(failed.contains(warning), () -> String.join("\n", failed));
            assertTrue(
                    failed.contains("rebuild failed (1 error, 1 warning, 2 notes); still serving the last good pages"),
                    () -> String.join("\n", failed));
            assertTrue(
                    failed.stream().noneMatch(l -> l.contains(": note: ")),
                    () -> "a rebuild counts its notes but does not print them again: " + String.join("\n", failed));

            log.reset();
            Files.writeString(page, "---\ntitle: ページA\n---\n本文\n");
            List<String> clean = await(log, "rebuilt in ");
            assertTrue(clean.get(clean.size() - 1).matches("rebuilt in \\d+ ms"), () -> String.join("\n", clean));
            assertFalse(String.join("\n", clean).contains("warning"), () -> String.join("\n", clean));
        }
    }

    /** The log's lines once one of them starts with {@code last}. */
    static List<String> await(ByteArrayOutputStream log, String last) throws InterruptedException {
        long until = System.nanoTime() + 50_000_000_000L;
        while (true) {
            List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
            if (lines.stream().anyMatch(l -> l.startsWith(last))) {
                return lines;
            }
            assertTrue(System.nanoTime() < until, "timed out waiting for \"" + last + "\": " + lines);
            Thread.sleep(20);
        }
    }
}
