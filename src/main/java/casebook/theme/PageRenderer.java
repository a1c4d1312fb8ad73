package casebook.theme;

import casebook.diag.Diagnostics;
import casebook.diag.Severity;
import casebook.frontmatter.SiteConfig;
import casebook.frontmatter.YamlNode;
import casebook.markdown.OutlineHeading;
import casebook.site.Booklets;
import casebook.site.Glossary;
import casebook.site.Page;
import casebook.site.Site;
import casebook.site.StaleSection;
import casebook.site.StaleSections;
import casebook.text.Formats;
import casebook.text.HtmlText;
import casebook.text.Messages;
import casebook.text.Phrases;
import casebook.text.Urls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Stages 3 and 4: builds the view model of each output page and renders it with the theme's templates.
 * Templates see only these maps (never the site store), with every link already made relative to the
 * page being rendered, so the site works from disk and under any sub-path of a portal.
 */
public final class PageRenderer {
    /**
     * A page that lists the site (a language's top, the glossary, the landing page, 404, search, a page made from
     * the data): the template and the view model it is rendered with. Equal views render to equal HTML (with
     * the same templates), which {@code serve}'s memo relies on.
     */
    public record View(String template, Map<String, Object> model) {}

    private final Site site;
    private final Templates templates;
    private final Messages messages;
    private final String baseUrl;
    private final StaleSections stale;
    /** The PDF booklets as every template reads them: {@code pdf[lang].file}, {@code pdf[lang].size}. */
    private final Map<String, Object> pdf;

