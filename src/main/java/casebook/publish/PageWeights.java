package casebook.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The weight of each page as a reader's browser loads it: the HTML plus every file of the site the page
 * loads with it (stylesheets, scripts, icons, images, media), each counted once per page, and the files
 * those stylesheets load in turn ({@code url()} and {@code @import}: fonts, background images) as well as
 * those of the page's own {@code <style>} elements and {@code style} attributes. A reference is a file of the
 * site when it is relative, or absolute under the site's address ({@code base_url}, also written from the
 * root as {@code /path/} or {@code //host/path}). The caller may add files a page's script loads once the
 * reader uses it (the search page's index). Links to other pages and documents (a, area) are not loaded with
 * the page and do not count; nor do files of other sites (casebook loads none). One KB is 1,000 bytes.
 */
public final class PageWeights {
    /** The default budget per page: 500 KB. */
    public static final long DEFAULT_BUDGET_KB = 500;

    /** A page's weight: the HTML's bytes, the assets' bytes and the assets it loads. */
    public record Weight(String page, long html, long assets, List<String> loads) {
        public long total() {
            return html + assets;
        }
    }

    /** Tags whose attributes make a browser fetch a file with the page. */
    private static final Set<String> TAGS = Set.of(
            "link", "script", "img", "source", "video", "audio", "track", "iframe", "embed", "object", "input", "image",
            "use");

    private static final Pattern ATTR = Pattern.compile(
            "\\b(href|src|srcset|poster|data|xlink:href)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);
    private static final Pattern REL = Pattern.compile("\\brel\\s*=\\s*[\"']([^\"']*)[\"']", Pattern.CASE_INSENSITIVE);
    /** link rel values whose href the browser loads with the page. */
    private static final Set<String> LOADED_RELS =
            Set.of("stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon");

    private PageWeights() {}

    /**
     * Every page's weight, largest first (then by path).
     *
     * @param paths every file of the site
     * @param read  a page's bytes
     * @param size  a file's size in bytes
     */
    public static List<Weight> of(Iterable<String> paths, Function<String, byte[]> read, ToLongFunction<String> size) {
        return of(paths, read, size, PageWeights::references);
    }

    /**
     * The same, with the URLs each page loads found by {@code references} (a page's path and bytes; {@code serve}
     * passes a memo of {@link #references(String, byte[])}).
     */
    public static List<Weight> of(
            Iterable<String> paths,
            Function<String, byte[]> read,
            ToLongFunction<String> size,
            BiFunction<String, byte[], List<String>> references) {
        return of(paths, read, size, references, null, p -> List.of());
    }

    /**
     * The same, for a site published at {@code baseUrl} (null when unknown: absolute URLs then leave the site),
     * with the files {@code alsoLoads} names for a page (paths of the site) counted with it.
     */
    public static List<Weight> of(
            Iterable<String> paths,
            Function<String, byte[]> read,
            ToLongFunction<String> size,
            BiFunction<String, byte[], List<String>> references,
            String baseUrl,
            Function<String, List<String>> alsoLoads) {
        Base base = Base.of(baseUrl);
        Set<String> all = new TreeSet<>();
        for (String p : paths) {
            all.add(p);
        }
        // pages in parallel (in the calling pool); a reference and a file's size are worked out once
        Map<String, String> resolved = new ConcurrentHashMap<>();
        Map<String, Long> sizes = new ConcurrentHashMap<>();
        Map<String, List<String>> cssLoads = new ConcurrentHashMap<>();
        List<Weight> out = all.parallelStream()
                .filter(p -> p.endsWith(".html"))
                .map(p -> {
                    byte[] html = read.apply(p);
                    if (html == null) {
                        return null;
                    }
                    String dir = p.substring(0, p.lastIndexOf('/') + 1);
                    Set<String> loads = new TreeSet<>();
                    List<String> refs = new ArrayList<>(references.apply(p, html));
                    refs.addAll(styleReferences(new String(html, StandardCharsets.UTF_8)));
                    for (String ref : refs) {
                        String target = resolved.computeIfAbsent(dir + "\n" + ref, k -> {
                            String t = resolve(p, ref, base);
                            return t == null ? "" : t;
                        });
                        if (!target.isEmpty() && !target.equals(p) && all.contains(target)) {
                            loads.add(target);
                        }
                    }
                    for (String extra : alsoLoads.apply(p)) {
                        if (all.contains(extra) && !extra.equals(p)) {
                            loads.add(extra);
                        }
                    }
                    // what the stylesheets load in turn (an @import'ed sheet's files too), each sheet read once
                    List<String> sheets = new ArrayList<>();
                    for (String l : loads) {
                        if (isStylesheet(l)) {
                            sheets.add(l);
                        }
                    }
                    for (int i = 0; i < sheets.size(); i++) {
                        String sheet = sheets.get(i);
                        List<String> more = cssLoads.computeIfAbsent(sheet, k -> {
                            byte[] css = read.apply(k);
                            List<String> found = new ArrayList<>();
                            if (css == null) {
                                return found;
                            }
                            for (String ref : cssReferences(new String(css, StandardCharsets.UTF_8))) {
                                String t = resolve(k, ref, base);
                                if (t != null && all.contains(t) && !t.equals(k)) {
                                    found.add(t);
                                }
                            }
                            return List.copyOf(found);
                        });
                        for (String m : more) {
                            if (!m.equals(p) && loads.add(m) && isStylesheet(m)) {
                                sheets.add(m);
                            }
                        }
                    }
                    long assets = 0;
                    for (String a : loads) {
                        assets += sizes.computeIfAbsent(a, size::applyAsLong);
                    }
                    return new Weight(p, html.length, assets, List.copyOf(loads));
                })
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(ArrayList::new));
        out.sort(Comparator.comparingLong(Weight::total).reversed().thenComparing(Weight::page));
        return out;
    }

    /** The URLs the page at {@code path} loads with itself, from its bytes. */
    public static List<String> references(String path, byte[] html) {
        return references(new String(html, StandardCharsets.UTF_8));
    }

    /** The URLs a page loads with itself. */
    static List<String> references(String html) {
        List<String> out = new ArrayList<>();
        int lt = html.indexOf('<');
        while (lt >= 0) {
            // a tag of TAGS (a name, then a word boundary) and its attributes up to the first '>'
            int j = lt + 1;
            while (j < html.length() && isWordChar(html.charAt(j))) {
                j++;
            }
            String tag = j - lt - 1 >= 3 && j - lt - 1 <= 6 && isAscii(html, lt + 1, j)
                    ? html.substring(lt + 1, j).toLowerCase(Locale.ROOT)
                    : "";
            int gt = TAGS.contains(tag) ? html.indexOf('>', j) : -1;
            if (gt < 0) {
                lt = html.indexOf('<', lt + 1);
                continue;
            }
            String attrs = html.substring(j, gt);
            lt = html.indexOf('<', gt + 1);
            if (tag.equals("link")) {
                Matcher rel = REL.matcher(attrs);
                if (!rel.find()) {
                    continue;
                }
                boolean loaded = false;
                for (String r : rel.group(1).toLowerCase(Locale.ROOT).split("\\s+")) {
                    loaded |= LOADED_RELS.contains(r);
                }
                if (!loaded) {
                    continue;
                }
            }
            Matcher a = ATTR.matcher(attrs);
            while (a.find()) {
                String name = a.group(1).toLowerCase(Locale.ROOT);
                String v = a.group(3) != null ? a.group(3) : a.group(4);
                if (tag.equals("link") && !name.equals("href")) {
                    continue;
                }
                if (name.equals("srcset")) {
                    for (String part : v.split(",")) {
                        String u = part.strip().split("\\s+")[0];
                        if (!u.isEmpty()) {
                            out.add(u);
                        }
                    }
                } else {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private static boolean isStylesheet(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".css");
    }

    private static final Pattern STYLE_ELEMENT =
            Pattern.compile("<style\\b[^>]*>(.*?)</style\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern STYLE_ATTR =
            Pattern.compile("\\sstyle\\s*=\\s*(\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern CSS_URL = Pattern.compile(
            "(?:\\burl\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\\s\"']*))\\s*\\)|@import\\s+(?:\"([^\"]*)\"|'([^']*)'))",
            Pattern.CASE_INSENSITIVE);

    /** The URLs the page's own CSS loads: its {@code <style>} elements and {@code style} attributes. */
    static List<String> styleReferences(String html) {
        List<String> out = new ArrayList<>();
        if (html.indexOf("url(") < 0 && html.indexOf("URL(") < 0 && html.indexOf("@import") < 0) {
            return out;
        }
        Matcher e = STYLE_ELEMENT.matcher(html);
        while (e.find()) {
            out.addAll(cssReferences(e.group(1)));
        }
        Matcher a = STYLE_ATTR.matcher(html);
        while (a.find()) {
            String v = a.group(2) != null ? a.group(2) : a.group(3);
            out.addAll(cssReferences(
                    v.replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")));
        }
        return out;
    }

    /** The URLs a stylesheet loads: {@code url(…)} (fonts, images) and {@code @import "…"}. */
    static List<String> cssReferences(String css) {
        List<String> out = new ArrayList<>();
        Matcher m = CSS_URL.matcher(CSS_COMMENT.matcher(css).replaceAll(""));
        while (m.find()) {
            for (int g = 1; g <= 5; g++) {
                if (m.group(g) != null) {
                    String u = m.group(g).strip();
                    if (!u.isEmpty()) {
                        out.add(u);
                    }
                    break;
                }
            }
        }
        return out;
    }

    private static boolean isAscii(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** A character of a word, as a regular expression's word boundary sees it. */
    private static boolean isWordChar(char c) {
        return c < 0x80
                ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
                : Character.isLetterOrDigit(c);
    }

    /** The site's address, taken apart to tell which absolute URLs name its files. */
    private record Base(String scheme, String host, int port, String path) {
        static Base of(String baseUrl) {
            if (baseUrl == null || baseUrl.isBlank()) {
                return null;
            }
            try {
                URI u = new URI(baseUrl.strip());
                if (u.getScheme() == null || u.getHost() == null) {
                    return null;
                }
                String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
                return new Base(
                        u.getScheme().toLowerCase(Locale.ROOT),
                        u.getHost().toLowerCase(Locale.ROOT),
                        port(u.getScheme(), u.getPort()),
                        path.endsWith("/") ? path : path + "/");
            } catch (URISyntaxException e) {
                return null;
            }
        }

        private static int port(String scheme, int port) {
            if (port >= 0) {
                return port;
            }
            return "http".equalsIgnoreCase(scheme) ? 80 : "https".equalsIgnoreCase(scheme) ? 443 : -1;
        }

        /** The part of an absolute or root-relative URL below the site's address; null when it is not under it. */
        String below(String ref) {
            String r = ref;
            if (r.startsWith("//")) {
                r = scheme + ":" + r;
            }
            if (r.startsWith("/")) {
                return r.startsWith(path) ? r.substring(path.length()) : null;
            }
            try {
                URI u = new URI(r);
                if (u.getScheme() == null
                        || u.getHost() == null
                        || !u.getScheme().equalsIgnoreCase(scheme)
                        || !u.getHost().equalsIgnoreCase(host)
                        || port(u.getScheme(), u.getPort()) != port) {
                    return null;
                }
                String p = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
                if (!p.startsWith(path)) {
                    return null;
                }
                return p.substring(path.length());
            } catch (URISyntaxException e) {
                return null;
            }
        }
    }

    /** A reference resolved against the page's path, as a path of the site; null when it leaves the site. */
    static String resolve(String page, String ref) {
        return resolve(page, ref, (Base) null);
    }

    /**
     * The same for a site published at {@code baseUrl}: an absolute URL under it (or a root-relative one under its
     * path) names the file of the site below it.
     */
    static String resolve(String page, String ref, String baseUrl) {
        return resolve(page, ref, Base.of(baseUrl));
    }

    private static String resolve(String page, String ref, Base site) {
        String r = ref.replace("&amp;", "&");
        int cut = r.indexOf('#');
        if (cut >= 0) {
            r = r.substring(0, cut);
        }
        cut = r.indexOf('?');
        if (cut >= 0) {
            r = r.substring(0, cut);
        }
        if (site != null && (r.startsWith("/") || r.contains(":"))) {
            String below = site.below(r);
            if (below == null) {
                return null;
            }
            return below.isEmpty() ? null : resolve("index.html", below, (Base) null);
        }
        if (r.isEmpty() || r.startsWith("/") || r.contains(":")) {
            return null;
        }
        try {
            URI base = new URI("s", "h", "/" + page, null);
            URI rel;
            try {
                rel = new URI(r);
            } catch (URISyntaxException e) {
                rel = new URI(null, null, r, null); // a name written unencoded (spaces, Japanese)
            }
            URI u = base.resolve(rel);
            String path = u.getPath();
            if (path == null || !path.startsWith("/") || path.contains("/../")) {
                return null;
            }
            return path.substring(1);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The report: one line per page, largest first, with the total and the budget. */
    public static String report(List<Weight> weights, long budgetKb) {
        StringBuilder s = new StringBuilder();
        s.append("# Page weight: bytes per page with the files it loads, largest first; budget ")
                .append(budgetKb)
                .append(" KB (1 KB = 1,000 bytes)\n");
        s.append("# counted: the stylesheets, scripts, icons, images and media a page's markup loads, the fonts and"
                + " images its CSS loads, and what its script loads once the reader uses it (the search index)\n");
        s.append("# total\thtml\tassets\tpage\n");
        for (Weight w : weights) {
            s.append(w.total())
                    .append('\t')
                    .append(w.html())
                    .append('\t')
                    .append(w.assets())
                    .append('\t')
                    .append(w.page())
                    .append(w.total() > budgetKb * 1000 ? "\tOVER BUDGET" : "")
                    .append('\n');
        }
        return s.toString();
    }
}
