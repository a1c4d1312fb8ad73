package casebook.output;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Every generated file, path (relative, forward slashes) to bytes, sorted. Nothing touches the disk
 * until the whole tree exists and the build had no errors; {@code check} and {@code serve} never
 * write it at all. Thread-safe, so pages can be added from parallel renderers.
 */
public final class OutputTree {
    private final ConcurrentSkipListMap<String, byte[]> files = new ConcurrentSkipListMap<>();

    public void put(String path, byte[] bytes) { files.put(path, bytes); }

    public void put(String path, String text) { files.put(path, text.getBytes(StandardCharsets.UTF_8)); }

    public byte[] get(String path) { return files.get(path); }

    public boolean contains(String path) { return files.containsKey(path); }

    public NavigableMap<String, byte[]> files() { return Collections.unmodifiableNavigableMap(files); }

    public int size() { return files.size(); }

    public long htmlCount() { return files.keySet().stream().filter(p -> p.endsWith(".html")).count(); }

    public void putAll(Map<String, byte[]> other) { files.putAll(other); }
}
