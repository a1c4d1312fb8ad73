package casebook.frontmatter;

import casebook.diag.Diagnostics;
import casebook.diag.Suggestions;
import casebook.safety.UrlPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.regex.Pattern;

/**
 * {@code content/site.yaml}: the collection's identity and page order. Per-language values are maps
 * keyed by language code. {@code orderLines} remembers where each slug of {@code order} was written,
 * so a duplicate or unknown slug is reported on its line.
 */
public record SiteConfig(
        Map<String, String> title,
        Map<String, String> subtitle,
        List<String> languages,
        String defaultLanguage,
        Map<String, String> publisher,
        String published,
        String portal,
        String theme,
        List<String> order,
        Map<String, Integer> orderLines,
        Map<String, Map<String, String>> groups,
        Path display,
        String baseUrl,
        Map<String, Integer> keyLines,
        long pageBudgetKb,
        String pdf,
        Map<String, String> contact,
        Map<String, String> copyright,
        Map<String, String> shortTitle) {

    static final List<String> KEYS = List.of(
            "title",
            "subtitle",
            "languages",
            "default_language",
            "defaultLanguage",
            "publisher",
            "published",
            "portal",
            "theme",
            "order",
            "groups",
            "base_url",
            "page_budget_kb",
            "pdf",
            "contact",
            "copyright",
            "short_title");

    /** The page-weight budget when site.yaml sets none: 500 KB (1 KB = 1,000 bytes) per page with its assets. */
    public static final long DEFAULT_PAGE_BUDGET_KB = 500;

    public String title(String lang) {
        return pick(title, lang);
    }

    /**
     * The collection's short name in {@code lang} ({@code short_title}), which the page header shows on a phone
     * instead of a long title; empty when site.yaml gives none (the header then wraps the whole title).
     */
    public String shortTitle(String lang) {
        if (shortTitle == null) {
            return "";
        }
        String v = shortTitle.getOrDefault(lang, shortTitle.get("*"));
        return v == null ? "" : v.strip();
    }

    /** The line a top-level key of site.yaml is written on (1 when it is not there), for diagnostics. */
    public int line(String key) {
        return keyLines.getOrDefault(key, 1);
    }

    public String pick(Map<String, String> values, String lang) {
        if (values == null || values.isEmpty()) {
            return "";
        }
        String v = values.get(lang);
        return v != null
                ? v
                : values.getOrDefault(
                        defaultLanguage, values.values().iterator().next());
    }

    public static SiteConfig from(YamlNode node, Path display, Diagnostics d) {
        KnownKeys.warnUnknown(node, KEYS, display, d, "unknown key \"%s\" in site.yaml", "", null);
        List<String> languages = new ArrayList<>();
        YamlNode langs = node.get("languages");
        if (langs != null) {
            for (YamlNode l : langs.list()) {
                String code = l.text();
                if (code == null || !LANGUAGE_CODE.matcher(code).matches()) {
                    // the code names output folders (ja/…), theme files (i18n/ja.yaml) and lang="…" attributes
                    d.error(
                            display,
                            l.line(),
                            l.column(),
                            "language code " + (code == null ? "missing" : "\"" + code + "\"")
                                    + " is not a language code: it names the language's folder, file names and"
                                    + " lang=\"…\", so it may hold only letters, digits and hyphens (BCP 47)",
                            "write a code such as ja, en or zh-Hant");
                    continue;
                }
                String two = twoLetter(code);
                if (two != null) {
                    // checked as the code meant, so one slip does not turn into a problem per page and glossary entry
                    d.error(
                            display,
                            l.line(),
                            l.column(),
                            "language code \"" + code + "\" should be the two-letter \"" + two
                                    + "\" (BCP 47: the code of lang=\"…\" and of index." + two + ".md)",
                            "write " + two + " in languages");
                    code = two;
                }
                languages.add(code);
            }
        }
        if (languages.isEmpty()) {
            languages = List.of("ja", "en");
        }
        String def = node.text("default_language");
        if (def == null) {
            def = node.text("defaultLanguage");
        }
        if (def == null) {
            def = languages.get(0);
        }
        if (!languages.contains(def)) {
            YamlNode at =
                    node.get("default_language") != null ? node.get("default_language") : node.get("defaultLanguage");
            String s = Suggestions.closest(def, languages);
            d.error(
                    display,
                    at.line(),
                    at.column(),
                    "default language \"" + def + "\" is not one of languages " + languages
                            + (s != null ? "; did you mean \"" + s + "\"?" : ""),
                    "set default_language to one of " + String.join(", ", languages));
            def = languages.get(0);
        }
        Map<String, String> title = perLanguage(node.get("title"));
        YamlNode t = node.get("title");
        if (title.values().stream().allMatch(v -> v == null || v.isBlank())) {
            d.error(
                    display,
                    t == null ? 1 : t.keyLine(),
                    1,
                    "site.yaml has no title",
                    "add the collection's title, e.g.\n" + "title:\n  ja: 取組事例集\n  en: Case Studies");
        } else if (t.isMap()) {
            for (String l : languages) {
                if (title.get(l) == null) {
                    d.warning(
                            display,
                            t.line(),
                            t.column(),
                            "title has no \"" + l + "\" entry; the " + l + " pages show the " + def + " title",
                            "add \"" + l + ": …\" under title");
                }
            }
        }
        YamlNode pub = node.get("published");
        if (pub != null && !isDate(pub.text())) {
            d.error(
                    display,
                    pub.line(),
                    pub.column(),
                    "published must be a date, not \"" + pub.text() + "\"",
                    "write the year and month, e.g. published: 2025-03 (or a day: 2025-03-31)");
        }
        // every URL of site.yaml passes the same allowlist as a page's links; a refused one is never used
        // and both must be absolute http(s) URLs with a host: an href of the whole site, not a path
        String portal = webUrl(
                node.get("portal"),
                "portal",
                "write the portal's web address, e.g. portal: https://www.example.go.jp/ (it is linked from every page)",
                display,
                d);
        String baseUrl = webUrl(
                node.get("base_url"),
                "base_url",
                "write where the site is published, e.g. base_url: https://www.example.go.jp/casebook/",
                display,
                d);
        YamlNode theme = node.get("theme");
        String themeProblem = theme == null || theme.value() == null
                ? null
                : theme.isScalar() ? themeNameProblem(theme.text()) : "must be one folder name";
        if (themeProblem != null) {
            d.error(display, theme.line(), theme.column(), "theme " + themeProblem, THEME_NAME_FIX);
        }
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : node.map().entrySet()) {
            keyLines.put(e.getKey(), e.getValue().keyLine());
        }
        // the default language comes first everywhere (Japanese first, English beside it)
        List<String> ordered = new ArrayList<>();
        ordered.add(def);
        for (String l : languages) {
            if (!l.equals(def)) {
                ordered.add(l);
            }
        }
        List<String> order = new ArrayList<>();
        Map<String, Integer> orderLines = new LinkedHashMap<>();
        YamlNode o = node.get("order");
        if (o != null) {
            for (YamlNode slug : o.list()) {
                String s = slug.text();
                if (orderLines.containsKey(s)) {
                    d.error(
                            display,
                            slug.line(),
                            slug.column(),
                            "slug \"" + s + "\" appears twice in order",
                            "remove the second \"- " + s + "\"");
                    continue;
                }
                order.add(s);
                orderLines.put(s, slug.line());
            }
        }
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        YamlNode g = node.get("groups");
        if (g != null) {
            for (Map.Entry<String, YamlNode> e : g.map().entrySet()) {
                groups.put(e.getKey(), perLanguage(e.getValue()));
            }
        }
        return new SiteConfig(
                title,
                perLanguage(node.get("subtitle")),
                List.copyOf(ordered),
                def,
                perLanguage(node.get("publisher")),
                node.text("published"),
                portal,
                node.text("theme") == null ? "default" : node.text("theme"),
                List.copyOf(order),
                orderLines,
                groups,
                display,
                baseUrl,
                keyLines,
                pageBudget(node.get("page_budget_kb"), display, d),
                pdfName(node.get("pdf"), display, d),
                perLanguage(node.get("contact")),
                perLanguage(node.get("copyright")),
                perLanguage(node.get("short_title")));
    }

    /**
     * The footer's copyright line in {@code lang}: "© " + the year of {@code published} + " " + the
     * {@code copyright} holder; empty when site.yaml names no holder (the year is left out without a date).
     */
    public String copyrightLine(String lang) {
        String holder = pick(copyright, lang);
        if (holder.isBlank()) {
            return "";
        }
        String p = published == null ? "" : published.strip();
        String year = p.length() >= 4 && p.substring(0, 4).chars().allMatch(Character::isDigit)
                ? p.substring(0, 4) + " "
                : "";
        return "\u00a9 " + year + holder.strip();
    }

    /** page_budget_kb: a positive whole number of KB; the default when absent or wrong (reported). */
    private static long pageBudget(YamlNode n, Path display, Diagnostics d) {
        if (n == null) {
            return DEFAULT_PAGE_BUDGET_KB;
        }
        if (n.value() instanceof Long v && v > 0) {
            return v;
        }
        if (n.value() instanceof Integer v && v > 0) {
            return v;
        }
        d.error(
                display,
                n.line(),
                n.column(),
                "page_budget_kb must be a positive whole number of KB, not \"" + n.text() + "\"",
                "write e.g. page_budget_kb: 500 (each page with the files it loads, 1 KB = 1,000 bytes)");
        return DEFAULT_PAGE_BUDGET_KB;
    }

    /**
     * {@code pdf: NAME} makes the PDF booklets {@code <lang>/NAME.pdf}: a plain file name (ASCII letters, digits,
     * {@code -}, {@code _}), with or without {@code .pdf}. Absent or {@code false}: no booklet unless asked ({@code --pdf},
     * which then names it {@code booklet.pdf}). Null when there is none or after reporting a bad name.
     */
    private static String pdfName(YamlNode n, Path display, Diagnostics d) {
        if (n == null || n.text() == null || n.text().equals("false")) {
            return null;
        }
        if (n.text().equals("true")) {
            return "booklet";
        }
        String name = n.text().endsWith(".pdf") ? n.text().substring(0, n.text().length() - 4) : n.text();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,99}")) {
            d.error(
                    display,
                    n.line(),
                    n.column(),
                    "pdf must be a plain file name for the PDF booklets, not \"" + n.text() + "\"",
                    "write e.g. pdf: case-studies-2025 (letters, digits, - and _), which makes ja/case-studies-2025.pdf and"
                            + " en/case-studies-2025.pdf; or remove the line for no PDF");
            return null;
        }
        return name;
    }

    /**
     * The URL under {@code key}, or null (reported) unless it is one absolute http(s) URL with a host that the URL
     * policy allows: {@code portal} and {@code base_url} are linked from, or make, every page's addresses.
     */
    private static String webUrl(YamlNode n, String key, String hint, Path display, Diagnostics d) {
        if (n == null || n.value() == null) {
            return null;
        }
        if (!n.isScalar()) {
            d.error(
                    display,
                    n.keyLine(),
                    n.keyColumn(),
                    key + " must be one web address, not a " + (n.isList() ? "list" : "map"),
                    hint);
            return null;
        }
        if (!UrlPolicy.allows(n.text())) {
            d.error(display, n.line(), n.column(), UrlPolicy.message(key, n.text()), hint);
            return null;
        }
        if (!isAbsoluteUrl(n.text())) {
            d.error(
                    display,
                    n.line(),
                    n.column(),
                    key + " must be an absolute URL (http:// or https:// and a host), not \""
                            + UrlPolicy.shown(n.text()) + "\"",
                    hint);
            return null;
        }
        if (key.equals("base_url") && hasQueryOrFragment(n.text())) {
            d.error(display, n.line(), n.column(), baseUrlWithQuery("base_url", n.text()), hint);
            return null;
        }
        return n.text();
    }

    /**
     * Whether a base URL holds a {@code ?query} or {@code #fragment}: every address of the site is the base URL with
     * a path appended, so they would end up inside the query ({@code https://x.example/?a=1/ja/page/}).
     */
    public static boolean hasQueryOrFragment(String url) {
        return url.indexOf('?') >= 0 || url.indexOf('#') >= 0;
    }

    /** The message for a base URL with a query or fragment, given as {@code what} (base_url, --base-url). */
    public static String baseUrlWithQuery(String what, String url) {
        return what + " must be the address of the site's folder, without a ?query or #fragment, not \""
                + UrlPolicy.shown(url) + "\" (every page's address is made by adding its path to it)";
    }

    /** A theme is named by its folder under the themes folder: a plain name, never a path. */
    private static final Pattern THEME_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

    public static final String THEME_NAME_FIX =
            "name a folder of the themes folder, e.g. theme: default (letters, digits, -, _ and ."
                    + " only; a theme outside the themes folder cannot be used)";

    /**
     * Why {@code name} cannot name a theme ("name \"../x\" is a path, …"), or null when it is a plain folder
     * name: ASCII letters, digits, '-', '_' and '.', not starting with '.', at most 64 characters. So no
     * '/', '\\', "..", drive letter or absolute path can lead outside the themes folder.
     */
    public static String themeNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "name is empty";
        }
        if (THEME_NAME.matcher(name).matches()) {
            return null;
        }
        if (name.contains("/") || name.contains("\\") || name.contains("..") || name.contains(":")) {
            return "\"" + name + "\" is a path; a theme is named by its folder inside the themes folder";
        }
        return "name \"" + name + "\" may hold only letters, digits, -, _ and . (not first), at most 64 characters";
    }

    /** An http(s) URL with a host: canonical links and the sitemap need the base URL whole. */
    public static boolean isAbsoluteUrl(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI u = new URI(url);
            boolean web = "https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme());
            // getHost() is null for names java.net.URI does not parse as a server (IDN, underscores): the authority is
            // there
            return web
                    && (u.getHost() != null
                            || u.getRawAuthority() != null
                                    && !u.getRawAuthority().isBlank());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The ISO 639-1 code of a three-letter ISO 639-2 code that has one ("eng" -> "en"), else null. */
    /**
     * A language code as casebook accepts it, an allowlist: a BCP 47 primary language subtag (two or three
     * lowercase letters) and optional subtags of letters and digits ({@code ja}, {@code en}, {@code zh-Hant},
     * {@code pt-BR}). Nothing else may name an output folder or a theme file.
     */
    static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    static String twoLetter(String code) {
        if (code == null || code.length() != 3) {
            return null;
        }
        for (String two : Locale.getISOLanguages()) {
            try {
                if (new Locale(two).getISO3Language().equals(code)) {
                    return two;
                }
            } catch (MissingResourceException e) {
                // no three-letter code known for this one
            }
        }
        return null;
    }

    /** YYYY-MM or YYYY-MM-DD, and a real date. */
    static boolean isDate(String s) {
        if (s == null || !s.matches("\\d{4}-\\d{2}(-\\d{2})?")) {
            return false;
        }
        try {
            LocalDate.parse(s.length() == 7 ? s + "-01" : s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** A value that is either one string for all languages or a map of language to string. */
    public static Map<String, String> perLanguage(YamlNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        if (n.isMap()) {
            for (Map.Entry<String, YamlNode> e : n.map().entrySet()) {
                out.put(e.getKey(), e.getValue().text());
            }
        } else if (n.text() != null) {
            out.put("*", n.text());
        }
        return out;
    }
}
