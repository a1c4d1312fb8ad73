package casebook.pipeline;

import casebook.diag.Diagnostic;
import casebook.diag.Diagnostics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One memo of {@code serve}'s: for each key (a file, a page), the inputs a value was made from, the value, and
 * every problem reported while making it. A value is reused only while its inputs are equal to the ones it
 * was made from, and reusing it reports its problems again, so a hit gives exactly what making it again
 * would give. One entry per key: an edit replaces the entry of its file instead of adding one.
 */
final class Memo<K, V> {
    private record Entry<V>(Object inputs, V value, List<Diagnostic> diagnostics) {}

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    /**
     * The value for {@code key} made from {@code inputs}: last time's when its inputs are equal, otherwise
     * {@code make}'s (given a sink of its own, whose problems go on to {@code d}). A null value is not kept.
     */
    V get(K key, Object inputs, Diagnostics d, Function<Diagnostics, V> make) {
        Entry<V> old = entries.get(key);
        if (old != null && old.inputs().equals(inputs)) {
            for (Diagnostic x : old.diagnostics()) {
                d.report(x);
            }
            return old.value();
        }
        Diagnostics local = new Diagnostics(Integer.MAX_VALUE);
        V value = make.apply(local);
        List<Diagnostic> found = local.kept();
        for (Diagnostic x : found) {
            d.report(x);
        }
        if (value == null) {
            entries.remove(key);
        } else {
            entries.put(key, new Entry<>(inputs, value, found));
        }
        return value;
    }

    /** The value of some entry (the only one, for a memo of one key), or null when there is none. */
    V last() {
        return entries.values().stream().findFirst().map(Entry::value).orElse(null);
    }

    void clear() {
        entries.clear();
    }
}
