package casebook.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Every generated file, path (relative, forward slashes) to bytes (an in-memory tree keeps them sorted). Two modes:
 * <ul>
 * <li>in memory (for {@code check} and {@code serve}): nothing touches the disk;</li>
 * <li>spooled (for {@code build}): each file goes straight into a staging folder that
 *     {@link AtomicPublisher} swaps in only when the whole build succeeded (and deletes otherwise),
 *     so a large site never has to fit in memory twice.</li>
 * </ul>
 * Thread-safe, so pages can be added from parallel renderers.
 */
public final class OutputTree {
    private final ConcurrentSkipListMap<String, byte[]> files = new ConcurrentSkipListMap<>();
    /** Hashed, not sorted: the link check looks up every link's target here. */
    private final Set<String> paths = ConcurrentHashMap.newKeySet();

    private final Path staging;
    /** The staging folder's subfolders made so far. */
    private final ConcurrentHashMap<Path, Boolean> folders = new ConcurrentHashMap<>();

    /** An in-memory tree. */
    public OutputTree() {
        this((Path) null);
    }

    /** A tree whose files are written into {@code staging} as they are added. */
    public OutputTree(Path staging) {
        this.staging = staging;
    }

    public void put(String path, byte[] bytes) {
        if (!isPlainPath(path)) {
            // every path comes from names casebook checked (slugs, language codes, content files); one that is not
            // plain is a bug, and is never written, least of all outside the staging folder
            throw new IllegalArgumentException("not a path inside the output: \"" + path + "\"");
        }
        if (staging == null) {
            files.put(path, bytes);
        } else {
            Path f = staging.resolve(path);
            try {
                folder(f.getParent());
                try (OutputStream o = Files.newOutputStream(f)) {
                    o.write(bytes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + f, e);
            }
        }
        paths.add(path);
    }

    /**
     * Makes {@code dir} (and its parents) once per tree: a folder holding thousands of files (the search index's
     * page files) is not looked up again for each. A second thread asking for the same folder waits until it is
     * made; a folder that could not be made is not remembered.
     */
    private void folder(Path dir) throws IOException {
        try {
            folders.computeIfAbsent(dir, d -> {
                try {
                    Files.createDirectories(d);
                    return Boolean.TRUE;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Whether {@code path} names a file inside the output: segments separated by single forward slashes, none
     * empty, {@code .} or {@code ..}, no backslash (a separator on Windows) and no colon in the first segment (a
     * drive letter), so no absolute path and no way out of the folder however the system reads it.
     */
    static boolean isPlainPath(String path) {
        if (path == null || path.isEmpty()) {
            return false;
        }
        for (String seg : path.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                return false;
            }
        }
        int slash = path.indexOf('/');
        return path.indexOf('\\') < 0
                && path.substring(0, slash < 0 ? path.length() : slash).indexOf(':') < 0;
    }

    public void put(String path, String text) {
        put(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes of a file (in-memory trees only; null for a spooled tree). */
    public byte[] get(String path) {
        return files.get(path);
    }

    public boolean contains(String path) {
        return paths.contains(path);
    }

    /** Every path, in no particular order. */
    public Set<String> paths() {
        return Collections.unmodifiableSet(paths);
    }

    /** Path to bytes of an in-memory tree (empty for a spooled tree). */
    public NavigableMap<String, byte[]> files() {
        return Collections.unmodifiableNavigableMap(files);
    }

    public Path staging() {
        return staging;
    }

    public int size() {
        return paths().size();
    }
}
