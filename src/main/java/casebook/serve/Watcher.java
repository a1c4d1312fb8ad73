package casebook.serve;

import casebook.source.ContentScanner;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches folders recursively and reports changes in debounced batches: after the first event it
 * waits until {@code quietMillis} pass without another, so an editor's burst of saves (write a temp
 * file, rename it over the original, touch a backup) becomes one rebuild. Backup and swap files
 * ({@code ~}, {@code .swp}, {@code .bak}) are ignored; new folders (including a renamed one) are
 * watched as they appear.
 */
final class Watcher implements AutoCloseable {
    private final List<Path> roots;
    private final long quietMillis;
    private final Consumer<List<Path>> onChange;
    private final WatchService ws;
    private final Map<WatchKey, Path> keys = new ConcurrentHashMap<>();
    private final Thread thread;

    Watcher(List<Path> roots, long quietMillis, Consumer<List<Path>> onChange) throws IOException {
        this.roots = roots;
        this.quietMillis = quietMillis;
        this.onChange = onChange;
        this.ws = FileSystems.getDefault().newWatchService();
        for (Path r : roots) registerTree(r);
        thread = new Thread(this::loop, "casebook-watch");
        thread.setDaemon(true);
    }

    void start() { thread.start(); }

    private void registerTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path dir : s.filter(Files::isDirectory).toList()) {
                keys.put(dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY), dir);
            }
        }
    }

    private void loop() {
        try {
            while (true) {
                WatchKey first = ws.take();
                Set<Path> changed = new LinkedHashSet<>();
                collect(first, changed);
                WatchKey next;
                while ((next = ws.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) collect(next, changed);
                if (!changed.isEmpty()) onChange.accept(new ArrayList<>(changed));
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // stopping
        }
    }

    private void collect(WatchKey key, Set<Path> changed) {
        Path dir = keys.get(key);
        for (WatchEvent<?> ev : key.pollEvents()) {
            if (ev.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
                changed.add(roots.get(0));
                continue;
            }
            Path p = dir.resolve((Path) ev.context());
            if (ContentScanner.isIgnored(p.getFileName())) continue;
            if (ev.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(p)) {
                try { registerTree(p); } catch (IOException ignored) { /* vanished again */ }
            }
            changed.add(p);
        }
        if (!key.reset()) keys.remove(key);
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            ws.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
