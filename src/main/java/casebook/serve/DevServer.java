package casebook.serve;

import casebook.diag.Diagnostic;
import casebook.diag.Diagnostics;
import casebook.diag.Severity;
import casebook.output.OutputTree;
import casebook.pipeline.BuildOptions;
import casebook.text.HtmlText;
import casebook.text.Urls;
import casebook.theme.Templates;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@code serve}: builds in memory, serves the result on 127.0.0.1, rebuilds when a file under
 * content/ or themes/ is saved (once it has stopped changing), and makes every open tab reload itself.
 * While the content has errors, or a rebuild failed in any way, the last good pages stay served with an
 * overlay listing the errors (file, line, message); fixing the file clears it. The reload script and
 * overlay are added to responses only, never to a published site/.
 *
 * <p>It is a preview for the editor at this machine, and answers nothing else: only {@code GET} and
 * {@code HEAD} (405 otherwise), only with a {@code Host} of {@code 127.0.0.1:<port>} or
 * {@code localhost:<port>} (421 otherwise, so a web page cannot read the preview through DNS rebinding),
 * only files of the in-memory site (no path reaches the disk), on a fixed pool of {@value #THREADS}
 * threads. Live reload is a long poll ({@value #RELOAD_PATH}) that holds no thread while it waits; at
 * most {@value #MAX_WAITERS} polls wait at once, and further ones are answered 503 at once.
 */
public final class DevServer implements AutoCloseable {
    static final String RELOAD_PATH = "/__casebook/wait";
    static final int THREADS = 8;
    static final int MAX_WAITERS = 64;
    static final long WAIT_MILLIS = 25_000;
    /** How long saved files must hold still (no change event, the same size and time) before a rebuild. */
    static final long QUIET_MILLIS = 25;
    /** The template of the theme that renders the overlay and the reload script (serve only). */
    static final String OVERLAY_TEMPLATE = "dev-overlay.ftlh";

    private final ServeLog console;
    private final Rebuilder rebuilder;
    private final Object buildLock = new Object();
    /** Guards the published state below and the waiting polls. */
    private final Object lock = new Object();

    private final HttpServer http;
    private final ExecutorService executor;
    private final ScheduledExecutorService timer;
    private final Watcher watcher;
    private final int port;
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private volatile OutputTree served;
    private volatile List<Diagnostic> errors = List.of();
    private volatile long version;
    private volatile long lastRebuildMillis;
    /** The theme's templates the overlay is rendered with (null: the plain fallback). */
    private volatile Templates overlay;

    /** A live-reload poll parked until the next build or its deadline. */
    private record Waiter(HttpExchange exchange, long deadline) {}

    public DevServer(BuildOptions options, int port, ServeLog console) throws IOException {
        this(options, port, console, QUIET_MILLIS, null);
    }

    /** @param hook a test hook run before every build with the changed paths (may throw); null for none */
    DevServer(BuildOptions options, int port, ServeLog console, long quietMillis, Consumer<List<Path>> hook)
            throws IOException {
        this.console = console;
        this.rebuilder = new Rebuilder(options);
        if (hook != null) {
            rebuilder.beforeBuild = hook;
        }
        publish(rebuilder.initial(), false);
        serverSettings();
        executor = Executors.newFixedThreadPool(THREADS, daemon("casebook-serve-"));
        timer = Executors.newSingleThreadScheduledExecutor(daemon("casebook-serve-timer-"));
        try {
            http = HttpServer.create(
                    new InetSocketAddress(InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}), port), 64);
        } catch (IOException e) {
            executor.shutdownNow();
            timer.shutdownNow();
            throw e;
        }
        this.port = http.getAddress().getPort();
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
        timer.scheduleWithFixedDelay(this::expireWaiters, 1, 1, TimeUnit.SECONDS);
        watcher = new Watcher(
                List.of(options.content(), options.themes()),
                quietMillis,
                this::changed,
                t -> console.error("casebook: the watcher caught " + Rebuilder.crashMessage(t)));
        watcher.start();
    }

    /**
     * The JDK server's settings, system properties read when the first server is made, so set (unless the user set
     * them) just before that, not when the class loads. It writes headers and body separately; without TCP_NODELAY,
     * Nagle's algorithm and delayed ACKs add about 40 ms to every response on loopback.
     */
    private static void serverSettings() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // a client that opens a connection and never finishes its request (a stalled socket, a browser's
        // preconnect) holds one of the server's threads while it reads: after this many seconds the connection
        // is closed, so a handful of them cannot stop the preview for good (a long poll, whose request is read at
        // once, is not affected)
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", String.valueOf(REQUEST_SECONDS));
        }
    }

    /** Seconds a client has to send its whole request. */
    static final int REQUEST_SECONDS = 5;

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Serves until the process is stopped; the exit code (2 when the port is in use, 1 when the server cannot start). */
    public static int run(BuildOptions options, int port, ServeLog console) {
        return run(options, port, console, List.of());
    }

    /**
     * As {@link #run(BuildOptions, int, ServeLog)}; {@code given} are the editor's other options as typed (without
     * {@code --port N}), which the hint for a busy port repeats after the free port it names.
     */
    public static int run(BuildOptions options, int port, ServeLog console, List<String> given) {
        DevServer server;
        try {
            server = new DevServer(options, port, console);
        } catch (BindException e) {
            console.error(portInUse(port, nextFreePort(port + 1), given));
            return 2;
        } catch (IOException e) {
            console.error("casebook: cannot start the server: " + e.getMessage());
            return 1;
        }
        console.info("serving " + options.content() + " at " + server.url() + " (Ctrl-C stops)");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }));
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The message for a busy port: the free one to try, with the editor's other options repeated. */
    static String portInUse(int port, int free, List<String> given) {
        String rest = given.isEmpty() ? "" : " " + String.join(" ", given);
        return "casebook: port " + port + " is already in use; try: serve --port " + free + rest;
    }

    static int nextFreePort(int from) {
        for (int p = from; p < from + 100 && p < 65536; p++) {
            try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                return p;
            } catch (IOException ignored) {
                // busy, try the next
            }
        }
        return 0;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    int port() {
        return port;
    }

    /** Increases by one with every build, successful or not. */
    public long version() {
        return version;
    }

    public long lastRebuildMillis() {
        return lastRebuildMillis;
    }

    /** The errors the overlay shows now (empty when the last build succeeded). */
    List<Diagnostic> errors() {
        return errors;
    }

    /** Live-reload polls waiting now. */
    int waiting() {
        synchronized (lock) {
            return waiters.size();
        }
    }

    private void changed(List<Path> paths) {
        synchronized (buildLock) {
            publish(rebuilder.rebuild(paths), true);
        }
    }

    /** Serves the new pages when the build succeeded; otherwise keeps the old ones and shows the errors. */
    private void publish(Rebuilder.Outcome o, boolean announce) {
        List<HttpExchange> wake;
        synchronized (lock) {
            if (!o.failed() && o.result() != null && o.result().output() != null) {
                served = o.result().output();
            }
            errors = o.diagnostics().kept().stream()
                    .filter(x -> x.severity() == Severity.ERROR)
                    .toList();
            lastRebuildMillis = o.millis();
            overlay = rebuilder.overlayTemplates();
            version++;
            wake = drain(Long.MAX_VALUE);
        }
        for (HttpExchange ex : wake) {
            answerLater(ex);
        }
        Diagnostics d = o.diagnostics();
        // problems are printed as build prints them, the first build's too; a build with notes only is quiet, and a
        // rebuild leaves its notes out (they were printed with the first build and only count in the summary)
        if (d.errorCount() + d.warningCount() > 0) {
            console.diagnostics(announce ? withoutNotes(d) : d);
        }
        if (announce) {
            console.info(
                    o.failed()
                            ? "rebuild failed (" + counts(d) + "); still serving the last good pages"
                            : "rebuilt in " + o.millis() + " ms"
                                    + (d.warningCount() > 0 ? " (" + counts(d) + ")" : ""));
        }
    }

    /** The errors and warnings of {@code d}, in its order, without its notes. */
    static Diagnostics withoutNotes(Diagnostics d) {
        Diagnostics shown = new Diagnostics();
        for (Diagnostic x : d.kept()) {
            if (x.severity() != Severity.NOTE) {
                shown.report(x);
            }
        }
        return shown;
    }

    /** "1 error, 2 warnings", as build's summary counts them. */
    static String counts(Diagnostics d) {
        return plural(d.errorCount(), "error") + ", " + plural(d.warningCount(), "warning")
                + (d.noteCount() == 0 ? "" : ", " + plural(d.noteCount(), "note"));
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Removes the polls whose deadline is before {@code now} (all of them for Long.MAX_VALUE); call holding the lock. */
    private List<HttpExchange> drain(long now) {
        List<HttpExchange> out = new ArrayList<>();
        waiters.removeIf(w -> {
            if (w.deadline() > now) {
                return false;
            }
            out.add(w.exchange());
            return true;
        });
        return out;
    }

    private void expireWaiters() {
        List<HttpExchange> due;
        synchronized (lock) {
            due = drain(System.currentTimeMillis());
        }
        for (HttpExchange ex : due) {
            answerLater(ex);
        }
    }

    private void answerLater(HttpExchange ex) {
        try {
            executor.execute(() -> answerVersion(ex));
        } catch (RejectedExecutionException e) {
            ex.close(); // shutting down
        }
    }

    private void handle(HttpExchange ex) {
        boolean parked = false;
        try {
            if (refused(ex)) {
                return;
            }
            URI uri = ex.getRequestURI();
            String path = uri.getPath();
            if (path.equals(RELOAD_PATH)) {
                parked = waitForChange(ex, uri.getRawQuery());
                return;
            }
            serveFile(ex, path, uri.getRawPath());
        } catch (IOException e) {
            // the client went away
        } finally {
            if (!parked) {
                ex.close();
            }
        }
    }

    /** Answers and returns true when the request is refused: a foreign host (421), another method (405), a bad path (400). */
    private boolean refused(HttpExchange ex) throws IOException {
        if (!allowedHost(ex.getRequestHeaders().get("Host"), port)) {
            plain(
                    ex,
                    421,
                    "casebook serve answers only http://127.0.0.1:" + port + "/ and http://localhost:" + port + "/\n");
            return true;
        }
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            plain(ex, 405, "casebook serve answers GET and HEAD only\n");
            return true;
        }
        URI uri = ex.getRequestURI();
        if (uri.isAbsolute() || uri.getRawAuthority() != null || !safePath(uri.getRawPath(), uri.getPath())) {
            plain(ex, 400, "bad request path\n");
            return true;
        }
        return false;
    }

    /** Exactly {@code 127.0.0.1:<port>} or {@code localhost:<port>}, in any case (without the port only on port 80). */
    static boolean allowedHost(List<String> host, int port) {
        if (host == null || host.size() != 1) {
            return false;
        }
        String h = host.get(0).strip().toLowerCase(Locale.ROOT);
        if (port == 80 && (h.equals("127.0.0.1") || h.equals("localhost"))) {
            return true;
        }
        return h.equals("127.0.0.1:" + port) || h.equals("localhost:" + port);
    }

    /**
     * A path made of plain segments: it starts with {@code /}, has no {@code .} or {@code ..} segment, no
     * backslash, no control character and no encoded slash or backslash. Files are looked up in the in-memory
     * site only, so nothing outside it could be served anyway; this refuses the attempt outright.
     */
    static boolean safePath(String raw, String decoded) {
        if (raw == null || decoded == null || !raw.startsWith("/") || !decoded.startsWith("/")) {
            return false;
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c")) {
            return false;
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return false;
            }
        }
        for (String segment : decoded.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private void serveFile(HttpExchange ex, String path, String rawPath) throws IOException {
        OutputTree tree = served;
        if (tree == null) {
            // no build has succeeded since serve started: every path shows the errors, and reloads once they are fixed
            send(ex, 503, "text/html; charset=utf-8", overlay(true).getBytes(StandardCharsets.UTF_8));
            return;
        }
        String rel = path.substring(1);
        if (rel.isEmpty() || rel.endsWith("/")) {
            rel += Urls.INDEX;
        }
        byte[] body = tree.get(rel);
        if (body == null && tree.get(rel + "/" + Urls.INDEX) != null) {
            ex.getResponseHeaders().set("Location", rawPath + "/");
            send(ex, 301, "text/plain; charset=utf-8", new byte[0]);
            return;
        }
        int status = 200;
        if (body == null) {
            status = 404;
            rel = Urls.NOT_FOUND;
            body = tree.get(rel);
            if (body == null) {
                body = "<!DOCTYPE html><title>404</title><p>Not found</p>".getBytes(StandardCharsets.UTF_8);
            }
        }
        if (rel.endsWith(".html")) {
            body = inject(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        send(ex, status, contentType(rel), body);
    }

    /** Long poll: answers at once when the build version differs from {@code v=}; otherwise parks (true) until it does. */
    private boolean waitForChange(HttpExchange ex, String query) throws IOException {
        long seen = -1;
        if (query != null && query.startsWith("v=")) {
            try {
                seen = Long.parseLong(query.substring(2));
            } catch (NumberFormatException ignored) {
                seen = -1;
            }
        }
        synchronized (lock) {
            if (version == seen && !ex.getRequestMethod().equals("HEAD")) {
                if (waiters.size() >= MAX_WAITERS) {
                    ex.getResponseHeaders().set("Retry-After", "5");
                    plain(ex, 503, "too many live-reload connections\n");
                    return false;
                }
                waiters.add(new Waiter(ex, System.currentTimeMillis() + WAIT_MILLIS));
                return true;
            }
        }
        answerVersion(ex);
        return false;
    }

    private void answerVersion(HttpExchange ex) {
        try (ex) {
            plain(ex, 200, String.valueOf(version));
        } catch (IOException | RuntimeException e) {
            // the tab was closed
        }
    }

    private static void plain(HttpExchange ex, int status, String text) throws IOException {
        send(ex, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a response; a HEAD request gets the same headers (Content-Length included) and no body. */
    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        }
    }

    /** Adds the error overlay (when the last build failed) and the reload script before {@code </body>}. */
    String inject(String html) {
        String add = overlay(false);
        int i = html.lastIndexOf("</body>");
        return i < 0 ? html + add : html.substring(0, i) + add + html.substring(i);
    }

    /**
     * The theme's {@value #OVERLAY_TEMPLATE} with the errors of the last build and the reload script; the whole
     * page when {@code standalone} (nothing has built yet). When the theme cannot render it, the errors as
     * plain text and the reload script, so a broken theme still shows what is wrong.
     */
    String overlay(boolean standalone) {
        List<Diagnostic> errs = errors;
        List<String> lines = errs.stream().map(Diagnostic::toString).toList();
        Map<String, Object> model =
                Map.of("errors", lines, "standalone", standalone, "version", version, "wait", RELOAD_PATH);
        Templates t = overlay;
        byte[] html = t == null ? null : t.render(OVERLAY_TEMPLATE, model, new Diagnostics());
        if (html != null) {
            return new String(html, StandardCharsets.UTF_8);
        }
        StringBuilder s =
                new StringBuilder(standalone ? "<!DOCTYPE html><meta charset=\"utf-8\"><title>casebook</title>" : "");
        s.append("<pre id=\"casebook-errors\" role=\"alert\">casebook: ")
                .append(OVERLAY_TEMPLATE)
                .append(" of the theme cannot be rendered");
        for (String line : lines) {
            s.append('\n').append(HtmlText.escape(line));
        }
        s.append("</pre><script>(function w(){fetch('")
                .append(RELOAD_PATH)
                .append("?v=")
                .append(version)
                .append("').then(function(r){return r.text()}).then(function(t){t!=='")
                .append(version)
                .append("'?location.reload():w()}).catch(function(){setTimeout(w,3000)})})()</script>");
        return s.toString();
    }

    /** The Content-Type of a generated file, by its extension. */
    public static String contentType(String path) {
        if (path.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (path.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (path.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (path.endsWith(".xml")) {
            return "application/xml; charset=utf-8";
        }
        if (path.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (path.endsWith(".png")) {
            return "image/png";
        }
        if (path.endsWith(".jpg") || path.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (path.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (path.endsWith(".txt")) {
            return "text/plain; charset=utf-8";
        }
        return "application/octet-stream";
    }

    @Override
    public void close() {
        watcher.close();
        List<HttpExchange> parked;
        synchronized (lock) {
            parked = drain(Long.MAX_VALUE);
        }
        for (HttpExchange ex : parked) {
            ex.close();
        }
        http.stop(0);
        timer.shutdownNow();
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
