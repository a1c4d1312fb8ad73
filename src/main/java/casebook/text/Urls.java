package casebook.text;

import java.util.Map;

/**
 * Every output path and every relative link casebook writes, in one place.
 *
 * <p>An <em>output path</em> is a file's place in the built site, from the site root, with forward slashes:
 * {@code ja/saitama/index.html}, {@code ja/index.html} (a language's top), {@code index.html} (the landing page),
 * {@code 404.html}, {@code assets/style.css}, {@code data/cases.csv}. A <em>path in a language</em> is the part
 * after the language's folder ({@code saitama/index.html}); it is also the link to that page from the language's
 * top. A <em>link</em> is relative, from one output path to another, so the site works from disk and under any
 * sub-path of a portal; only with a base URL are links absolute ({@link #absolute}).
 */
public final class Urls {
    /** The file every folder's page is written to; links point at it so that they work from disk. */
    public static final String INDEX = "index.html";

    /** The landing page at the site root, which leads to every language's top. */
    public static final String LANDING = INDEX;

    /** The page a server shows for a missing address, at the site root. */
    public static final String NOT_FOUND = "404.html";

    /** The sitemap, at the site root (written only with a base URL). */
    public static final String SITEMAP = "sitemap.xml";

    /** The folders of the pages the site makes in each language, beside the content's pages. */
    public static final String GLOSSARY = "glossary";

    public static final String SEARCH = "search";
    public static final String COMPARE = "compare";
    public static final String DATA = "data";

    /** What each of those folders holds, for messages: a page folder of the content may not take one. */
    private static final Map<String, String> GENERATED = Map.of(
            GLOSSARY, "glossary page", SEARCH, "search page", COMPARE, "comparison page", DATA, "open-data page");

    /**
     * The page the site makes in the folder a page of slug {@code slug} would go in (its first folder), such as
     * "search page" for {@code search} or {@code search/x}; null when the site makes none there.
     */
    public static String generatedPageIn(String slug) {
        int cut = slug.indexOf('/');
        return GENERATED.get(cut < 0 ? slug : slug.substring(0, cut));
    }

    private static final String ASSETS = "assets/";
    private static final String DATA_FILES = "data/";

    private Urls() {}

    /** A page's path in its language: {@code saitama/index.html}; the language's top ({@code index.html}) for "". */
    public static String inLanguage(String slug) {
        return slug.isEmpty() ? INDEX : slug + "/" + INDEX;
    }

    /** The output path of {@code pathInLanguage} in {@code lang}'s folder: {@code ja/} + {@code saitama/index.html}. */
    public static String ofLanguage(String lang, String pathInLanguage) {
        return lang + "/" + pathInLanguage;
    }

    /** A language's folder, as a link target from the site root: {@code ja/}. */
    public static String languageFolder(String lang) {
        return lang + "/";
    }

    /** The output path of the page {@code slug} in {@code lang}: {@code ja/saitama/index.html}; "" is the top. */
    public static String page(String lang, String slug) {
        return ofLanguage(lang, inLanguage(slug));
    }

    /** A language's top page: {@code ja/index.html}. */
    public static String languageTop(String lang) {
        return page(lang, "");
    }

    /** A language's glossary page: {@code ja/glossary/index.html}. */
    public static String glossary(String lang) {
        return page(lang, GLOSSARY);
    }

    /** A language's search page: {@code ja/search/index.html}. */
    public static String search(String lang) {
        return page(lang, SEARCH);
    }

    /** A file of a language's search index, beside its search page: {@code ja/search/index.js}. */
    public static String searchFile(String lang, String name) {
        return ofLanguage(lang, SEARCH + "/" + name);
    }

    /** A language's comparison page: {@code ja/compare/index.html}. */
    public static String compare(String lang) {
        return page(lang, COMPARE);
    }

    /** A language's open-data page: {@code ja/data/index.html}. */
    public static String openData(String lang) {
        return page(lang, DATA);
    }

    /** An open-data file, shared by the languages: {@code data/cases.csv}. */
    public static String dataFile(String name) {
        return DATA_FILES + name;
    }

    /** A theme asset: {@code assets/style.css}. */
    public static String asset(String name) {
        return ASSETS + name;
    }

    /** A booklet's file name in its language's folder: {@code casebook.pdf}. */
    public static String bookletFile(String name) {
        return name + ".pdf";
    }

    /** A booklet's output path: {@code ja/casebook.pdf}. */
    public static String booklet(String lang, String name) {
        return ofLanguage(lang, bookletFile(name));
    }

    /** How many folders deep an output path lies: 2 for {@code ja/saitama/index.html}, 0 for {@code 404.html}. */
    public static int depth(String path) {
        int n = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                n++;
            }
        }
        return n;
    }

    /** The link from the page at {@code from} to the site root, as a prefix: {@code ../../}, "" at the root. */
    public static String toRoot(String from) {
        return "../".repeat(depth(from));
    }

    /** The link from {@code from} to {@code to}, always up to the site root and down again: {@code ../../en/x/index.html}. */
    public static String viaRoot(String from, String to) {
        return toRoot(from) + to;
    }

    /**
     * The shortest link from the page at {@code from} to {@code to}, sharing their common folders:
     * {@code ja/saitama/index.html} to {@code ja/hasuda/index.html} is {@code ../hasuda/index.html}, to
     * {@code en/hasuda/index.html} {@code ../../en/hasuda/index.html}. A {@code to} ending in "/" is a folder and
     * gives a prefix: {@code ja/saitama/index.html} to {@code ja/} is {@code ../}, {@code ja/index.html} to
     * {@code ja/} is "".
     */
    public static String relative(String from, String to) {
        String[] f = from.split("/", -1);
        String[] t = to.split("/", -1);
        int common = 0;
        while (common < f.length - 1 && common < t.length - 1 && f[common].equals(t[common])) {
            common++;
        }
        StringBuilder out = new StringBuilder("../".repeat(f.length - 1 - common));
        for (int i = common; i < t.length; i++) {
            if (i > common) {
                out.append('/');
            }
            out.append(t[i]);
        }
        return out.toString();
    }

    /**
     * {@link #relative}, as a link an editor writes: never empty, so a link to the page's own folder is {@code ./}
     * ({@code ja/saitama/index.html} to {@code ja/saitama/}), and the rest as {@code relative} gives it.
     */
    public static String relativeLink(String from, String to) {
        String link = relative(from, to);
        return link.isEmpty() ? "./" : link;
    }

    /** A page's address as a folder, for absolute URLs: {@code ja/saitama/index.html} → {@code ja/saitama/}. */
    public static String folderOf(String path) {
        return path.endsWith(INDEX) ? path.substring(0, path.length() - INDEX.length()) : path;
    }

    /** The absolute URL of an output path under {@code baseUrl} (ending in "/"), folder pages without index.html. */
    public static String absolute(String baseUrl, String path) {
        return baseUrl + folderOf(path);
    }
}
