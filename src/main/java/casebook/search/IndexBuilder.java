package casebook.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Builds one language's index from its pages' text and writes it as JavaScript files (paths relative to the
 * language's {@code search/} folder), each a single call to a function of {@code search.js}, so the browser
 * loads them with {@code <script>} from disk or from any server:
 * <ul>
 * <li>{@code index.js}: {@code casebookSearch.i({...})} — the manifest: the number of sections (for the
 *     weights of rare terms), the glossary pairs for bilingual queries, the number of term shards, the number
 *     of pages; for a small site also every term and every page's text, so one file is the whole index;</li>
 * <li>{@code t/N.js}: {@code casebookSearch.t(N, {term: postings})} — the terms of shard N ({@link Shards});</li>
 * <li>{@code p/N.js}: {@code casebookSearch.p(N, [url, title, [[id, heading, text], …]])} — page N's text,
 *     loaded only for pages shown as results (snippets and the phrase check).</li>
 * </ul>
 * The split happens above {@link #SINGLE_FILE_PAGES} pages; shards then hold about {@link #SHARD_TARGET} bytes
 * each. The output depends only on the pages, in their order.
 */
public final class IndexBuilder {
    public static final int SHARD_TARGET = 48 * 1024;

    /** A glossary pair: a form a reader of the other language may type, and this language's term. */
    public record Bridge(String from, String to) {}

    private IndexBuilder() {}

    /**
     * The terms of one page: for each distinct term of each section, the term and {@code section * 4 + class}. A
     * CJK term is a key ({@link #cjkKey}, {@code words[i]} null), a word is {@code words[i]} (key 0); grouped by
     * the part of the merge each term goes to, from {@code partStart[k]}, in section order within a part.
     */
    record PageTerms(long[] keys, String[] words, int[] codes, int[] partStart) {}

    /** A CJK term as a number: its first code point, and its second (0 for a character alone). */
    static long cjkKey(int first, int second) {
        return (long) first << 21 | second;
    }

    static String cjkTerm(long key) {
        int first = (int) (key >>> 21);
        int second = (int) (key & 0x1FFFFF);
        return second == 0 ? new String(new int[] {first}, 0, 1) : new String(new int[] {first, second}, 0, 2);
    }

    /** A page's text with its terms, as the index takes it ({@link #prepare}). */
    public record Prepared(PageText text, PageTerms terms) {}

    /** Cuts a page's text into its terms (kept by {@code serve} for the pages that did not change). */
    public static Prepared prepare(PageText p) {
        return new Prepared(p, pageTerms(p));
    }

    static PageTerms pageTerms(PageText p) {
        SectionTerms seen = new SectionTerms();
        long[] keys = new long[256];
        String[] words = new String[256];
        int[] codes = new int[256];
        int n = 0;
        for (int s = 0; s < p.sections().size(); s++) {
            PageText.Section sec = p.sections().get(s);
            seen.clear();
            seen.collect(sec.heading(), Postings.HEADING);
            seen.collect(sec.strong(), Postings.STRONG);
            seen.collect(sec.text(), Postings.BODY);
            int size = seen.size();
            if (n + size > keys.length) {
                int grown = Math.max(keys.length * 2, n + size);
                keys = Arrays.copyOf(keys, grown);
                words = Arrays.copyOf(words, grown);
                codes = Arrays.copyOf(codes, grown);
            }
            n = seen.drain(s, keys, words, codes, n);
        }
        // grouped by the part of the merge each term goes to, so each part reads only its own
        int[] count = new int[PARTS + 1];
        int[] part = new int[n];
        for (int i = 0; i < n; i++) {
            count[(part[i] = words[i] == null ? part(keys[i]) : part(words[i])) + 1]++;
        }
        for (int k = 0; k < PARTS; k++) {
            count[k + 1] += count[k];
        }
        long[] ks = new long[n];
        String[] ws = new String[n];
        int[] c = new int[n];
        int[] at = Arrays.copyOf(count, PARTS);
        for (int i = 0; i < n; i++) {
            int k = at[part[i]]++;
            ks[k] = keys[i];
            ws[k] = words[i];
            c[k] = codes[i];
        }
        return new PageTerms(ks, ws, c, count);
    }

    static int part(String word) {
        return (word.hashCode() & 0x7fffffff) % PARTS;
    }

    static int part(long key) {
        return (int) ((LongIndex.mix(key) >>> 33) % PARTS);
    }

    /**
     * The distinct terms of one section as they are collected, each with its count in the body text and the
     * highest class it has elsewhere, by their number in a {@link LongIndex} of keys: a CJK term's
     * {@link #cjkKey}, or for a word {@link #WORD} and its number among the page's words.
     */
    private static final class SectionTerms implements Tokenizer.TermSink {
        private static final long WORD = 1L << 62;
        private final LongIndex terms = new LongIndex(1024);
        private int[] body = new int[512];
        private int[] high = new int[512];
        private final WordTable words = new WordTable();
        private final SearchNormalizer.Buffer norm = new SearchNormalizer.Buffer();
        private int cls;

        void clear() {
            Arrays.fill(body, 0, terms.size(), 0);
            Arrays.fill(high, 0, terms.size(), 0);
            terms.clear();
        }

        int size() {
            return terms.size();
        }

        void collect(String text, int cls) {
            if (text == null || text.isEmpty()) {
                return;
            }
            this.cls = cls;
            SearchNormalizer.normalizeInto(text, norm);
            Tokenizer.forEachTerm(norm.out, norm.length, this);
        }

        @Override
        public void cjk(int first, int second) {
            add(cjkKey(first, second));
        }

        @Override
        public void word(String word) {
            word(word.toCharArray(), word.length());
        }

        @Override
        public void word(char[] w, int n) {
            add(WORD | words.number(w, n));
        }

        private void add(long key) {
            int i = terms.number(key);
            if (i == body.length) {
                body = Arrays.copyOf(body, i * 2);
                high = Arrays.copyOf(high, i * 2);
            }
            if (cls == Postings.BODY) {
                body[i]++;
            } else {
                high[i] = Math.max(high[i], cls);
            }
        }

        /** Writes the terms with their codes for section {@code s} from {@code n}; returns the new end. */
        int drain(int s, long[] toKeys, String[] toWords, int[] toCodes, int n) {
            for (int i = 0; i < terms.size(); i++) {
                long k = terms.key(i);
                if ((k & WORD) != 0) {
                    toKeys[n] = 0;
                    toWords[n] = words.word((int) (k & ~WORD));
                } else {
                    toKeys[n] = k;
                    toWords[n] = null;
                }
                toCodes[n++] = s * 4 + classOf(body[i], high[i]);
            }
            return n;
        }

        private static int classOf(int bodyCount, int high) {
            return high > Postings.BODY ? high : bodyCount >= 3 ? Postings.BODY_REPEATED : Postings.BODY;
        }
    }

    /**
     * Numbers a page's distinct words 0, 1, 2, … as they are first seen, looked up by their characters: a word
     * met again makes no string (an open-addressed table of slots holding a word's number plus one).
     */
    private static final class WordTable {
        private int[] slots = new int[256];
        private int[] hashes = new int[128];
        private String[] words = new String[128];
        /** Each word's characters, to compare a word met again with (one intrinsic call, no loop of our own). */
        private char[][] chars = new char[128][];

        private int size;

        int number(char[] w, int n) {
            int h = 0;
            for (int i = 0; i < n; i++) {
                h = 31 * h + w[i];
            }
            int mask = slots.length - 1;
            int i = (int) LongIndex.mix(h) & mask;
            while (slots[i] != 0) {
                int id = slots[i] - 1;
                if (hashes[id] == h && Arrays.equals(chars[id], 0, chars[id].length, w, 0, n)) {
                    return id;
                }
                i = (i + 1) & mask;
            }
            if (size == words.length) {
                grow();
                return number(w, n);
            }
            hashes[size] = h;
            chars[size] = Arrays.copyOf(w, n);
            words[size] = new String(w, 0, n);
            slots[i] = ++size;
            return size - 1;
        }

        String word(int number) {
            return words[number];
        }

        private void grow() {
            words = Arrays.copyOf(words, size * 2);
            chars = Arrays.copyOf(chars, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
            slots = new int[slots.length * 2];
            int mask = slots.length - 1;
            for (int id = 0; id < size; id++) {
                int i = (int) LongIndex.mix(hashes[id]) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = id + 1;
            }
        }
    }

    /** The posting lists of CJK terms, by the number of their key. */
    private static final class KeyTable {
        final LongIndex keys = new LongIndex(1 << 12);
        final List<Post> posts = new ArrayList<>();

        Post get(long key) {
            int i = keys.number(key);
            if (i == posts.size()) {
                posts.add(new Post());
            }
            return posts.get(i);
        }
    }

    /** A term's posting list as it grows, pages in order: the encoded text (ASCII) and the last page in it. */
    private static final class Post {
        byte[] buf = new byte[8];
        int len;
        int last;

        void add(int page, int code) {
            if (len + 16 > buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            len = number(buf, len, page - last);
            len = number(buf, len, code);
            last = page;
        }

        private static int number(byte[] b, int at, int n) {
            if (n < 32) {
                b[at] = (byte) Postings.DIGITS.charAt(n);
                return at + 1;
            }
            int shift = 0;
            while ((n >>> shift) >= 32) {
                shift += 5;
            }
            for (; shift > 0; shift -= 5) {
                b[at++] = (byte) Postings.DIGITS.charAt(32 + ((n >>> shift) & 31));
            }
            b[at++] = (byte) Postings.DIGITS.charAt(n & 31);
            return at;
        }

        /** The encoded list: ASCII, one character per byte. */
        void appendTo(StringBuilder out) {
            for (int i = 0; i < len; i++) {
                out.append((char) buf[i]);
            }
        }

        @Override
        public String toString() {
            return new String(buf, 0, len, StandardCharsets.ISO_8859_1);
        }
    }

    /** Up to this many pages, the whole index is one file; above, it is split into term shards and page files. */
    public static final int SINGLE_FILE_PAGES = 64;
    /** Pages read, cut into terms and merged at a time (so a large site's terms are never all in memory). */
    static final int CHUNK = 256;
    /** The merge runs in this many parts side by side, each for the terms whose hash falls in it. */
    static final int PARTS = 4;

    /** The index files of one language, in a map (tests, small sites). */
    public static Map<String, byte[]> build(List<PageText> pages, List<Bridge> bridges) {
        Map<String, byte[]> files = new TreeMap<>();
        build(pages.size(), i -> prepare(pages.get(i)), bridges, (k, v) -> {
            synchronized (files) {
                files.put(k, v);
            }
        });
        return files;
    }

    /**
     * Builds the index of {@code count} pages, each read by {@code page} (called once per page, from several
     * threads; null for a page that has no text), and hands each file to {@code out} (from several threads).
     * Pages are read {@link #CHUNK} at a time, in parallel; their terms are merged in page order.
     */
    public static void build(
            int count, IntFunction<Prepared> page, List<Bridge> bridges, BiConsumer<String, byte[]> out) {
        boolean split = count > SINGLE_FILE_PAGES;
        List<Map<String, Post>> parts = new ArrayList<>();
        List<KeyTable> cjkParts = new ArrayList<>();
        for (int i = 0; i < PARTS; i++) {
            parts.add(new HashMap<>());
            cjkParts.add(new KeyTable());
        }
        String[] inline = split ? null : new String[count];
        int sections = 0;
        for (int from = 0; from < count; from += CHUNK) {
            int to = Math.min(count, from + CHUNK);
            PageText[] texts = new PageText[to - from];
            PageTerms[] terms = new PageTerms[to - from];
            int first = from;
            IntStream.range(0, texts.length).parallel().forEach(i -> {
                int number = first + i;
                Prepared prepared = page.apply(number);
                if (prepared == null) {
                    return;
                }
                PageText text = prepared.text();
                texts[i] = text;
                terms[i] = prepared.terms();
                if (split) {
                    out.accept("p/" + number + ".js", pageFile(number, text));
                } else {
                    inline[number] = pageJson(new StringBuilder(), text).toString();
                }
            });
            for (PageText t : texts) {
                if (t != null) {
                    sections += t.sections().size();
                }
            }
            IntStream.range(0, PARTS).parallel().forEach(part -> {
                KeyTable cjk = cjkParts.get(part);
                Map<String, Post> posts = parts.get(part);
                for (int i = 0; i < terms.length; i++) {
                    PageTerms pt = terms[i];
                    if (pt == null) {
                        continue;
                    }
                    for (int k = pt.partStart[part]; k < pt.partStart[part + 1]; k++) {
                        String w = pt.words[k];
                        Post p;
                        if (w == null) {
                            p = cjk.get(pt.keys[k]);
                        } else {
                            p = posts.get(w);
                            if (p == null) {
                                posts.put(w, p = new Post());
                            }
                        }
                        p.add(first + i, pt.codes[k]);
                    }
                }
            });
        }
        Map<String, Post> lists = new HashMap<>();
        for (Map<String, Post> m : parts) {
            lists.putAll(m);
        }
        for (KeyTable t : cjkParts) {
            for (int i = 0; i < t.keys.size(); i++) {
                lists.put(cjkTerm(t.keys.key(i)), t.posts.get(i));
            }
        }
        String[] terms = lists.keySet().toArray(String[]::new);
        Arrays.sort(terms);
        StringBuilder manifest = new StringBuilder("casebookSearch.i({\"v\":1,\"sections\":")
                .append(sections)
                .append(",\"pageCount\":")
                .append(count)
                .append(",\"bridges\":[");
        for (int i = 0; i < bridges.size(); i++) {
            if (i > 0) {
                manifest.append(',');
            }
            manifest.append('[')
                    .append(json(bridges.get(i).from()))
                    .append(',')
                    .append(json(bridges.get(i).to()))
                    .append(']');
        }
        manifest.append(']');
        if (!split) {
            manifest.append(",\"shards\":0,\"terms\":");
            termsJson(manifest, terms, lists);
            manifest.append(",\"pages\":[");
            for (int i = 0; i < count; i++) {
                manifest.append(i > 0 ? "," : "").append(inline[i] == null ? "null" : inline[i]);
            }
            manifest.append(']');
        } else {
            long size = 0;
            for (String t : terms) {
                size += t.length() * 3L + lists.get(t).len + 4;
            }
            int shards = (int) Math.max(1, size / SHARD_TARGET + 1);
            manifest.append(",\"shards\":").append(shards);
            List<List<String>> byShard = new ArrayList<>();
            for (int i = 0; i < shards; i++) {
                byShard.add(new ArrayList<>());
            }
            for (String t : terms) {
                byShard.get(Shards.of(t, shards)).add(t);
            }
            IntStream.range(0, shards)
                    .parallel()
                    .forEach(i -> out.accept(
                            "t/" + i + ".js", shardFile(i, byShard.get(i).toArray(String[]::new), lists)));
        }
        out.accept("index.js", bytes(manifest.append("});\n")));
    }

    private static void termsJson(StringBuilder out, String[] terms, Map<String, Post> lists) {
        out.append('{');
        for (int i = 0; i < terms.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            json(out, terms[i]).append(":\"");
            lists.get(terms[i]).appendTo(out);
            out.append('"');
        }
        out.append('}');
    }

    /**
     * The file {@code t/N.js}: {@code casebookSearch.t(N,{term:"postings",…});} as UTF-8, the posting lists
     * (ASCII already) copied as they are.
     */
    private static byte[] shardFile(int number, String[] terms, Map<String, Post> lists) {
        byte[] head = ("casebookSearch.t(" + number + ",{").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "});\n".getBytes(StandardCharsets.US_ASCII);
        byte[][] names = new byte[terms.length][];
        Post[] posts = new Post[terms.length];
        int size = head.length + tail.length;
        for (int k = 0; k < terms.length; k++) {
            names[k] = json(terms[k]).getBytes(StandardCharsets.UTF_8);
            posts[k] = lists.get(terms[k]);
            size += names[k].length + posts[k].len + 4; // :"…" and a comma
        }
        byte[] b = new byte[size];
        System.arraycopy(head, 0, b, 0, head.length);
        int at = head.length;
        for (int k = 0; k < terms.length; k++) {
            if (k > 0) {
                b[at++] = ',';
            }
            System.arraycopy(names[k], 0, b, at, names[k].length);
            at += names[k].length;
            b[at++] = ':';
            b[at++] = '"';
            System.arraycopy(posts[k].buf, 0, b, at, posts[k].len);
            at += posts[k].len;
            b[at++] = '"';
        }
        System.arraycopy(tail, 0, b, at, tail.length);
        return Arrays.copyOf(b, at + tail.length);
    }

    /** The file {@code p/N.js} of page N: {@code casebookSearch.p(N,}{@link #pageJson}{@code );}, written as bytes. */
    static byte[] pageFile(int number, PageText p) {
        int chars = p.url().length() + p.title().length();
        for (PageText.Section s : p.sections()) {
            chars += s.id().length() + s.heading().length() + s.text().length() + 8;
        }
        JsonBytes b = new JsonBytes(64 + chars * 3);
        b.ascii(PAGE_HEAD).number(number).ascii(',').ascii('[');
        b.string(p.url()).ascii(',').string(p.title()).ascii(',').ascii('[');
        for (int i = 0; i < p.sections().size(); i++) {
            PageText.Section s = p.sections().get(i);
            if (i > 0) {
                b.ascii(',');
            }
            b.ascii('[')
                    .string(s.id())
                    .ascii(',')
                    .string(s.heading())
                    .ascii(',')
                    .string(s.text())
                    .ascii(']');
        }
        return b.ascii(PAGE_TAIL).bytes();
    }

    private static final byte[] PAGE_HEAD = "casebookSearch.p(".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAGE_TAIL = "]]);\n".getBytes(StandardCharsets.US_ASCII);

    /** Appends {@code [url, title, [[id, heading, text], …]]}. */
    static StringBuilder pageJson(StringBuilder sb, PageText p) {
        sb.append('[');
        json(sb, p.url()).append(',');
        json(sb, p.title()).append(",[");
        for (int i = 0; i < p.sections().size(); i++) {
            PageText.Section s = p.sections().get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append('[');
            json(sb, s.id()).append(',');
            json(sb, s.heading()).append(',');
            json(sb, s.text()).append(']');
        }
        return sb.append("]]");
    }

    private static byte[] bytes(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A JSON string that is also safe inside an HTML {@code <script>} and in any JavaScript source: quotes,
     * backslashes, control characters, {@code <}, {@code >}, {@code &}, U+2028 and U+2029 escaped.
     */
    static String json(String s) {
        return json(new StringBuilder(s.length() + 2), s).toString();
    }

    /** Appends {@link #json(String)} to {@code sb}, copying runs that need no escape at once. */
    static StringBuilder json(StringBuilder sb, String s) {
        sb.append('"');
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' && c != 0x2028 && c != 0x2029) {
                continue;
            }
            sb.append(s, from, i);
            from = i + 1;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.append(s, from, s.length()).append('"');
    }
}
