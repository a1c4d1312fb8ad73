package casebook.serve;

import casebook.source.ContentScanner;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches folders recursively and reports changes in batches, only once the changed files are stable:
 * after an event it waits until {@code quietMillis} pass without another, then reads each changed file's
 * size and modification time again and compares them with what they were at the last event; while they
 * differ it waits another quiet period. So an editor's burst of saves (write a temp file, rename it over
 * the original, touch a backup) becomes one rebuild, and a save that pauses between writes is not built
 * half-written. A file that never settles is reported after {@link #MAX_WAIT_MILLIS} anyway.
 *
 * <p>Backup and swap files ({@code ~}, {@code .swp}, {@code .bak}) are ignored; new folders (including a
 * renamed one) are watched as they appear. Whatever the callback throws, {@link Error}s included, the
 * watcher keeps running: later saves are still picked up.
 */
final class Watcher implements AutoCloseable {
    static final long MAX_WAIT_MILLIS = 5_000;

    private final List<Path> roots;
    private final long quietMillis;
    private final Consumer<List<Path>> onChange;
    private final Consumer<Throwable> onFailure;
    private final WatchService ws;
    private final Map<WatchKey, Path> keys = new ConcurrentHashMap<>();
    private final Thread thread;

    /** @param onFailure told when {@code onChange} threw (the watcher carries on) */
    Watcher(List<Path> roots, long quietMillis, Consumer<List<Path>> onChange, Consumer<Throwable> onFailure)
            throws IOException {
        this.roots = roots;
        this.quietMillis = quietMillis;
        this.onChange = onChange;
        this.onFailure = onFailure;
        this.ws = FileSystems.getDefault().newWatchService();
        for (Path r : roots) {
            registerTree(r);
        }
        thread = new Thread(this::loop, "casebook-watch");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void registerTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path dir : s.filter(Files::isDirectory).toList()) {
                keys.put(
                        dir.register(
                                ws,
                                StandardWatchEventKinds.ENTRY_CREATE,
                                StandardWatchEventKinds.ENTRY_DELETE,
                                StandardWatchEventKinds.ENTRY_MODIFY),
                        dir);
            }
        }
    }

    private void loop() {
        try {
            while (true) {
                WatchKey first = ws.take();
                Set<Path> changed = new LinkedHashSet<>();
                collect(first, changed);
                awaitStable(changed);
                if (changed.isEmpty()) {
                    continue;
                }
                try {
                    onChange.accept(new ArrayList<>(changed));
                } catch (Throwable t) { // a rebuild must never stop the watcher
                    try {
                        onFailure.accept(t);
                    } catch (Throwable ignored) {
                        // nothing more can be done; keep watching
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // stopping
        }
    }

    /** Collects further events until none came for a quiet period and the changed files' sizes and times held still. */
    private void awaitStable(Set<Path> changed) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
        Map<Path, Object> seen = stamps(changed);
        while (System.nanoTime() < giveUp) {
            WatchKey next = ws.poll(quietMillis, TimeUnit.MILLISECONDS);
            if (next != null) {
                collect(next, changed);
                seen = stamps(changed);
                continue;
            }
            Map<Path, Object> now = stamps(changed);
            if (now.equals(seen)) {
                return;
            }
            seen = now;
        }
    }

    /** Size and modification time of each path (or "gone"), read now. */
    private static Map<Path, Object> stamps(Set<Path> paths) {
        Map<Path, Object> m = new HashMap<>();
        for (Path p : paths) {
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                m.put(p, List.of(a.size(), a.lastModifiedTime()));
            } catch (IOException e) {
                m.put(p, "gone");
            }
        }
        return m;
    }

    private void collect(WatchKey key, Set<Path> changed) {
        Path dir = keys.get(key);
        for (WatchEvent<?> ev : key.pollEvents()) {
            if (ev.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
                changed.add(roots.get(0));
                continue;
            }
            Path p = dir.resolve((Path) ev.context());
            if (ContentScanner.isIgnored(p.getFileName())) {
                continue;
            }
            if (ev.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(p)) {
                try {
                    registerTree(p);
                } catch (IOException ignored) {
                    /* vanished again */
                }
            }
            changed.add(p);
        }
        if (!key.reset()) {
            keys.remove(key);
        }
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
