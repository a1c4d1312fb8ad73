package casebook.qa;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** Serves a built site on 127.0.0.1 (random port) under a sub-path, the way a portal would host it. */
final class StaticServer implements AutoCloseable {
    static final String PREFIX = "/portal/casebook/";
    private final HttpServer server;
    final String base;

    StaticServer(Path siteRoot) throws IOException {
        Path root = siteRoot.toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath(); // already %-decoded
            Path f = null;
            if (path.startsWith(PREFIX)) {
                f = root.resolve(path.substring(PREFIX.length())).normalize();
                if (Files.isDirectory(f)) f = f.resolve("index.html");
            }
            if (f == null || !f.startsWith(root) || !Files.isRegularFile(f)) {
                byte[] body = Files.readAllBytes(root.resolve("404.html"));
                ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                ex.sendResponseHeaders(404, body.length);
                try (OutputStream out = ex.getResponseBody()) { out.write(body); }
                return;
            }
            ex.getResponseHeaders().set("Content-Type", contentType(f));
            byte[] body = Files.readAllBytes(f);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) { out.write(body); }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX;
    }

    /** The same content types the preview server sends. */
    private static String contentType(Path f) {
        return casebook.serve.DevServer.contentType(f.getFileName().toString());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
