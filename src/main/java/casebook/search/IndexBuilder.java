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

    /** The terms of one page: for each distinct term of each section, the term and {@code section * 4 + class}. */
    record PageTerms(String[] terms, int[] codes, int[] partStart) {}

    static PageTerms pageTerms(PageText p) {
        String[] terms = new String[256];
        int[] codes = new int[256];
        int n = 0;
        List<String> scratch = new ArrayList<>();
        // per term: {count in the body, highest class}
        Map<String, int[]> seen = new HashMap<>();
        for (int s = 0; s < p.sections().size(); s++) {
            PageText.Section sec = p.sections().get(s);
            seen.clear();
            collect(sec.heading(), Postings.HEADING, seen, scratch);
            collect(sec.strong(), Postings.STRONG, seen, scratch);
            collect(sec.text(), Postings.BODY, seen, scratch);
            if (n + seen.size() > terms.length) {
                int size = Math.max(terms.length * 2, n + seen.size());
                terms = Arrays.copyOf(terms, size);
                codes = Arrays.copyOf(codes, size);
            }
            for (Map.Entry<String, int[]> e : seen.entrySet()) {
                int[] v = e.getValue();
                int cls = v[1] > Postings.BODY ? v[1] : v[0] >= 3 ? Postings.BODY_REPEATED : Postings.BODY;
                terms[n] = e.getKey();
                codes[n++] = s * 4 + cls;
            }
        }
        // grouped by the part of the merge each term goes to, so each part reads only its own
        int[] count = new int[PARTS + 1];
        int[] part = new int[n];
        for (int i = 0; i < n; i++) {
            count[(part[i] = part(terms[i])) + 1]++;
        }
        for (int k = 0; k < PARTS; k++) {
            count[k + 1] += count[k];
        }
        String[] t = new String[n];
        int[] c = new int[n];
        int[] at = Arrays.copyOf(count, PARTS);
        for (int i = 0; i < n; i++) {
            int k = at[part[i]]++;
            t[k] = terms[i];
            c[k] = codes[i];
        }
        return new PageTerms(t, c, count);
    }

    static int part(String term) {
        return (term.hashCode() & 0x7fffffff) % PARTS;
    }

    private static void collect(String text, int cls, Map<String, int[]> seen, List<String> scratch) {
        if (text == null || text.isEmpty()) {
            return;
        }
        scratch.clear();
        for (Tokenizer.Run r : Tokenizer.runs(SearchNormalizer.normalize(text))) {
            Tokenizer.terms(r, scratch);
        }
        for (String t : scratch) {
            int[] v = seen.get(t);
            if (v == null) {
                seen.put(t, v = new int[2]);
            }
            if (cls == Postings.BODY) {
                v[0]++;
            } else {
                v[1] = Math.max(v[1], cls);
            }
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
        build(pages.size(), pages::get, bridges, (k, v) -> {
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
            int count, IntFunction<PageText> page, List<Bridge> bridges, BiConsumer<String, byte[]> out) {
        boolean split = count > SINGLE_FILE_PAGES;
        List<Map<String, Post>> parts = new ArrayList<>();
        for (int i = 0; i < PARTS; i++) {
            parts.add(new HashMap<>());
        }
        String[] inline = split ? null : new String[count];
        int sections = 0;
        int pages = 0;
        for (int from = 0; from < count; from += CHUNK) {
            int to = Math.min(count, from + CHUNK);
            PageText[] texts = new PageText[to - from];
            PageTerms[] terms = new PageTerms[to - from];
            int first = from;
            IntStream.range(0, texts.length).parallel().forEach(i -> {
                texts[i] = page.apply(first + i);
                if (texts[i] != null) {
                    terms[i] = pageTerms(texts[i]);
                }
            });
            // pages without text take no number
            int[] number = new int[texts.length];
            for (int i = 0; i < texts.length; i++) {
                number[i] = texts[i] == null ? -1 : pages++;
                if (texts[i] != null) {
                    sections += texts[i].sections().size();
                }
            }
            IntStream.range(0, PARTS + 1).parallel().forEach(part -> {
                if (part == PARTS) {
                    for (int i = 0; i < texts.length; i++) {
                        if (texts[i] == null) {
                            continue;
                        }
                        String json = pageJson(texts[i]);
                        if (split) {
                            out.accept(
                                    "p/" + number[i] + ".js",
                                    bytes("casebookSearch.p(" + number[i] + "," + json + ");\n"));
                        } else {
                            inline[number[i]] = json;
                        }
                    }
                    return;
                }
                Map<String, Post> posts = parts.get(part);
                for (int i = 0; i < terms.length; i++) {
                    PageTerms pt = terms[i];
                    if (pt == null) {
                        continue;
                    }
                    for (int k = pt.partStart[part]; k < pt.partStart[part + 1]; k++) {
                        String t = pt.terms[k];
                        Post p = posts.get(t);
                        if (p == null) {
                            posts.put(t, p = new Post());
                        }
                        p.add(number[i], pt.codes[k]);
                    }
                }
            });
        }
        Map<String, Post> lists = new HashMap<>();
        for (Map<String, Post> m : parts) {
            lists.putAll(m);
        }
        String[] terms = lists.keySet().toArray(String[]::new);
        Arrays.sort(terms);
        StringBuilder manifest = new StringBuilder("casebookSearch.i({\"v\":1,\"sections\":")
                .append(sections)
                .append(",\"pageCount\":")
                .append(pages)
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
            for (int i = 0; i < pages; i++) {
                manifest.append(i > 0 ? "," : "").append(inline[i] == null ? "" : inline[i]);
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
            IntStream.range(0, shards).parallel().forEach(i -> {
                StringBuilder sb =
                        new StringBuilder("casebookSearch.t(").append(i).append(',');
                termsJson(sb, byShard.get(i).toArray(String[]::new), lists);
                out.accept("t/" + i + ".js", bytes(sb.append(");\n")));
            });
        }
        out.accept("index.js", bytes(manifest.append("});\n")));
    }

    private static void termsJson(StringBuilder out, String[] terms, Map<String, Post> lists) {
        out.append('{');
        for (int i = 0; i < terms.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(json(terms[i])).append(":\"").append(lists.get(terms[i])).append('"');
        }
        out.append('}');
    }

    static String pageJson(PageText p) {
        StringBuilder sb = new StringBuilder("[")
                .append(json(p.url()))
                .append(',')
                .append(json(p.title()))
                .append(",[");
        for (int i = 0; i < p.sections().size(); i++) {
            PageText.Section s = p.sections().get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append('[')
                    .append(json(s.id()))
                    .append(',')
                    .append(json(s.heading()))
                    .append(',')
                    .append(json(s.text()))
                    .append(']');
        }
        return sb.append("]]").toString();
    }

    private static byte[] bytes(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A JSON string that is also safe inside an HTML {@code <script>} and in any JavaScript source: quotes,
     * backslashes, control characters, {@code <}, {@code >}, {@code &}, U+2028 and U+2029 escaped.
     */
    static String json(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
