package casebook.security;

import static casebook.testing.SiteFixture.SITE_YAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.cli.Console;
import casebook.pipeline.BuildOptions;
import casebook.serve.DevServerProbe;
import casebook.testing.SiteFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The preview server as an attacker (a web page doing DNS rebinding, a local process) and a careless
 * editor would meet it, over real loopback connections. Requests are written by hand on a raw socket:
 * Java's HTTP client does not let a test set the Host header, and normalises paths.
 */
@Timeout(120)
class DevServerSecurityTest {
    static final String SECRET = "TOP-SECRET-TOKEN-4711";

    @TempDir
    Path tmp;

    Path content;
    DevServerProbe serve;
    /** The page file's text as each build saw it (recorded by the test hook before every rebuild). */
    final List<String> builtFrom = new CopyOnWriteArrayList<>();
    /** A rebuild throws this (once per save holding "BOOM") when set. */
    volatile Throwable failWith;

    @BeforeEach
    void start() throws IOException {
        content = SiteFixture.write(tmp.resolve("content"), """
                -- site.yaml --
                %s
                -- a/index.ja.md --
                ---
                title: ページA
                ---
                最初の本文
                """.formatted(SITE_YAML));
        Files.writeString(tmp.resolve("secret.txt"), SECRET); // beside the content, never part of the site
        serve = start(DevServerProbe.DEFAULT_QUIET_MILLIS);
    }

