package casebook.serve;

import static casebook.testing.SiteFixture.SITE_YAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.cli.Arguments;
import casebook.cli.Console;
import casebook.cli.UsageException;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** serve's rebuild-and-reload cycle over a real loopback HTTP connection, with bounded waits. */
@Timeout(60)
class DevServerTest {
    @TempDir
    Path tmp;

    static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A page from a running server, as text (the serve tests share it). */
    static HttpResponse<String> get(String url) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Fetches a page until it satisfies {@code ok}, long-polling for the next build between tries (an
     * editor's save can arrive as more than one batch of file events, so one version step is not enough).
     */
    String awaitPage(DevServer s, String path, Predicate<String> ok) throws Exception {
        while (true) {
            long v = s.version();
            String body = get(s.url() + path).body();
            if (ok.test(body)) {
                return body;
            }
            waitForVersion(s, v);
        }
    }

    /** Long-polls like the injected script until the version moves past {@code seen}. */
    long waitForVersion(DevServer s, long seen) throws Exception {
        return Long.parseLong(get(s.url() + "__casebook/wait?v=" + seen).body().strip());
    }

    @Test
    void savedChangeRebuildsReloadsAndErrorsShowInAnOverlay() throws Exception {
        Path content = SiteFixture.write(tmp.resolve("content"), """
                -- site.yaml --
                %s
                -- a/index.ja.md --
                ---
                title: ページA
                ---
                最初の本文
                """.formatted(SITE_YAML));
        Path out = tmp.resolve("site");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(log, true, "UTF-8"), new PrintStream(log, true, "UTF-8"), false);
        try (DevServer s =
                new DevServer(BuildOptions.defaults().withContent(content).withOut(out), 0, console)) {
            HttpResponse<String> page = get(s.url() + "ja/a/index.html");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("最初の本文"));
            long v0 = s.version();
            assertTrue(
                    page.body().contains("/__casebook/wait?v=\'+v")
                            && page.body().contains("var v=" + v0 + ";"),
                    "the reload script polls with the version the page was built at");
            // a tab's poll made now waits for the next build, and is then answered with the new version
            var poll = CLIENT.sendAsync(
                    HttpRequest.newBuilder(URI.create(s.url() + "__casebook/wait?v=" + v0))
                            .timeout(Duration.ofSeconds(50))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            await(() -> s.waiting() == 1, "the poll waits");
            assertFalse(poll.isDone(), "no answer before a change");

            // an editor saves through a temp file and a rename, plus a backup file
            Path file = content.resolve("a/index.ja.md");
            Files.writeString(content.resolve("a/index.ja.md~"), "backup");
            Path temp = content.resolve("a/.index.ja.md.tmp");
            Files.writeString(temp, "---\ntitle: ページA\n---\n新しい本文\n");
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            long v1 = Long.parseLong(poll.get(50, TimeUnit.SECONDS).body().strip());
            assertNotEquals(v0, v1, "the waiting poll learns of the new build");
            String after = awaitPage(s, "ja/a/index.html", b -> b.contains("新しい本文"));
            assertFalse(after.contains("最初の本文"), after);
            assertEquals(404, get(s.url() + "ja/a/index.ja.md~").statusCode(), "the backup file is not served");
            assertEquals(404, get(s.url() + "ja/a/.index.ja.md.tmp").statusCode(), "the temp file is not served");

            // a body-only save that breaks a link is reported
            Files.writeString(file, "---\ntitle: ページA\n---\n新しい本文 [壊れた](../nowhere/)\n");
            String linkBroken = awaitPage(s, "ja/a/index.html", b -> b.contains("casebook-errors"));
            assertTrue(linkBroken.contains("link &quot;../nowhere/&quot; does not resolve"), linkBroken);
            Files.writeString(file, "---\ntitle: ページA\n---\n新しい本文\n");
            String linkFixed = awaitPage(s, "ja/a/index.html", b -> !b.contains("casebook-errors"));
            assertFalse(linkFixed.contains("壊れた"), linkFixed);

            // a broken save keeps the last good page and shows the error overlay with file and line
            Files.writeString(file, "---\ntitel: ページA\n---\n壊れた本文\n");
            String broken = awaitPage(s, "ja/a/index.html", b -> b.contains("casebook-errors"));
            assertTrue(broken.contains("新しい本文"), "last good page stays served");
            assertFalse(broken.contains("壊れた本文"), "the broken page is not served");
            assertTrue(
                    broken.contains("id=\"casebook-errors\"")
                            && broken.contains("index.ja.md:2:1: error: missing title"),
                    broken);
            assertEquals(
                    List.of("missing title"),
                    s.errors().stream()
                            .map(d -> d.message().replaceAll(" \\(.*", ""))
                            .filter(m -> m.startsWith("missing title"))
                            .toList());

            // fixing the file clears the overlay
            Files.writeString(file, "---\ntitle: ページA\n---\n直した本文\n");
            String fixed = awaitPage(s, "ja/a/index.html", b -> b.contains("直した本文"));
            assertFalse(fixed.contains("casebook-errors"), fixed);
            assertEquals(List.of(), s.errors());
        }
        assertFalse(Files.exists(out), "serve never writes the output folder");
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + 50_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "timed out waiting until " + what);
            Thread.sleep(10);
        }
    }

    @Test
    void busyPortIsReportedWithTheNextFreeOne() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream old = System.err;
            int code;
            Path content = SiteFixture.write(tmp.resolve("c2"), "-- site.yaml --\n" + SITE_YAML);
            try {
                Console console = new Console(
                        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, "UTF-8"), true);
                Arguments a = Arguments.parse(
                        new String[] {"serve", "--port", String.valueOf(port), "--content", content.toString()});
                code = DevServer.run(a.options(), a.port(), console);
            } catch (UsageException e) {
                throw new AssertionError(e);
            } finally {
                System.setErr(old);
            }
            assertEquals(2, code);
            String m = err.toString("UTF-8");
            assertTrue(m.contains("port " + port + " is already in use; try: serve --port "), m);
        }
    }

    @Test
    void startedOnContentWithErrorsItShowsThemAndRecoversWhenFixed() throws Exception {
        Path content = SiteFixture.write(tmp.resolve("content"), """
                -- site.yaml --
                %s
                -- a/index.ja.md --
                ---
                title: ページA
                ---
                :::note
                閉じていない注
                """.formatted(SITE_YAML));
        Path out = tmp.resolve("site");
        Console console = new Console(
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()), true);
        try (DevServer s =
                new DevServer(BuildOptions.defaults().withContent(content).withOut(out), 0, console)) {
            for (String path : List.of("", "ja/a/index.html", "en/")) {
                HttpResponse<String> r = get(s.url() + path);
                assertEquals(503, r.statusCode(), path);
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
                Document doc = Jsoup.parse(r.body());
                var overlay = doc.selectFirst("#casebook-errors[role=alert]");
                assertTrue(overlay != null, "the overlay is the page: " + r.body());
                assertTrue(overlay.text().contains("does not build yet"), overlay.text());
                List<String> items = overlay.select("li").eachText();
                assertEquals(1, items.size(), items::toString);
                assertTrue(
                        items.get(0).contains("a/index.ja.md:4:1: error: container \":::note\" is never closed"),
                        items.get(0));
                assertTrue(r.body().contains("var v=" + s.version() + ";"), "it reloads itself at the next build");
            }
            long v = s.version();
            Files.writeString(content.resolve("a/index.ja.md"), "---\ntitle: ページA\n---\n:::note\n閉じた注\n:::\n");
            waitForVersion(s, v);
            String fixed = awaitPage(s, "ja/a/index.html", b -> b.contains("閉じた注"));
            assertFalse(fixed.contains("casebook-errors"), fixed);
            assertEquals(200, get(s.url() + "ja/a/index.html").statusCode());
            assertEquals(404, get(s.url() + "nowhere.html").statusCode());
        }
        assertFalse(Files.exists(out), "serve never writes the output folder");
    }

    @Test
    void theOverlayMarkupComesFromTheThemeAndNeverReachesABuiltSite() throws Exception {
        String template = Files.readString(Path.of("themes/default/templates/dev-overlay.ftlh"));
        assertTrue(template.contains("id=\"casebook-errors\""), "the overlay markup is the theme's");
        Path content = SiteFixture.write(tmp.resolve("content"), """
                -- site.yaml --
                %s
                -- a/index.ja.md --
                ---
                title: ページA
                ---
                本文
                """.formatted(SITE_YAML));
        BuildResult built = Build.run(BuildOptions.defaults()
                .withContent(content)
                .withOut(tmp.resolve("site"))
                .withWrite(false));
        assertFalse(built.diagnostics().hasErrors());
        for (var e : built.output().files().entrySet()) {
            String text = new String(e.getValue(), StandardCharsets.UTF_8);
            assertFalse(text.contains("casebook-errors") || text.contains("__casebook"), e.getKey());
        }
    }
}
