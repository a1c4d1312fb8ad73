package casebook.search;

/**
 * Which shard file holds a term (the same function as {@code search.js}, {@code shardOf}). Terms are grouped by
 * a prefix, the key: a CJK term's first character, a word's first two characters. All terms with one key are in
 * one shard, so a one-character query and the prefix of a word being typed are looked up in one file. The shard
 * is the key's FNV-1a hash (32 bits, over UTF-16 units) modulo the number of shards.
 */
public final class Shards {
    private Shards() {}

    public static String key(String term) {
        int c = term.codePointAt(0);
        if (Tokenizer.isCjk(c)) {
            return term.substring(0, Character.charCount(c));
        }
        return term.length() <= 2 ? term : term.substring(0, 2);
    }

    public static int of(String term, int shards) {
        if (shards <= 1) {
            return 0;
        }
        String k = key(term);
        int h = 0x811c9dc5;
        for (int i = 0; i < k.length(); i++) {
            h ^= k.charAt(i);
            h *= 0x01000193;
        }
        return Integer.remainderUnsigned(h, shards);
    }
}