    DevServerProbe start(long quietMillis) throws IOException {
        Console quiet = new Console(
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()), true);
        Path page = content.resolve("a/index.ja.md");
        return new DevServerProbe(
                BuildOptions.defaults().withContent(content).withOut(tmp.resolve("site")),
                quiet,
                quietMillis,
                changed -> {
                    String text = read(page);
                    builtFrom.add(text);
                    Throwable t = failWith;
                    if (t != null && text.contains("BOOM")) {
                        sneakyThrow(t);
                    }
                });
    }

    @AfterEach
    void stop() {
        if (serve != null) {
            serve.close();
        }
    }

    // ---- Host header: DNS rebinding ----

    @ParameterizedTest(name = "Host: {0} is refused with 421")
    @ValueSource(
            strings = {
                "evil.example",
                "evil.example:PORT",
                "127.0.0.1.evil.example:PORT",
                "localhost.evil.example:PORT",
                "127.0.0.1",
                "localhost",
                "127.0.0.1:1",
                "[::1]:PORT",
                "0.0.0.0:PORT",
                "127.0.0.2:PORT",
                "localhost.:PORT"
            })
    void aForeignHostIsMisdirected(String host) throws IOException {
        Response r = request("GET /ja/a/index.html HTTP/1.1\r\nHost: "
                + host.replace("PORT", String.valueOf(serve.port())) + "\r\n");
        assertEquals(421, r.status, r.head);
        assertFalse(r.body.contains("最初の本文"), "no page content to a foreign host");
    }

    @Test
    void noHostHeaderOrTwoOfThemIsMisdirected() throws IOException {
        assertEquals(421, request("GET /ja/a/index.html HTTP/1.0\r\n").status);
        int port = serve.port();
        assertEquals(
                421,
                request("GET /ja/a/index.html HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nHost: evil.example\r\n")
                        .status);
    }

    @ParameterizedTest(name = "Host: {0} is served")
    @ValueSource(strings = {"127.0.0.1:PORT", "localhost:PORT", "LOCALHOST:PORT", "LocalHost:PORT"})
    void theLoopbackHostIsServed(String host) throws IOException {
        Response r = request("GET /ja/a/index.html HTTP/1.1\r\nHost: "
                + host.replace("PORT", String.valueOf(serve.port())) + "\r\n");
        assertEquals(200, r.status, r.head);
        assertTrue(r.body.contains("最初の本文"), r.body);
    }

    // ---- methods ----

    @ParameterizedTest(name = "{0} is refused with 405")
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND"})
    void onlyGetAndHeadAreAnswered(String method) throws IOException {
        Response r = request(method + " /ja/a/index.html HTTP/1.1\r\nHost: " + host() + "\r\nContent-Length: 0\r\n");
        assertEquals(405, r.status, r.head);
        assertEquals("GET, HEAD", r.headers.get("allow"), r.head);
        assertFalse(r.body.contains("最初の本文"));
    }

    @Test
    void headAnswersTheHeadersOfGetAndNoBody() throws IOException {
        Response get = request("GET /ja/a/index.html HTTP/1.1\r\nHost: " + host() + "\r\n");
        Response head = request("HEAD /ja/a/index.html HTTP/1.1\r\nHost: " + host() + "\r\n");
        assertEquals(200, head.status, head.head);
        assertEquals(0, head.bodyBytes, "no body after the headers");
        assertEquals(get.headers.get("content-type"), head.headers.get("content-type"));
        assertEquals(String.valueOf(get.bodyBytes), head.headers.get("content-length"), head.head);
    }

    // ---- paths ----

    @ParameterizedTest(name = "GET {0} reaches nothing outside the site")
    @ValueSource(
            strings = {
                "/../secret.txt",
                "/../../secret.txt",
                "/ja/../../secret.txt",
                "/%2e%2e/secret.txt",
                "/%2E%2E/%2E%2E/secret.txt",
                "/ja/%2e%2e/%2e%2e/secret.txt",
                "/..%2fsecret.txt",
                "/ja%2f..%2f..%2fsecret.txt",
                "/..%5csecret.txt",
                "/..\\secret.txt",
                "//secret.txt",
                "/./ja/a/index.html",
                "/ja/a/../../../../etc/passwd",
                "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                "/secret.txt%00.html",
                "/content/a/index.ja.md",
                "/a/index.ja.md",
                "/site.yaml",
                "/../content/site.yaml",
                // overlong UTF-8, double encoding and other servers' quirks (none decodes to a path outside the site)
                "/%c0%ae%c0%ae/secret.txt",
                "/%c0%ae%c0%ae%c0%afsecret.txt",
                "/%e0%80%ae%e0%80%ae/secret.txt",
                "/..%c0%afsecret.txt",
                "/..%c1%9csecret.txt",
                "/%252e%252e/secret.txt",
                "/..%252fsecret.txt",
                "/..%255csecret.txt",
                "/ja/..;/..;/secret.txt",
                "/.%2e/secret.txt",
                "/%2e./secret.txt",
                "/ja/a/index.html/../../../secret.txt",
                "/ja/%ef%bc%8e%ef%bc%8e/%ef%bc%8e%ef%bc%8e/secret.txt",
                "/%u002e%u002e/secret.txt",
                "/secret.txt",
                "/ja/a/index.ja.md"
            })
    void traversalReachesNothingOutsideTheSite(String path) throws IOException {
        Response r = request("GET " + path + " HTTP/1.1\r\nHost: " + host() + "\r\n");
        assertTrue(r.status == 400 || r.status == 404, path + " -> " + r.head);
        assertFalse(r.body.contains(SECRET), "the file beside the content is not served");
        assertFalse(r.body.contains("root:"), "no system file");
        assertFalse(r.body.contains("title: ページA"), "no content source");
        assertFalse(r.body.contains("published: 2025-03"), "no site.yaml");
    }

    @Test
    void anAbsoluteRequestTargetIsRefused() throws IOException {
        Response r = request("GET http://evil.example/ja/a/index.html HTTP/1.1\r\nHost: " + host() + "\r\n");
        assertEquals(400, r.status, r.head);
    }

    // ---- threads and waiting connections ----

    /**
     * Clients that open connections and never finish their requests take every request thread while they send
     * nothing; the server closes them after {@link DevServerProbe#REQUEST_SECONDS} and answers again.
     */
    @Test
    void unfinishedRequestsCannotStopThePreviewForGood() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 4 * DevServerProbe.THREADS; i++) {
                Socket s = new Socket(InetAddress.getByName("127.0.0.1"), serve.port());
                s.getOutputStream()
                        .write(("GET /ja/ HTTP/1.1\r\nHost: " + host() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                stalled.add(s);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DevServerProbe.REQUEST_SECONDS * 6L);
            int status = 0;
            while (status != 200 && System.nanoTime() < deadline) {
                try {
                    status = request("GET /ja/a/index.html HTTP/1.1\r\nHost: " + host() + "\r\n").status;
                } catch (IOException | RuntimeException e) {
                    status = -1; // closed with the stalled ones while it waited for a thread: ask again
                }
            }
            assertEquals(200, status, "a page loads again while the stalled connections are still open on our side");
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    void manyWaitingReloadPollsDoNotGrowThreads() throws Exception {
        int baseline = ManagementFactory.getThreadMXBean().getThreadCount();
        int n = 300;
        long v = serve.version();
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Socket s = new Socket(InetAddress.getByName("127.0.0.1"), serve.port());
                s.setSoTimeout(60_000);
                s.getOutputStream()
                        .write(("GET /__casebook/wait?v=" + v + " HTTP/1.1\r\nHost: " + host()
                                        + "\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                sockets.add(s);
            }
            await(() -> serve.waiting() == DevServerProbe.MAX_WAITERS, "the cap of waiting polls is reached");
            int serveThreads = (int) Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("casebook-serve-")
                            && !t.getName().startsWith("casebook-serve-timer"))
                    .count();
            assertTrue(
                    serveThreads <= DevServerProbe.THREADS,
                    serveThreads + " request threads for " + n + " connections");
            int threads = ManagementFactory.getThreadMXBean().getThreadCount();
            assertTrue(
                    threads - baseline < 30,
                    "threads grew from " + baseline + " to " + threads + " for " + n + " connections");
            // a page still loads while the polls wait
            assertEquals(200, request("GET /ja/a/index.html HTTP/1.1\r\nHost: " + host() + "\r\n").status);

            // a save answers every waiting poll with the new version; the ones over the cap were refused at once.
            // A rebuild still pending from an earlier test may have answered some polls before the cap was
            // reached (with a version before the save's), letting as many more wait: they are counted apart.
            long atSave = serve.version();
            Files.writeString(content.resolve("a/index.ja.md"), "---\ntitle: ページA\n---\n新しい本文\n");
            int afterSave = 0;
            int early = 0;
            int refused = 0;
            for (Socket s : sockets) {
                Response r = Response.parse(s.getInputStream().readAllBytes());
                if (r.status == 503) {
                    refused++;
                    continue;
                }
                assertEquals(200, r.status, "a poll is answered with the version or refused");
                long version = Long.parseLong(r.body.strip());
                assertTrue(version != v, "each waiting poll learnt of a new version");
                if (version > atSave) {
                    afterSave++;
                } else {
                    early++;
                }
            }
            assertEquals(DevServerProbe.MAX_WAITERS, afterSave, "the polls waiting at the save, all answered by it");
            assertEquals(n - DevServerProbe.MAX_WAITERS - early, refused, "the rest refused at once");
            assertEquals(0, serve.waiting());
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    // ---- rebuild failures ----

    @ParameterizedTest(name = "a rebuild that throws {0} shows in the overlay and the next save is picked up")
    @ValueSource(strings = {"StackOverflowError", "OutOfMemoryError", "IllegalStateException", "AssertionError"})
    void aCrashedRebuildShowsInTheOverlayAndTheWatcherCarriesOn(String kind) throws Exception {
        failWith = switch (kind) {
            case "StackOverflowError" -> new StackOverflowError();
            case "OutOfMemoryError" -> new OutOfMemoryError("Java heap space");
            case "IllegalStateException" -> new IllegalStateException("a bug in a stage");
            default -> new AssertionError("unexpected");
        };
        Path page = content.resolve("a/index.ja.md");
        Files.writeString(page, "---\ntitle: ページA\n---\nBOOM の本文\n");
        String broken = awaitPage(b -> b.contains("casebook-errors"));
        assertTrue(broken.contains("the rebuild failed"), broken);
        assertTrue(broken.contains("最初の本文"), "the last good page stays served");
        assertFalse(broken.contains("\tat casebook.") || broken.contains("at java.base/"), "no stack trace");

        Files.writeString(page, "---\ntitle: ページA\n---\n直した本文\n");
        String fixed = awaitPage(b -> b.contains("直した本文"));
        assertFalse(fixed.contains("casebook-errors"), "the overlay is gone after a good build");
        Files.writeString(page, "---\ntitle: ページA\n---\nもう一度直した本文\n");
        awaitPage(b -> b.contains("もう一度直した本文")); // and it keeps watching
    }

    /**
     * An error whose message quotes what the editor wrote (a refused link holding markup) is shown in the overlay as
     * text: the overlay adds no element but its own list, and the page runs no script but the theme's and the
     * reload script.
     */
    @Test
    void anErrorQuotingMarkupIsTextInTheOverlay() throws Exception {
        String good = awaitPage(b -> b.contains("最初の本文"));
        int scripts = Jsoup.parse(good).select("script").size();
        String payload = "</li></ol></div><img src=x onerror=alert(1)><script>alert(2)</script>";
        Files.writeString(
                content.resolve("a/index.ja.md"),
                "---\ntitle: ページA\n---\n<a href=\"javascript:'" + payload.replace("\"", "&quot;") + "'\">x</a>\n");
        Document broken = Jsoup.parse(awaitPage(b -> b.contains("casebook-errors")));
        Element overlay = broken.selectFirst("#casebook-errors");
        assertTrue(overlay != null && overlay.text().contains(payload), broken.outerHtml());
        assertEquals(
                List.of("div", "p", "ol", "li"),
                overlay.select("*").stream().map(Element::normalName).distinct().toList());
        assertEquals(0, broken.select("img, [onerror]").size(), "nothing the message quotes became an element");
        assertEquals(scripts, broken.select("script").size(), "no script but the page's own and the reload script");
    }

    // ---- half-written saves ----

    @Test
    void aSaveThatPausesBetweenWritesIsNotBuiltHalfWritten() throws Exception {
        serve.close();
        long quiet = 300;
        serve = start(quiet);
        builtFrom.clear();
        Path page = content.resolve("a/index.ja.md");
        String half = "---\ntitle: ページA\n---\n前半だけ";
        try (OutputStream o = Files.newOutputStream(page)) {
            o.write(half.getBytes(StandardCharsets.UTF_8));
            o.flush();
            Thread.sleep(
                    quiet / 3); // part of the scenario: an editor that writes in two steps (longer than the old 40 ms)
            o.write("と後半\n".getBytes(StandardCharsets.UTF_8));
        }
        awaitPage(b -> b.contains("前半だけと後半"));
        assertFalse(builtFrom.isEmpty());
        for (String seen : builtFrom) {
            assertTrue(seen.endsWith("と後半\n"), "a build read the file half-written: " + seen);
        }
    }

    // ---- helpers ----

    String host() {
        return "127.0.0.1:" + serve.port();
    }

    /** Fetches the page until it satisfies {@code ok}, long-polling for the next build between tries. */
    String awaitPage(Predicate<String> ok) throws IOException {
        long until = System.nanoTime() + 60_000_000_000L;
        while (true) {
            long v = serve.version();
            Response r = request("GET /ja/a/index.html HTTP/1.1\r\nHost: " + host() + "\r\n");
            if (ok.test(r.body)) {
                return r.body;
            }
            assertTrue(System.nanoTime() < until, "timed out; last page:\n" + r.body);
            request("GET /__casebook/wait?v=" + v + " HTTP/1.1\r\nHost: " + host() + "\r\n");
        }
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "timed out waiting until " + what);
            Thread.sleep(10);
        }
    }

    /** Sends a request (Connection: close added) and reads the whole answer. */
    Response request(String headLines) throws IOException {
        try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), serve.port())) {
            s.setSoTimeout(60_000);
            s.getOutputStream().write((headLines + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return Response.parse(s.getInputStream().readAllBytes());
        }
    }

    record Response(int status, String head, Map<String, String> headers, String body, int bodyBytes) {
        static Response parse(byte[] raw) {
            String all = new String(raw, StandardCharsets.ISO_8859_1);
            int end = all.indexOf("\r\n\r\n");
            String head = end < 0 ? all : all.substring(0, end);
            byte[] body = end < 0 ? new byte[0] : Arrays.copyOfRange(raw, end + 4, raw.length);
            String[] lines = head.split("\r\n");
            int status =
                    lines.length > 0 && lines[0].startsWith("HTTP/") ? Integer.parseInt(lines[0].split(" ")[1]) : -1;
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int c = lines[i].indexOf(':');
                if (c > 0) {
                    headers.put(
                            lines[i].substring(0, c).strip().toLowerCase(Locale.ROOT),
                            lines[i].substring(c + 1).strip());
                }
            }
            return new Response(status, head, headers, new String(body, StandardCharsets.UTF_8), body.length);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    @SuppressWarnings("unchecked")
    static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }
}
