package casebook.qa;

import casebook.serve.DevServer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a built site on 127.0.0.1 (random port) under a sub-path, the way a portal would host it, and the control
 * tests' known-bad pages under {@link #CONTROLS}. Requests are answered on a small thread pool, so a slow answer
 * (the machine is busy) never queues the page's other requests behind it.
 */
final class StaticServer implements AutoCloseable {
    static final String PREFIX = "/portal/casebook/";
    static final String CONTROLS = "/qa-controls/";
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final Path root;
    private final Path controlsRoot;
    final String base;
    final String controls;

    StaticServer(Path siteRoot) throws IOException {
        root = siteRoot.toAbsolutePath().normalize();
        controlsRoot = QaSite.controls().toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
        String host = "http://127.0.0.1:" + server.getAddress().getPort();
        base = host + PREFIX;
        controls = host + CONTROLS;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath(); // already %-decoded
            Path f = null;
            if (path.startsWith(PREFIX)) {
                f = file(root, path.substring(PREFIX.length()));
            } else if (path.startsWith(CONTROLS)) {
                f = file(controlsRoot, path.substring(CONTROLS.length()));
            }
            if (f == null) {
                send(ex, 404, "text/html; charset=utf-8", Files.readAllBytes(root.resolve("404.html")));
            } else {
                send(ex, 200, contentType(f), Files.readAllBytes(f));
            }
        }
    }

    /** The file under {@code dir} for a request path, or null when there is none (or it lies outside). */
    private static Path file(Path dir, String rel) {
        Path f = dir.resolve(rel).normalize();
        if (Files.isDirectory(f)) {
            f = f.resolve("index.html");
        }
        return f.startsWith(dir) && Files.isRegularFile(f) ? f : null;
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** The same content types the preview server sends. */
    private static String contentType(Path f) {
        return DevServer.contentType(f.getFileName().toString());
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
