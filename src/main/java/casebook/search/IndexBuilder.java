package casebook.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * The split happens when the whole index would be larger than {@link #SINGLE_FILE_LIMIT}; shards then hold
 * about {@link #SHARD_TARGET} bytes each. The output depends only on the pages, in their order.
 */
public final class IndexBuilder {
    public static final int SINGLE_FILE_LIMIT = 384 * 1024;
    public static final int SHARD_TARGET = 48 * 1024;

    /** A glossary pair: a form a reader of the other language may type, and this language's term. */
    public record Bridge(String from, String to) {}

    private IndexBuilder() {}

    /** The terms of one page: for each distinct term of each section, the term and {@code section * 4 + class}. */
    record PageTerms(String[] terms, int[] codes) {}

    static PageTerms pageTerms(PageText p) {
        List<String> terms = new ArrayList<>();
        List<Integer> codes = new ArrayList<>();
        List<String> scratch = new ArrayList<>();
        for (int s = 0; s < p.sections().size(); s++) {
            PageText.Section sec = p.sections().get(s);
            // per term: {count in the body, highest class}
            Map<String, int[]> seen = new LinkedHashMap<>();
            collect(sec.heading(), Postings.HEADING, seen, scratch);
            collect(sec.strong(), Postings.STRONG, seen, scratch);
            collect(sec.text(), Postings.BODY, seen, scratch);
            for (Map.Entry<String, int[]> e : seen.entrySet()) {
                int[] v = e.getValue();
                int cls = v[1] > Postings.BODY ? v[1] : v[0] >= 3 ? Postings.BODY_REPEATED : Postings.BODY;
                terms.add(e.getKey());
                codes.add(s * 4 + cls);
            }
        }
        return new PageTerms(
                terms.toArray(String[]::new),
                codes.stream().mapToInt(Integer::intValue).toArray());
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
            int[] v = seen.computeIfAbsent(t, k -> new int[2]);
            if (cls == Postings.BODY) {
                v[0]++;
            } else {
                v[1] = Math.max(v[1], cls);
            }
        }
    }

    /** The index files of one language. */
    public static Map<String, byte[]> build(List<PageText> pages, List<Bridge> bridges) {
        PageTerms[] perPage = new PageTerms[pages.size()];
        IntStream.range(0, pages.size()).parallel().forEach(i -> perPage[i] = pageTerms(pages.get(i)));
        // term -> its posting list, pages in order
        Map<String, StringBuilder> lists = new HashMap<>();
        Map<String, Integer> lastPage = new HashMap<>();
        int sections = 0;
        for (int page = 0; page < perPage.length; page++) {
            sections += pages.get(page).sections().size();
            PageTerms pt = perPage[page];
            for (int k = 0; k < pt.terms.length; k++) {
                String term = pt.terms[k];
                StringBuilder sb = lists.get(term);
                int prev;
                if (sb == null) {
                    sb = new StringBuilder(8);
                    lists.put(term, sb);
                    prev = 0;
                } else {
                    prev = lastPage.get(term);
                }
                Postings.number(sb, page - prev);
                Postings.number(sb, pt.codes[k]);
                lastPage.put(term, page);
            }
        }
        String[] terms = lists.keySet().toArray(String[]::new);
        Arrays.sort(terms);
        long size = 0;
        for (String t : terms) {
            size += t.length() * 3L + lists.get(t).length() + 4;
        }
        String[] pj = new String[pages.size()];
        IntStream.range(0, pj.length).parallel().forEach(i -> pj[i] = pageJson(pages.get(i)));
        long pagesSize = 0;
        for (String j : pj) {
            pagesSize += j.length() * 2L;
        }
        size += pagesSize;
        Map<String, byte[]> files = new TreeMap<>();
        StringBuilder manifest = new StringBuilder("casebookSearch.i({\"v\":1,\"sections\":")
                .append(sections)
                .append(",\"pageCount\":")
                .append(pages.size())
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
        if (size <= SINGLE_FILE_LIMIT) {
            manifest.append(",\"shards\":0,\"terms\":");
            termsJson(manifest, terms, lists);
            manifest.append(",\"pages\":[");
            for (int i = 0; i < pages.size(); i++) {
                manifest.append(i > 0 ? "," : "").append(pj[i]);
            }
            manifest.append(']');
        } else {
            int shards = (int) Math.max(1, (size - pagesSize) / SHARD_TARGET + 1);
            manifest.append(",\"shards\":").append(shards);
            List<List<String>> byShard = new ArrayList<>();
            for (int i = 0; i < shards; i++) {
                byShard.add(new ArrayList<>());
            }
            for (String t : terms) {
                byShard.get(Shards.of(t, shards)).add(t);
            }
            for (int i = 0; i < shards; i++) {
                StringBuilder sb =
                        new StringBuilder("casebookSearch.t(").append(i).append(',');
                termsJson(sb, byShard.get(i).toArray(String[]::new), lists);
                files.put("t/" + i + ".js", bytes(sb.append(");\n")));
            }
            for (int i = 0; i < pages.size(); i++) {
                files.put(
                        "p/" + i + ".js",
                        bytes(new StringBuilder("casebookSearch.p(")
                                .append(i)
                                .append(',')
                                .append(pj[i])
                                .append(");\n")));
            }
        }
        files.put("index.js", bytes(manifest.append("});\n")));
        return files;
    }

    private static void termsJson(StringBuilder out, String[] terms, Map<String, StringBuilder> lists) {
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
