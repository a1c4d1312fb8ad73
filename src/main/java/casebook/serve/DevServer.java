package casebook.serve;

import casebook.build.Build;
import casebook.build.BuildCache;
import casebook.build.BuildOptions;
import casebook.build.BuildResult;
import casebook.cli.Arguments;
import casebook.cli.Console;
import casebook.diag.Diagnostic;
import casebook.diag.Diagnostics;
import casebook.markdown.HtmlText;
import casebook.output.OutputTree;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve}: builds in memory, serves the result on 127.0.0.1, rebuilds when a file under
 * content/ or themes/ is saved, and makes every open tab reload itself. While the content has
 * errors, the last good pages stay served with an overlay listing the errors (file, line, message);
 * fixing the file clears it. The reload script and overlay are added to responses only, never to a
 * published site/.
 */
public final class DevServer implements AutoCloseable {
    static final String RELOAD_PATH = "/__casebook/wait";

    static {
        // the JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and
        // delayed ACKs add about 40 ms to every response on loopback
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final BuildOptions options;
    private final Console console;
    private final BuildCache cache = new BuildCache();
    private final Object lock = new Object();
    private final HttpServer http;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "casebook-serve");
        t.setDaemon(true);
        return t;
    });
    private final Watcher watcher;
    private volatile OutputTree served;
    private volatile List<Diagnostic> errors = List.of();
    private volatile long version;
    private volatile long lastRebuildMillis;

    public DevServer(BuildOptions options, int port, Console console) throws IOException {
        this.options = options.withWrite(false);
        this.console = console;
        rebuild(false);
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
        watcher = new Watcher(List.of(options.content(), options.themes()), 40, this::changed);
        watcher.start();
    }

    public static int run(Arguments a, Console console) {
        int port = a.port();
        DevServer server;
        try {
            server = new DevServer(a.options(), port, console);
        } catch (BindException e) {
            console.error("casebook: port " + port + " is already in use; try: serve --port " + nextFreePort(port + 1));
            return 2;
        } catch (IOException e) {
            console.error("casebook: cannot start the server: " + e.getMessage());
            return 1;
        }
        console.info("serving " + a.options().content() + " at " + server.url() + " (Ctrl-C stops)");
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
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
    }

    public long version() { return version; }

    public long lastRebuildMillis() { return lastRebuildMillis; }

    private void changed(List<java.nio.file.Path> paths) {
        boolean theme = paths.stream().anyMatch(p -> p.toAbsolutePath().startsWith(options.themes().toAbsolutePath()));
        if (theme) cache.clearHtml();
        if (!theme && update(paths)) return;
        rebuild(true);
    }

    /** The fast path: only the saved pages are redone; false when the change needs a full build. */
    private boolean update(List<java.nio.file.Path> paths) {
        synchronized (lock) {
            long start = System.nanoTime();
            BuildResult r;
            try {
                r = casebook.build.IncrementalBuild.tryUpdate(cache, paths);
            } catch (RuntimeException e) {
                r = null;
            }
            if (r == null) return false;
            Diagnostics d = r.diagnostics();
            if (!d.hasErrors()) served = r.output();
            errors = d.sorted().stream().filter(x -> x.severity() == casebook.diag.Severity.ERROR).toList();
            lastRebuildMillis = (System.nanoTime() - start) / 1_000_000;
            version++;
            lock.notifyAll();
            if (d.hasErrors()) console.diagnostics(d);
            console.info(d.hasErrors() ? "update failed (" + d.errorCount() + " errors); still serving the last good pages"
                    : "updated " + paths.size() + " file(s) in " + lastRebuildMillis + " ms");
            return true;
        }
    }

    /** Builds in memory; on success the new pages are served, on failure the old ones stay with the errors shown. */
    void rebuild(boolean announce) {
        synchronized (lock) {
            long start = System.nanoTime();
            Diagnostics d = new Diagnostics();
            BuildResult r;
            try {
                r = Build.run(options, d, n -> { }, cache);
            } catch (RuntimeException e) {
                d.error(options.content(), 1, 1, "build crashed: " + e, null);
                r = null;
            }
            if (!d.hasErrors() && r != null && r.output() != null) {
                served = r.output();
            }
            errors = d.sorted().stream().filter(x -> x.severity() == casebook.diag.Severity.ERROR).toList();
            lastRebuildMillis = (System.nanoTime() - start) / 1_000_000;
            version++;
            lock.notifyAll();
            if (announce) {
                console.diagnostics(d);
                console.info(d.hasErrors() ? "rebuild failed (" + d.errorCount() + " errors); still serving the last good pages"
                        : "rebuilt in " + lastRebuildMillis + " ms");
            }
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (path.equals(RELOAD_PATH)) {
                waitForChange(ex);
                return;
            }
            OutputTree tree = served;
            String rel = path.startsWith("/") ? path.substring(1) : path;
            if (rel.isEmpty() || rel.endsWith("/")) rel += "index.html";
            byte[] body = tree == null ? null : tree.get(rel);
            if (body == null && tree != null && tree.get(rel + "/index.html") != null) {
                ex.getResponseHeaders().set("Location", path + "/");
                ex.sendResponseHeaders(301, -1);
                return;
            }
            int status = 200;
            if (body == null) {
                status = 404;
                rel = "404.html";
                body = tree == null ? null : tree.get(rel);
                if (body == null) body = "<!DOCTYPE html><title>404</title><p>Not found</p>".getBytes(StandardCharsets.UTF_8);
            }
            if (rel.endsWith(".html")) body = inject(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", contentType(rel));
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        }
    }

    /** Long poll: answers when the build version differs from the one the page was served with. */
    private void waitForChange(HttpExchange ex) throws IOException {
        String q = ex.getRequestURI().getQuery();
        long seen = -1;
        if (q != null && q.startsWith("v=")) {
            try { seen = Long.parseLong(q.substring(2)); } catch (NumberFormatException ignored) { seen = -1; }
        }
        long deadline = System.currentTimeMillis() + 25_000;
        synchronized (lock) {
            while (version == seen && System.currentTimeMillis() < deadline) {
                try {
                    lock.wait(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        byte[] body = String.valueOf(version).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(body);
        }
    }

    /** Adds the error overlay (when the last build failed) and the reload script before {@code </body>}. */
    String inject(String html) {
        StringBuilder add = new StringBuilder();
        List<Diagnostic> errs = errors;
        if (!errs.isEmpty()) {
            add.append("<div id=\"casebook-errors\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;"
                    + "background:#fff;color:#1a1a1a;border-top:6px solid #b00020;padding:1rem;font:14px/1.5 monospace;z-index:99999\">"
                    + "<p style=\"font-weight:bold;margin:0 0 .5rem\">casebook: the last change did not build; showing the last good pages</p><ol>");
            for (Diagnostic d : errs) add.append("<li>").append(HtmlText.escape(d.toString())).append("</li>");
            add.append("</ol></div>");
        }
        add.append("<script>(function(){var v=").append(version).append(";function w(){fetch('").append(RELOAD_PATH)
                .append("?v='+v,{cache:'no-store'}).then(function(r){return r.text()}).then(function(t){if(t!==String(v)){location.reload()}"
                        + "else{w()}}).catch(function(){setTimeout(w,1000)})}w()})();</script>");
        int i = html.lastIndexOf("</body>");
        return i < 0 ? html + add : html.substring(0, i) + add + html.substring(i);
    }

    /** The Content-Type of a generated file, by its extension. */
    public static String contentType(String path) {
        if (path.endsWith(".html")) return "text/html; charset=utf-8";
        if (path.endsWith(".css")) return "text/css; charset=utf-8";
        if (path.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (path.endsWith(".xml")) return "application/xml; charset=utf-8";
        if (path.endsWith(".svg")) return "image/svg+xml";
        if (path.endsWith(".png")) return "image/png";
        if (path.endsWith(".jpg") || path.endsWith(".jpeg")) return "image/jpeg";
        if (path.endsWith(".pdf")) return "application/pdf";
        if (path.endsWith(".txt")) return "text/plain; charset=utf-8";
        return "application/octet-stream";
    }

    @Override
    public void close() {
        watcher.close();
        http.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
