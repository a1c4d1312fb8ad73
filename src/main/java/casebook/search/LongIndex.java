package casebook.search;

import java.util.Arrays;

/**
 * Numbers distinct keys (any {@code long} but 0) 0, 1, 2, … in the order they are first seen, so that what a key
 * stands for can be kept in plain arrays indexed by its number. An open-addressed table of slots, each holding a
 * key's number plus one (0: empty), probed linearly and kept at most half full.
 */
final class LongIndex {
    private int[] slots;
    private long[] keys;
    /** The slot each number's key sits in (so {@link #clear} empties only those). */
    private int[] slotOf;

    private int size;

    /** @param capacity the first table size, a power of two */
    LongIndex(int capacity) {
        slots = new int[capacity];
        keys = new long[capacity / 2];
        slotOf = new int[capacity / 2];
    }

    /** The number of {@code key}, given it now if it has none. */
    int number(long key) {
        int mask = slots.length - 1;
        int i = slot(key, mask);
        while (slots[i] != 0) {
            if (keys[slots[i] - 1] == key) {
                return slots[i] - 1;
            }
            i = (i + 1) & mask;
        }
        if (size == keys.length) {
            grow();
            return number(key);
        }
        keys[size] = key;
        slotOf[size] = i;
        slots[i] = ++size;
        return size - 1;
    }

    long key(int number) {
        return keys[number];
    }

    int size() {
        return size;
    }

    /** Forgets every key (the table keeps its size). */
    void clear() {
        for (int n = 0; n < size; n++) {
            slots[slotOf[n]] = 0;
        }
        size = 0;
    }

    private void grow() {
        slots = new int[slots.length * 2];
        keys = Arrays.copyOf(keys, keys.length * 2);
        slotOf = new int[keys.length];
        int mask = slots.length - 1;
        for (int n = 0; n < size; n++) {
            int i = slot(keys[n], mask);
            while (slots[i] != 0) {
                i = (i + 1) & mask;
            }
            slots[i] = n + 1;
            slotOf[n] = i;
        }
    }

    private static int slot(long key, int mask) {
        return (int) mix(key) & mask;
    }

    /** A key's bits spread over the whole word (for the table's slots, and for splitting keys into parts). */
    static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
