package casebook.pipeline;

import casebook.diag.Diagnostics;
import casebook.search.IndexBuilder;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * {@code serve}'s memo around the search stage ({@link SearchStage.Texts}, {@link SearchStage.Indexes}): a page's
 * text and terms are taken again only when its HTML changed, byte for byte; a language's index files are merged
 * again only when one of its pages' texts or the glossary's bridges changed. The search stage sees only the two
 * functions.
 */
final class SearchMemo {
    private final Memo<String, IndexBuilder.Prepared> texts = new Memo<>();
    private final Memo<String, Map<String, byte[]>> indexes = new Memo<>();

    /** A page's text and terms, reused while its HTML is byte for byte the same. */
    IndexBuilder.Prepared text(String path, String url, byte[] html) {
        return texts.get(
                path,
                List.of(url, ByteBuffer.wrap(html)),
                new Diagnostics(),
                d -> SearchStage.Texts.DIRECT.of(path, url, html));
    }

    /**
     * A language's index files, reused while its pages' texts are the very ones they were made from ({@link #text}
     * gives the same text for the same HTML) and the glossary's bridges are equal. The pages' texts are taken
     * first, side by side, to compare them.
     */
    void index(
            String lang,
            int count,
            IntFunction<IndexBuilder.Prepared> page,
            List<IndexBuilder.Bridge> bridges,
            BiConsumer<String, byte[]> out) {
        IndexBuilder.Prepared[] prepared = new IndexBuilder.Prepared[count];
        IntStream.range(0, count).parallel().forEach(i -> prepared[i] = page.apply(i));
        List<Object> inputs = List.of(new Same(prepared), bridges);
        Map<String, byte[]> files = indexes.get(lang, inputs, new Diagnostics(), d -> {
            Map<String, byte[]> made = new TreeMap<>();
            SearchStage.Indexes.DIRECT.build(lang, count, i -> prepared[i], bridges, (name, bytes) -> {
                synchronized (made) {
                    made.put(name, bytes);
                }
            });
            return made;
        });
        files.forEach(out);
    }

    void clear() {
        texts.clear();
        indexes.clear();
    }

    /** The very same objects, in the same order (equal by identity, element by element). */
    private record Same(Object[] items) {
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Same other) || other.items.length != items.length) {
                return false;
            }
            for (int i = 0; i < items.length; i++) {
                if (items[i] != other.items[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return items.length;
        }
    }
}