    /** @param booklets the PDF booklets the build made ({@link Booklets#NONE}: none), which every footer links */
    public PageRenderer(
            Site site, Templates templates, Messages messages, String baseUrl, StaleSections stale, Booklets booklets) {
        this.site = site;
        this.templates = templates;
        this.messages = messages;
        this.baseUrl = baseUrl == null || baseUrl.isEmpty() ? null : (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.stale = stale;
        this.pdf = pdfModel(booklets);
    }

    /** Each language's booklet: its file name, its size as readers see it and in bytes; empty without booklets. */
    private static Map<String, Object> pdfModel(Booklets booklets) {
        Map<String, Object> m = new LinkedHashMap<>();
        booklets.byLanguage()
                .forEach((lang, b) ->
                        m.put(lang, Map.of("file", b.file(), "size", fileSize(b.bytes()), "bytes", b.bytes())));
        return Collections.unmodifiableMap(m);
    }

    /** A file size as readers see it: "850 KB", "1.2 MB". */
    static String fileSize(long bytes) {
        if (bytes < 1_000_000) {
            return Math.max(1, Math.round(bytes / 1000.0)) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    private Map<String, Object> common(String lang, String path, String title) {
        SiteConfig c = site.config();
        String root = Urls.toRoot(path);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lang", lang);
        m.put("root", root);
        m.put("langRoot", Urls.relative(path, Urls.languageFolder(lang)));
        m.put("title", title);
        m.put("messages", messages.of(lang));
        m.put("site", siteInfo(lang));
        m.put("canonical", baseUrl == null ? "" : Urls.absolute(baseUrl, path));
        m.put("path", path);
        m.put("hasGlossary", !site.glossary().entries().isEmpty());
        m.put("footerLinks", footerLinks(lang, root));
        m.put("pdf", pdf);
        return m;
    }

    /**
     * The collection's identity in one language: title, subtitle, publisher, publication date, portal, the
     * contact and the copyright line (empty when site.yaml gives none).
     */
    private Map<String, Object> siteInfo(String lang) {
        SiteConfig c = site.config();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", c.title(lang));
        s.put("titleHtml", Phrases.text(HtmlText.escape(c.title(lang))));
        s.put("shortTitleHtml", Phrases.text(HtmlText.escape(c.shortTitle(lang))));
        s.put("subtitle", c.pick(c.subtitle(), lang));
        // the top page's line above its heading: the default language's cover line as the source prints it; in
        // a translation only the words the title does not already say ("Fiscal 2024"), so that the top of the
        // page does not give the collection's title three times (header, line, heading)
        s.put(
                "coverLine",
                lang.equals(c.defaultLanguage())
                        ? c.pick(c.subtitle(), lang)
                        : notInTitle(c.pick(c.subtitle(), lang), c.title(lang)));
        s.put("publisher", c.pick(c.publisher(), lang));
        LocalDate pub = Formats.parseDate(c.published());
        s.put("published", pub == null ? "" : Formats.month(pub, lang));
        s.put(
                "publishedIso",
                pub == null || c.published() == null ? "" : c.published().strip());
        s.put("portal", c.portal() == null ? "" : c.portal());
        s.put("contact", c.pick(c.contact(), lang));
        s.put("copyright", c.copyrightLine(lang));
        return s;
    }

    /** The start of {@code subtitle} before the longest part of it that {@code title} repeats (whole if none). */
    static String notInTitle(String subtitle, String title) {
        for (int k = 0; k < subtitle.length(); k++) {
            String rest = subtitle.substring(k).strip();
            if (rest.length() >= 10 && title.contains(rest)) {
                return subtitle.substring(0, k).strip();
            }
        }
        return subtitle;
    }

    /**
     * The footer in every language, for the pages that speak to readers of all of them (landing, 404), each with
     * its language's folder as seen from the page ({@code root}: "" at the site root, or the base URL).
     */
    private List<Map<String, Object>> footers(String root) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String lang : site.config().languages()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("lang", lang);
            f.put("langRoot", root + Urls.languageFolder(lang));
            f.put("messages", messages.of(lang));
            f.put("site", siteInfo(lang));
            out.add(f);
        }
        return out;
    }

    private List<Map<String, Object>> footerLinks(String lang, String root) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!site.glossary().entries().isEmpty()) {
            out.add(link(root + Urls.glossary(lang), message(lang, "glossary.title", "glossary")));
        }
        for (Page p : aboutPages.computeIfAbsent(lang, this::aboutPages)) {
            out.add(link(root + p.path(), p.meta().title()));
        }
        return out;
    }

    /** Pages about the site (group: about), linked from every footer; found once per language, not per page. */
    private List<Page> aboutPages(String lang) {
        List<Page> out = new ArrayList<>();
        for (String slug : site.order()) {
            Page p = site.page(lang, slug);
            if (p != null && Site.isAbout(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private final Map<String, List<Page>> aboutPages = new ConcurrentHashMap<>();

    /** The theme's UI string {@code key} in {@code lang}, or {@code fallback} when the theme has none. */
    private String message(String lang, String key, String fallback) {
        return messages.get(lang, key, fallback);
    }

    private static Map<String, Object> link(String href, String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("href", href);
        m.put("text", text);
        return m;
    }

    /**
     * The language switcher and hreflang alternates for a page that exists in {@code available} languages;
     * {@code slugPath} is its path in a language ({@link Urls#inLanguage}).
     */
    private void languages(Map<String, Object> m, String lang, String slugPath, Predicate<String> available) {
        String root = (String) m.get("root");
        List<Map<String, Object>> switcher = new ArrayList<>();
        List<Map<String, Object>> alternates = new ArrayList<>();
        for (String other : site.config().languages()) {
            boolean exists = available.test(other);
            String href = root + Urls.ofLanguage(other, slugPath);
            if (exists) {
                Map<String, Object> a =
                        link(baseUrl == null ? href : Urls.absolute(baseUrl, Urls.ofLanguage(other, slugPath)), "");
                a.put("hreflang", other);
                alternates.add(a);
            }
            // every language is listed, the page's own marked as current (aria-current), as GOV.UK does
            boolean current = other.equals(lang);
            Map<String, Object> sw = link(exists && !current ? href : "", message(other, "language.name", other));
            sw.put("lang", other);
            sw.put("current", current);
            sw.put("available", exists);
            sw.put("missing", message(lang, "language.missing." + other, "not available"));
            switcher.add(sw);
        }
        if (!alternates.isEmpty()) {
            String def = site.config().defaultLanguage();
            if (available.test(def)) {
                Map<String, Object> x = link(
                        baseUrl == null
                                ? root + Urls.ofLanguage(def, slugPath)
                                : Urls.absolute(baseUrl, Urls.ofLanguage(def, slugPath)),
                        "");
                x.put("hreflang", "x-default");
                alternates.add(x);
            }
        }
        m.put("switcher", switcher.size() > 1 ? switcher : List.of());
        m.put("alternates", alternates);
    }

    public byte[] page(Page p, Diagnostics d) {
        return render(pageModel(p), d);
    }

    public byte[] render(Map<String, Object> pageModel, Diagnostics d) {
        return templates.render("page.ftlh", pageModel, d);
    }

    /** A listing page's HTML; null after reporting. */
    public byte[] render(View view, Diagnostics d) {
        return templates.render(view.template(), view.model(), d);
    }

    /** The view model of a page; equal models render to equal HTML (serve's cache relies on it). */
    public Map<String, Object> pageModel(Page p) {
        return pageModel(p, true);
    }

    /**
     * The view model of a page but its body, which is made from the page's rendered HTML ({@code p.rendered().html()})
     * alone: with that HTML, everything the page's HTML is made of (serve's cache compares the two, and so skips
     * making the body on every rebuild).
     */
    public Map<String, Object> pageModelWithoutBody(Page p) {
        return pageModel(p, false);
    }

    private Map<String, Object> pageModel(Page p, boolean withBody) {
        Map<String, Object> m = common(p.lang(), p.path(), p.meta().title());
        String top = Urls.relative(p.path(), Urls.languageTop(p.lang()));
        languages(m, p.lang(), Urls.inLanguage(p.slug()), l -> site.page(l, p.slug()) != null);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", p.meta().title());
        page.put("titleHtml", Phrases.text(HtmlText.escape(p.meta().title())));
        page.put("label", p.meta().label() == null ? "" : p.meta().label());
        page.put(
                "description",
                description(
                        p,
                        p.meta().title()
                                + ("ja".equals(p.lang())
                                        ? "（" + site.config().title(p.lang()) + "）"
                                        : " (" + site.config().title(p.lang()) + ")")));
        page.put(
                "body",
                withBody ? Phrases.japaneseRuns(Phrases.headings(p.rendered().html())) : null);
        // the on-page contents: level-2 headings, each with its level-3 headings nested under it
        List<Map<String, Object>> toc = new ArrayList<>();
        List<Map<String, Object>> children = null;
        for (OutlineHeading h : p.rendered().headings()) {
            if (h.level() > 3) {
                continue;
            }
            Map<String, Object> e = link("#" + h.id(), h.text());
            e.put("html", Phrases.html(h.html()));
            e.put("level", h.level());
            if (h.level() == 3 && children != null) {
                children.add(e);
                continue;
            }
            children = new ArrayList<>();
            e.put("children", children);
            toc.add(e);
        }
        page.put("toc", toc);
        m.put("page", page);
        List<Map<String, Object>> crumbs = new ArrayList<>();
        crumbs.add(link(top, message(p.lang(), "nav.home", "Home")));
        String group = p.meta().group();
        if (group != null && site.config().groups().containsKey(group)) {
            crumbs.add(link(
                    top + "#group-" + group,
                    site.config().pick(site.config().groups().get(group), p.lang())));
        }
        m.put("breadcrumbs", crumbs);
        m.put("prev", neighbour(site.previous(p.lang(), p.slug()), p.path()));
        m.put("next", neighbour(site.next(p.lang(), p.slug()), p.path()));
        m.put("stale", staleModel(stale.of(p.lang(), p.slug())));
        return m;
    }

    /** The stale-section notices as the page template reads them (s.id, s.title, s.href, s.anchor). */
    private static List<Map<String, Object>> staleModel(List<StaleSection> sections) {
        List<Map<String, Object>> out = new ArrayList<>(sections.size());
        for (StaleSection s : sections) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("id", s.id());
            n.put("title", s.title());
            n.put("href", s.href());
            n.put("anchor", s.anchor());
            out.add(n);
        }
        return out;
    }

    private Map<String, Object> neighbour(Page p, String from) {
        if (p == null) {
            return null;
        }
        Map<String, Object> m = link(Urls.relative(from, p.path()), p.meta().title());
        m.put("label", p.meta().label() == null ? "" : p.meta().label());
        return m;
    }

    /**
     * A language's top page: the title block, the collection's table of contents and the links to the pages the
     * site makes from its data ({@code outputs}: href, text, relative to the language's folder).
     */
    public View home(String lang, List<Map<String, Object>> outputs) {
        return new View("home.ftlh", homeModel(lang, Urls.languageTop(lang), outputs));
    }

    /**
     * The view model of a language's top page rendered at {@code path}: at the language's own top, or at the
     * site root (the landing page). The template puts {@code langRoot} before every link into the language's
     * folder, so the same page works from either address.
     */
    private Map<String, Object> homeModel(String lang, String path, List<Map<String, Object>> outputs) {
        Page intro = site.homes().get(lang);
        Map<String, Object> m = common(lang, path, site.config().title(lang));
        languages(m, lang, Urls.inLanguage(""), l -> true);
        String langRoot = (String) m.get("langRoot");
        m.put("intro", intro == null ? "" : rebase(intro.rendered().html(), langRoot));
        m.put("contents", contents(lang));
        List<Map<String, Object>> categories = new ArrayList<>();
        for (String c : CATEGORIES) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", c);
            x.put("name", message(lang, "category." + c, c));
            categories.add(x);
        }
        m.put("categories", categories);
        m.put("missing", missingPages(lang));
        m.put("outputs", outputs);
        // every other edition, named and offered in its own language (a plain link list; the header's switch
        // says the same in the page's language)
        List<Map<String, Object>> editions = new ArrayList<>();
        for (String other : site.config().languages()) {
            if (other.equals(lang)) {
                continue;
            }
            Map<String, Object> e =
                    link(m.get("root") + Urls.languageTop(other), message(other, "landing.enter", other));
            e.put("lang", other);
            e.put("title", site.config().title(other));
            editions.add(e);
        }
        m.put("editions", editions);
        return m;
    }

    private static final Pattern RELATIVE_LINK =
            Pattern.compile("(\\s(?:href|src)=\")(?![A-Za-z][A-Za-z0-9+.-]*:|#|/)");

    /**
     * {@code html} rendered for a page in a language's folder, with its relative links and sources prefixed by
     * {@code prefix} (the way from the page actually rendered into that folder); the same HTML when it is empty.
     */
    static String rebase(String html, String prefix) {
        if (prefix.isEmpty()) {
            return html;
        }
        return RELATIVE_LINK.matcher(html).replaceAll("$1" + Matcher.quoteReplacement(prefix));
    }

    /** The collection's contents in a language, linked from its top: groups of pages, each with its main sections. */
    private List<Map<String, Object>> contents(String lang) {
        List<Map<String, Object>> groups = new ArrayList<>();
        Map<String, Object> current = null;
        for (String slug : site.order()) {
            Page p = site.page(lang, slug);
            if (p == null || "about".equals(p.meta().group())) {
                continue;
            }
            String group = p.meta().group() == null ? "" : p.meta().group();
            if (current == null || !group.equals(current.get("id"))) {
                current = new LinkedHashMap<>();
                current.put("id", group);
                current.put(
                        "title",
                        group.isEmpty()
                                ? ""
                                : site.config().pick(site.config().groups().getOrDefault(group, Map.of()), lang));
                current.put("pages", new ArrayList<Map<String, Object>>());
                groups.add(current);
            }
            Map<String, Object> e = link(Urls.inLanguage(slug), p.meta().title());
            e.put("label", p.meta().label() == null ? "" : p.meta().label());
            List<Map<String, Object>> sections = new ArrayList<>();
            for (OutlineHeading h : p.rendered().headings()) {
                if (h.level() != 2) {
                    continue;
                }
                Map<String, Object> sec = link(Urls.inLanguage(slug) + "#" + h.id(), h.text());
                sec.put("html", Phrases.html(h.html()));
                sections.add(sec);
            }
            e.put("sections", sections);
            card(p, lang, e);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> pages = (List<Map<String, Object>>) current.get("pages");
            pages.add(e);
        }
        return groups;
    }

    static final List<String> CATEGORIES = List.of("prefecture", "core-city", "general-city");

    /**
     * A case's card on the language top: its category (from data.yaml), its key-point headline (the first
     * paragraph of its :::keypoint block, from the source) and its basic figures. Pages without a known
     * category get no card; nothing here reports errors (the page's own rendering already did).
     */
    private void card(Page p, String lang, Map<String, Object> e) {
        YamlNode data = p.data();
        String category = data == null ? null : data.text("category");
        if (category == null || !CATEGORIES.contains(category)) {
            return;
        }
        Map<String, String> langMessages = messages.of(lang);
        boolean mark = !"ja".equals(lang); // as the Markdown renderer: Japanese runs on other pages get lang="ja"
        e.put("category", category);
        e.put("categoryName", langMessages.getOrDefault("category." + category, category));
        String headline = keypointHeadline(p.body(), lang);
        e.put("headline", headline == null ? "" : HtmlText.escapeMarked(headline, mark));
        List<Map<String, Object>> figures = new ArrayList<>();
        YamlNode items = data.get("basic_info");
        if (items != null && items.isList()) {
            for (YamlNode item : items.list()) {
                String key = item.text("item");
                YamlNode value = item.get("value");
                if (key == null || value == null || !(value.value() instanceof Long n)) {
                    continue;
                }
                String text = Formats.number(n);
                String unit = item.text("unit");
                if (unit != null && langMessages.containsKey("unit." + unit)) {
                    text = langMessages.get("unit." + unit).replace("{n}", text);
                }
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("label", langMessages.getOrDefault("basic." + key, key));
                f.put("value", text);
                figures.add(f);
            }
        }
        e.put("figures", figures);
    }

    /** The first paragraph inside the page's :::keypoint block, its lines joined as the renderer joins them. */
    /**
     * The page's meta description: its {@code description} front matter, else its key-point headline,
     * else its first paragraph, as plain text and cut at about 160 characters; else {@code fallback}.
     */
    static String description(Page p, String fallback) {
        if (p.meta().description() != null && !p.meta().description().isBlank()) {
            return p.meta().description().strip();
        }
        if (bodyRefused(p)) {
            return fallback; // its text is what a limit refused to read: not read here either
        }
        String text = keypointHeadline(p.body(), p.lang());
        if (text == null) {
            text = firstParagraph(p.body(), p.lang());
        }
        if (text == null) {
            text = fallback;
        }
        text = plainText(text);
        int max = "ja".equals(p.lang()) ? 120 : 160;
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        String cut = text.substring(0, text.offsetByCodePoints(0, max - 1));
        int space = cut.lastIndexOf(' ');
        if (!"ja".equals(p.lang()) && space > max / 2) {
            cut = cut.substring(0, space);
        }
        return cut.strip() + "…";
    }

    /** Whether rendering the page's body reported an error (a limit exceeded, say): its Markdown is not to be trusted. */
    static boolean bodyRefused(Page p) {
        return p.rendered() != null
                && p.rendered().diagnostics().stream().anyMatch(x -> x.severity() == Severity.ERROR);
    }

    /** The first paragraph of running text (not a heading, list, table, quote or container). */
    static String firstParagraph(String body, String lang) {
        if (body == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (String line : body.split("\n", -1)) {
            String l = line.strip();
            if (l.startsWith(":::")) {
                if (out.length() > 0) {
                    break;
                }
                depth += l.equals(":::") ? -1 : 1;
                continue;
            }
            if (depth > 0) {
                continue;
            }
            if (l.isEmpty()
                    || l.startsWith("#")
                    || l.startsWith("- ")
                    || l.startsWith("* ")
                    || l.startsWith("|")
                    || l.startsWith(">")
                    || l.startsWith(": ")
                    || l.matches("\\d+\\. .*")) {
                if (out.length() > 0) {
                    break;
                }
                continue;
            }
            if (out.length() > 0 && !"ja".equals(lang)) {
                out.append(' ');
            }
            out.append(l);
        }
        return out.length() == 0 ? null : out.toString();
    }

    /**
     * Markdown inline marks removed: links keep their text; emphasis, code marks and heading ids go. Linear in the
     * length of the text, whatever it holds (a page's first paragraph may be a hostile 100,000 {@code [}): each pass
     * looks up the next closing bracket in a table made beforehand instead of searching for it from every opening one.
     */
    static String plainText(String md) {
        return withoutHeadingIds(withoutLinkAddresses(withoutTags(md)))
                .replaceAll("\\*\\*|__|`|(?<![\\w*])\\*(?!\\s)|(?<!\\s)\\*(?![\\w*])", "")
                .replaceAll("\\s+", " ")
                .strip();
    }

    /**
     * Each {@code [text](address)} replaced by its text: from a {@code [}, the first {@code ]} after it, then a
     * {@code (} right after that and the first {@code )} after it (as the pattern
     * {@code \\[([^\\]]*)\\]\\([^)]*\\)} matches, without its search from every {@code [}).
     */
    static String withoutLinkAddresses(String s) {
        int[] closeBracket = nextIndexOf(s, ']');
        int[] closeParen = nextIndexOf(s, ')');
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '[') {
                int textEnd = closeBracket[i + 1];
                if (textEnd + 1 < s.length() && s.charAt(textEnd + 1) == '(') {
                    int end = closeParen[textEnd + 2];
                    if (end < s.length()) {
                        out.append(s, i + 1, textEnd);
                        i = end + 1;
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /**
     * Raw HTML's tags and comments removed (a description is text: the page's cleaned markup is what readers see,
     * and {@code <!--><img …>} must not reach a search engine's snippet as source) and character references decoded
     * (the template escapes the result once). From a {@code <} followed by a letter, {@code /}, {@code !} or
     * {@code ?} to the first {@code >} after it; a {@code <} followed by anything else, or with no {@code >} after it,
     * is text.
     */
    static String withoutTags(String s) {
        if (s.indexOf('<') < 0 && s.indexOf('&') < 0) {
            return s;
        }
        int[] close = nextIndexOf(s, '>');
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '<' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                int end = close[i + 1];
                if ((n == '/' || n == '!' || n == '?' || n < 0x80 && Character.isLetter(n)) && end < s.length()) {
                    out.append(' ');
                    i = end + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return Parser.unescapeEntities(out.toString(), false);
    }

    /** Each <code>{#id}</code> removed: from <code>{#</code> to the first <code>}</code> after it. */
    static String withoutHeadingIds(String s) {
        int[] closeBrace = nextIndexOf(s, '}');
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '{' && i + 1 < s.length() && s.charAt(i + 1) == '#') {
                int end = closeBrace[i + 2];
                if (end < s.length()) {
                    i = end + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** For each index {@code i} (0 to the length, inclusive), the first index at or after {@code i} of {@code c}, else the length. */
    private static int[] nextIndexOf(String s, char c) {
        int[] next = new int[s.length() + 2];
        next[s.length() + 1] = s.length();
        next[s.length()] = s.length();
        for (int i = s.length() - 1; i >= 0; i--) {
            next[i] = s.charAt(i) == c ? i : next[i + 1];
        }
        return next;
    }

    static String keypointHeadline(String body, String lang) {
        if (body == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        boolean inside = false;
        for (String line : body.split("\n", -1)) {
            String l = line.strip();
            if (!inside) {
                inside = l.equals(":::keypoint");
                continue;
            }
            if (l.isEmpty() || l.startsWith(":::") || l.startsWith("- ") || l.startsWith("* ")) {
                if (out.length() > 0 || l.startsWith(":::")) {
                    break;
                }
                continue;
            }
            if (out.length() > 0 && !"ja".equals(lang)) {
                out.append(' ');
            }
            out.append(l);
        }
        return out.length() == 0 ? null : out.toString();
    }

    /** Pages of the default language not yet translated into {@code lang}. */
    private List<Map<String, Object>> missingPages(String lang) {
        List<Map<String, Object>> out = new ArrayList<>();
        String def = site.config().defaultLanguage();
        if (lang.equals(def)) {
            return out;
        }
        for (String slug : site.order()) {
            Page original = site.page(def, slug);
            if (site.page(lang, slug) == null && original != null) {
                Map<String, Object> e = link(
                        Urls.relative(Urls.languageTop(lang), original.path()),
                        original.meta().title());
                e.put("lang", def);
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The page at the site root: the default language's top page itself, so no reader pays a click or a
     * redirect (docs/accessibility.md, "The root page"). Its links lead into the language's folder, its
     * canonical URL is the language's top, and its footer speaks to the readers of every language.
     */
    public View landing(List<Map<String, Object>> outputs) {
        String def = site.config().defaultLanguage();
        Map<String, Object> m = homeModel(def, Urls.LANDING, outputs);
        m.put("canonical", baseUrl == null ? "" : Urls.absolute(baseUrl, Urls.languageTop(def)));
        m.put("footers", footers(""));
        // the root speaks to the readers of every language, so its footer links to each language's pages
        m.put("footerLinks", everyLanguagesFooterLinks(""));
        return new View("home.ftlh", m);
    }

    /** The footer links of every language (glossary, about pages), each marked with its language. */
    private List<Map<String, Object>> everyLanguagesFooterLinks(String root) {
        List<Map<String, Object>> links = new ArrayList<>();
        for (String lang : site.config().languages()) {
            for (Map<String, Object> l : footerLinks(lang, root)) {
                l.put("lang", lang);
                links.add(l);
            }
        }
        return links;
    }

    public View notFound() {
        String def = site.config().defaultLanguage();
        Map<String, Object> m = common(def, Urls.NOT_FOUND, message(def, "notfound.title", "Not found"));
        // A server shows this page at any missing address, however deep, so relative links would break.
        // With base_url every link is absolute; without it the page carries its own CSS, keeps only the
        // links that work from the site root, and says in words how to reach the top.
        if (baseUrl != null) {
            m.put("root", baseUrl);
            m.put("langRoot", baseUrl + Urls.languageFolder(def));
        } else {
            m.put("inlineCss", stylesheet());
            m.put("inlineIcon", icon());
        }
        // Like every page's footer, it links to the glossary and the accessibility statement, in every language
        // (absolute with base_url; otherwise from the site root, as the home links are, with the same advice).
        m.put("footerLinks", everyLanguagesFooterLinks(baseUrl != null ? baseUrl : ""));
        List<Map<String, Object>> editions = new ArrayList<>();
        for (String lang : site.config().languages()) {
            Map<String, Object> e =
                    link(m.get("root") + Urls.languageTop(lang), site.config().title(lang));
            e.put("lang", lang);
            e.put("title", message(lang, "notfound.title", "Not found"));
            e.put("text", message(lang, "notfound.text", ""));
            e.put("home", message(lang, "notfound.home", ""));
            e.put("top", baseUrl != null ? "" : message(lang, "notfound.top", ""));
            e.put("nav", message(lang, "notfound.nav", e.get("home").toString()));
            editions.add(e);
        }
        m.put("editions", editions);
        m.put("switcher", List.of());
        m.put("alternates", List.of());
        m.put("footers", footers(baseUrl != null ? baseUrl : ""));
        return new View("404.ftlh", m);
    }

    /**
     * The theme's favicon as a data: URL, for the self-contained 404 page (a relative link would break below the
     * site root, and no link at all makes browsers ask the server root for /favicon.ico); empty when unreadable.
     */
    private String icon() {
        try {
            String svg = Files.readString(
                            templates.dir().resolveSibling("assets").resolve("favicon.svg"), StandardCharsets.UTF_8)
                    .strip();
            return "data:image/svg+xml;base64,"
                    + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The theme's stylesheet, for pages that cannot rely on a relative link to it; empty when unreadable. */
    private String stylesheet() {
        try {
            return Files.readString(
                            templates.dir().resolveSibling("assets").resolve("style.css"), StandardCharsets.UTF_8)
                    .replace("</", "<\\/");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * A page the site makes from its data ({@code <lang>/<slugPath>}: the comparison, the open data): the
     * common frame, the language switcher, a breadcrumb to the top page, and {@code content}, the
     * template's own model.
     */
    public View sitePage(String lang, String slugPath, String title, String template, Map<String, Object> content) {
        String path = Urls.ofLanguage(lang, slugPath);
        Map<String, Object> m = common(lang, path, title);
        languages(m, lang, slugPath, l -> true);
        m.put(
                "breadcrumbs",
                List.of(link(Urls.relative(path, Urls.languageTop(lang)), message(lang, "nav.home", "Home"))));
        m.putAll(content);
        return new View(template, m);
    }

    /** A language's search page (search.ftlh): the search form; the script and the index do the rest. */
    public View search(String lang) {
        String path = Urls.search(lang);
        Map<String, Object> m = common(lang, path, message(lang, "search.title", "Search"));
        languages(m, lang, Urls.inLanguage(Urls.SEARCH), l -> true);
        m.put(
                "breadcrumbs",
                List.of(link(Urls.relative(path, Urls.languageTop(lang)), message(lang, "nav.home", "Home"))));
        m.put("searchPage", true);
        return new View("search.ftlh", m);
    }

    public View glossary(String lang) {
        String path = Urls.glossary(lang);
        Map<String, Object> m = common(lang, path, message(lang, "glossary.title", "Glossary"));
        languages(m, lang, Urls.inLanguage(Urls.GLOSSARY), l -> true);
        List<Map<String, Object>> entries = new ArrayList<>();
        String other = site.config().languages().stream()
                .filter(l -> !l.equals(lang))
                .findFirst()
                .orElse(lang);
        // In reading order: Japanese by each term's reading (kana), English alphabetically, case aside.
        Collator order = Collator.getInstance(Locale.forLanguageTag(lang));
        order.setStrength(Collator.SECONDARY);
        List<Glossary.Entry> sorted = new ArrayList<>(site.glossary().entries());
        sorted.sort(Comparator.comparing((Glossary.Entry e) -> e.sortKey(lang), order)
                .thenComparing(Glossary.Entry::id));
        for (Glossary.Entry e : sorted) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", e.id());
            x.put("term", e.term().getOrDefault(lang, ""));
            x.put("other", e.term().getOrDefault(other, ""));
            x.put("otherLang", other);
            x.put("definition", e.definition().getOrDefault(lang, ""));
            entries.add(x);
        }
        m.put("entries", entries);
        m.put(
                "breadcrumbs",
                List.of(link(Urls.relative(path, Urls.languageTop(lang)), message(lang, "nav.home", "Home"))));
        return new View("glossary.ftlh", m);
    }
}
