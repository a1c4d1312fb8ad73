package casebook.serve;

import static casebook.testing.SiteFixture.SITE_YAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.Main;
import casebook.cli.Arguments;
import casebook.cli.Console;
import casebook.cli.UsageException;
import casebook.pipeline.BuildOptions;
import casebook.testing.SiteFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve and the scaffolds: a case created while serve runs is previewed at once (its placeholders are warnings in
 * the terminal, not an overlay on every page), and the hint for a busy port repeats the editor's options.
 */
class ServeScaffoldTest {
    @TempDir
    Path tmp;

    @Test
    void aCaseCreatedWhileServeRunsIsPreviewedWithItsPlaceholdersAsWarnings() throws Exception {
        Path content = SiteFixture.write(
                tmp.resolve("content"),
                "-- site.yaml --\n" + SITE_YAML
                        + "groups:\n  cases: {ja: 取組事例, en: Case studies}\norder:\n  - one\n"
                        + "-- one/index.ja.md --\n---\ntitle: 一\ngroup: cases\n---\n本文\n"
                        + "-- wip/index.ja.md --\n---\ntitle: 下書き\ndraft: true\n---\n本文\n");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(log, true, StandardCharsets.UTF_8);
        try (DevServer s = new DevServer(
                BuildOptions.defaults().withContent(content).withOut(tmp.resolve("site")),
                0,
                new Console(both, both, false))) {
            // in another terminal: new case matsumoto
            PrintStream out = System.out;
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            try {
                assertEquals(0, Main.run(new String[] {"new", "case", "matsumoto", "--content", content.toString()}));
            } finally {
                System.setOut(out);
            }
            // the files are written one after another: wait for the rebuild that sees them all
            Path en = content.resolve("matsumoto/index.en.md");
            ServeMessagesTest.await(log, en + ":2:8: warning: placeholder");
            DevServerTest.await(() -> served(s, "ja/matsumoto/index.html"), "the page is served");
            List<String> rebuilt = ServeMessagesTest.await(log, "rebuilt in ");
            Path ja = content.resolve("matsumoto/index.ja.md");
            assertTrue(
                    rebuilt.contains(ja + ":2:8: warning: placeholder \"TODO(○○県○○市)\" left from the scaffold (14 more"
                            + " in this file, at lines 8, 10, 11, 12, 22, 23, 26, 30, 34, 36, 40, 43, …) (fix: replace"
                            + " each TODO(…) with the real text)"),
                    () -> String.join("\n", rebuilt));
            String last = rebuilt.stream()
                    .filter(l -> l.startsWith("rebuil"))
                    .reduce((x, y) -> y)
                    .orElseThrow();
            assertTrue(
                    last.matches("rebuilt in \\d+ ms \\(0 errors, \\d+ warnings.*"), () -> String.join("\n", rebuilt));
            assertEquals(List.of(), s.errors(), "no overlay");
            HttpResponse<String> page = DevServerTest.get(s.url() + "ja/matsumoto/index.html");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("○○県○○市"), "the scaffold is shown as written");
            assertFalse(page.body().contains("casebook-errors"), page.body());
            assertFalse(DevServerTest.get(s.url() + "ja/one/index.html").body().contains("casebook-errors"));
            // draft: true still needs --drafts: only the placeholders are previewed by default
            assertEquals(404, DevServerTest.get(s.url() + "ja/wip/index.html").statusCode());
        }
    }

    private boolean served(DevServer s, String path) {
        try {
            return DevServerTest.get(s.url() + path).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void theBusyPortHintRepeatsTheEditorsOwnOptions() throws Exception {
        Path content = SiteFixture.write(tmp.resolve("my content"), "-- site.yaml --\n" + SITE_YAML);
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            String[] args = {"serve", "--drafts", "--port", String.valueOf(port), "--content", content.toString(), "-q"
            };
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Console console = new Console(
                    new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    true);
            Arguments a;
            try {
                a = Arguments.parse(args);
            } catch (UsageException e) {
                throw new AssertionError(e);
            }
            assertEquals(2, DevServer.run(a.options(), a.port(), console, Arguments.optionsWithoutPort(args)));
            String m = err.toString(StandardCharsets.UTF_8).strip();
            String prefix = "casebook: port " + port + " is already in use; try: serve --port ";
            assertTrue(m.startsWith(prefix), m);
            String rest = m.substring(prefix.length());
            assertTrue(rest.matches("\\d+ --drafts --content '" + Pattern.quote(content.toString()) + "' -q"), m);
        }
    }

    @Test
    void theOptionsWithoutThePortAreQuotedWhereAShellNeedsIt() {
        assertEquals(
                List.of("--drafts", "--content", "'/tmp/my content'", "--theme", "plain"),
                Arguments.optionsWithoutPort(new String[] {
                    "serve", "--drafts", "--port", "1313", "--content", "/tmp/my content", "--theme", "plain"
                }));
        assertEquals(List.of(), Arguments.optionsWithoutPort(new String[] {"serve"}));
        assertEquals(
                "casebook: port 1313 is already in use; try: serve --port 1314 --drafts",
                DevServer.portInUse(1313, 1314, List.of("--drafts")));
    }
}
