package casebook.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The ranking of {@code search.js} in Java, step for step, reading the index files as the browser does (only
 * the files a query needs). For unit tests of the ranking and for measuring the bytes a query loads; readers
 * use the script.
 *
 * <p>A query is normalised and cut into runs as the index was; each run gives slots: a word (the last word,
 * while it is being typed, also stands for the words it begins), each bigram of a CJK run, or a single CJK
 * character (standing for every term that begins with it). A section's score is the sum over the slots it has
 * of {@code ln(1 + sections / sections with the slot)} times the weight of the slot's class there
 * ({@link #WEIGHTS}: body 1, repeated 1.5, key point or glossary term 2.5, heading or title 4), times the cube
 * of the share of slots it has (twice that for a page's top section: its title, label and opening text); sections with less
 * than half of the slots are left out. A page scores its best
 * section plus a quarter of its next two. The pages shown are then checked against their text: each CJK run of
 * three characters or more found whole in a section's heading or text multiplies that section's score by one
 * more (a phrase beats scattered bigrams). A glossary term of the other language in the query adds a variant
 * of the query with this language's term; a section keeps its best variant's score.
 */
public final class Searcher {
    public static final double[] WEIGHTS = {1, 1.5, 2.5, 4};
    /** Expansions of a word being typed, at most. */
    public static final int PREFIX_LIMIT = 50;

    public static final int PAGE_SIZE = 10;
    /** A page's top section (its title, label and opening text) counts this many times. */
    public static final double TITLE = 2;

    private final Function<String, byte[]> files;
    private final Map<String, Object> manifest;
    private final Map<Integer, Map<String, Object>> shards = new HashMap<>();
    private final Map<Integer, List<Object>> pages = new HashMap<>();
    private final List<String[]> bridges = new ArrayList<>();
    private final Set<String> loaded = new TreeSet<>();
    private long bytes;

    /** @param files an index file's bytes by its path relative to the language's {@code search/} folder */
    @SuppressWarnings("unchecked")
    public Searcher(Function<String, byte[]> files) {
        this.files = files;
        manifest = (Map<String, Object>) load("index.js").get(0);
        for (Object b : (List<Object>) manifest.get("bridges")) {
            List<Object> pair = (List<Object>) b;
            bridges.add(new String[] {
                SearchNormalizer.normalize((String) pair.get(0)), (String) pair.get(1), (String) pair.get(0)
            });
        }
        if (number("shards") == 0) {
            shards.put(0, (Map<String, Object>) manifest.get("terms"));
            List<Object> all = (List<Object>) manifest.get("pages");
            for (int i = 0; i < all.size(); i++) {
                pages.put(i, (List<Object>) all.get(i));
            }
        }
    }

    private int number(String key) {
        return ((Long) manifest.get(key)).intValue();
    }

    private List<Object> load(String path) {
        byte[] b = files.apply(path);
        if (b == null) {
            throw new IllegalStateException("index file missing: " + path);
        }
        if (loaded.add(path)) {
            bytes += b.length;
        }
        return Json.arguments(new String(b, StandardCharsets.UTF_8));
    }

    /** Bytes of the index files loaded so far (each counted once). */
    public long bytesLoaded() {
        return bytes;
    }

    public Set<String> filesLoaded() {
        return Collections.unmodifiableSet(loaded);
    }

    public record Hit(String id, String heading, double score) {}

    public record Result(int page, String url, String title, double score, List<Hit> sections) {}

    /** What a query was searched as: the glossary notes (other-language form, this language's term). */
    public record Answer(List<Result> results, int total, List<String[]> notes) {}

    /** A query variant: its slots (each a list of index terms, or a prefix) and its phrases. */
    record Variant(List<Slot> slots, List<String> phrases) {}

    record Slot(String term, int kind) {
        static final int EXACT = 0, PREFIX = 1, CHAR = 2;
    }

    public List<Result> search(String query) {
        return answer(query, PAGE_SIZE).results();
    }

    public Answer answer(String query, int shown) {
        String norm = SearchNormalizer.normalize(query);
        boolean typing = !query.isEmpty() && " \t\n\u3000".indexOf(query.charAt(query.length() - 1)) < 0;
        List<Variant> variants = new ArrayList<>();
        List<String[]> notes = new ArrayList<>();
        variants.add(variant(norm, typing));
        for (String[] b : bridges) {
            if (variants.size() > 3) {
                break;
            }
            if (!b[0].isEmpty() && containsTerm(norm, b[0])) {
                variants.add(variant(norm.replace(b[0], SearchNormalizer.normalize(b[1])), typing));
                notes.add(new String[] {b[2], b[1]});
            }
        }
        int total = number("sections");
        // section key -> score per variant
        Map<Long, double[]> scores = new HashMap<>();
        for (int v = 0; v < variants.size(); v++) {
            Variant var = variants.get(v);
            int slots = var.slots().size();
            if (slots == 0) {
                continue;
            }
            Map<Long, double[]> acc = new HashMap<>(); // {score, matched}
            for (Slot s : var.slots()) {
                Map<Long, Integer> postings = postings(s);
                if (postings.isEmpty()) {
                    continue;
                }
                double idf = Math.log(1 + (double) total / postings.size());
                for (Map.Entry<Long, Integer> e : postings.entrySet()) {
                    double[] a = acc.computeIfAbsent(e.getKey(), k -> new double[2]);
                    a[0] += idf * WEIGHTS[e.getValue()];
                    a[1]++;
                }
            }
            for (Map.Entry<Long, double[]> e : acc.entrySet()) {
                double m = e.getValue()[1];
                if (m * 2 < slots) {
                    continue;
                }
                double cov = m / slots;
                double[] per = scores.computeIfAbsent(e.getKey(), k -> new double[variants.size()]);
                per[v] = e.getValue()[0] * cov * cov * cov * (e.getKey() % 65536 == 0 ? TITLE : 1);
            }
        }
        Map<Integer, List<long[]>> byPage = new TreeMap<>();
        for (Long key : scores.keySet()) {
            byPage.computeIfAbsent((int) (key / 65536), k -> new ArrayList<>()).add(new long[] {key});
        }
        List<Integer> order = new ArrayList<>(byPage.keySet());
        Map<Integer, Double> pageScore = new HashMap<>();
        for (int p : order) {
            pageScore.put(p, pageScore(byPage.get(p), scores, null, variants, p));
        }
        order.sort(Comparator.comparingDouble((Integer p) -> -pageScore.get(p)).thenComparingInt(p -> p));
        List<Integer> top = new ArrayList<>(order.subList(0, Math.min(shown, order.size())));
        Map<Integer, List<Hit>> hits = new HashMap<>();
        for (int p : top) {
            List<Object> page = page(p);
            List<Hit> h = new ArrayList<>();
            pageScore.put(p, pageScore(byPage.get(p), scores, page, variants, p, h));
            hits.put(p, h);
        }
        top.sort(Comparator.comparingDouble((Integer p) -> -pageScore.get(p)).thenComparingInt(p -> p));
        List<Result> results = new ArrayList<>();
        for (int p : top) {
            List<Object> page = page(p);
            results.add(new Result(p, (String) page.get(0), (String) page.get(1), pageScore.get(p), hits.get(p)));
        }
        return new Answer(results, order.size(), notes);
    }

    private double pageScore(
            List<long[]> keys, Map<Long, double[]> scores, List<Object> page, List<Variant> variants, int p) {
        return pageScore(keys, scores, page, variants, p, null);
    }

    /** The page's score from its sections' (with the page's text: after the phrase check), and its best sections. */
    @SuppressWarnings("unchecked")
    private double pageScore(
            List<long[]> keys,
            Map<Long, double[]> scores,
            List<Object> page,
            List<Variant> variants,
            int p,
            List<Hit> hits) {
        List<Object[]> secs = new ArrayList<>();
        for (long[] k : keys) {
            double[] per = scores.get(k[0]);
            int section = (int) (k[0] % 65536);
            double best = 0;
            String hay = null;
            List<Object> sec = null;
            if (page != null) {
                sec = (List<Object>) ((List<Object>) page.get(2)).get(section);
                hay = SearchNormalizer.normalize(sec.get(1) + " " + sec.get(2));
            }
            for (int v = 0; v < per.length; v++) {
                double s = per[v];
                if (s > 0 && hay != null) {
                    int found = 0;
                    for (String ph : variants.get(v).phrases()) {
                        if (hay.contains(ph)) {
                            found++;
                        }
                    }
                    s *= 1 + found;
                }
                best = Math.max(best, s);
            }
            secs.add(new Object[] {section, best, sec});
        }
        secs.sort(Comparator.comparingDouble((Object[] a) -> -(double) a[1]).thenComparingInt(a -> (int) a[0]));
        double score = 0;
        for (int i = 0; i < secs.size() && i < 3; i++) {
            Object[] s = secs.get(i);
            score += (i == 0 ? 1 : 0.25) * (double) s[1];
            if (hits != null && s[2] != null) {
                List<Object> sec = (List<Object>) s[2];
                hits.add(new Hit((String) sec.get(0), (String) sec.get(1), (double) s[1]));
            }
        }
        return score;
    }

    @SuppressWarnings("unchecked")
    private List<Object> page(int p) {
        return pages.computeIfAbsent(
                p, k -> (List<Object>) load("p/" + k + ".js").get(1));
    }

    private Variant variant(String norm, boolean typing) {
        List<Tokenizer.Run> runs = Tokenizer.runs(norm);
        List<Slot> slots = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> phrases = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Tokenizer.Run r = runs.get(i);
            boolean last = i == runs.size() - 1;
            if (!r.cjk()) {
                int kind =
                        last && typing && r.end() == norm.length() && r.text().length() >= 2 ? Slot.PREFIX : Slot.EXACT;
                if (seen.add(kind + r.text())) {
                    slots.add(new Slot(r.text(), kind));
                }
                continue;
            }
            int len = r.text().codePointCount(0, r.text().length());
            if (len >= 3) {
                phrases.add(r.text());
            }
            if (len == 1) {
                if (seen.add("c" + r.text())) {
                    slots.add(new Slot(r.text(), Slot.CHAR));
                }
                continue;
            }
            for (String t : Tokenizer.queryTerms(r)) {
                if (seen.add(Slot.EXACT + t)) {
                    slots.add(new Slot(t, Slot.EXACT));
                }
            }
        }
        return new Variant(slots, phrases);
    }

    /** Whether {@code term} occurs in {@code norm}, at word boundaries when it starts or ends with a word character. */
    static boolean containsTerm(String norm, String term) {
        int from = 0;
        while (true) {
            int at = norm.indexOf(term, from);
            if (at < 0) {
                return false;
            }
            int end = at + term.length();
            boolean startOk = at == 0 || !wordy(term.charAt(0)) || !wordy(norm.charAt(at - 1));
            boolean endOk = end == norm.length() || !wordy(term.charAt(term.length() - 1)) || !wordy(norm.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = at + 1;
        }
    }

    private static boolean wordy(char c) {
        return Tokenizer.isWordChar(c) && !Tokenizer.isCjk(c);
    }

    /** The sections a slot finds (page * 65536 + section) and the highest class of the slot's terms in each. */
    @SuppressWarnings("unchecked")
    private Map<Long, Integer> postings(Slot s) {
        int n = number("shards");
        int shard = Shards.of(s.term(), n);
        Map<String, Object> terms = shards.computeIfAbsent(
                shard, k -> (Map<String, Object>) load("t/" + k + ".js").get(1));
        List<String> keys = new ArrayList<>();
        if (s.kind() == Slot.EXACT) {
            if (terms.containsKey(s.term())) {
                keys.add(s.term());
            }
        } else {
            List<String> all = new ArrayList<>(terms.keySet());
            Collections.sort(all);
            for (String k : all) {
                boolean match = s.kind() == Slot.PREFIX
                        ? k.startsWith(s.term())
                        : k.codePointAt(0) == s.term().codePointAt(0);
                if (match) {
                    keys.add(k);
                }
                if (s.kind() == Slot.PREFIX && keys.size() >= PREFIX_LIMIT) {
                    break;
                }
            }
        }
        Map<Long, Integer> out = new LinkedHashMap<>();
        for (String k : keys) {
            int[] d = Postings.decode((String) terms.get(k));
            for (int i = 0; i < d.length; i += 3) {
                out.merge(d[i] * 65536L + d[i + 1], d[i + 2], Math::max);
            }
        }
        return out;
    }
}
