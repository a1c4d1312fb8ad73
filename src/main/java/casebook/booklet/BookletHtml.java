package casebook.booklet;

import casebook.diag.Diagnostics;
import casebook.text.Formats;
import casebook.text.Urls;
import casebook.theme.Templates;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The booklet as one HTML document: the theme's print template ({@code booklet.ftlh}) filled with the pages'
 * rendered bodies, then made whole. The pages' ids are made unique across the booklet ({@code slug--id}), every
 * link between pages, to the glossary or to the top becomes a link inside the PDF, links to published files
 * become absolute (or plain text when the site has no {@code base_url}), web links stay live, text meant only for
 * screen readers on the website goes (the PDF's tags carry the structure), and the bookmarks (one per page, one per
 * section) are added to the head, where openhtmltopdf reads them.
 */
final class BookletHtml {
    static final String TEMPLATE = "booklet.ftlh";
    static final String TOC_ID = "booklet-toc";
    static final String GLOSSARY_ID = "booklet-glossary";
    /** The booklet's own notice under a figure whose picture is not reproduced (the pages say "web edition"). */
    static final String OMITTED = "pdf.figure_omitted";
    /** The class of a run kept on one line, and the longest parenthesised run so kept (in characters). */
    static final String NOBR = "nobr";

    static final int GLUED_MAX = 20;
    /** Attributes that hold the id of another element of the same page. */
    private static final List<String> ID_REFS = List.of("aria-labelledby", "aria-describedby", "for", "headers");

    private BookletHtml() {}

    /** The filled template as a jsoup document, or null after the template reported an error. */
    static Document build(BookletSource src, Templates templates, Diagnostics d) {
        byte[] html = templates.render(TEMPLATE, model(src), d);
        if (html == null) {
            return null;
        }
        Document doc = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
        doc.outputSettings().prettyPrint(false);
        finish(doc, src);
        return doc;
    }

    static Map<String, Object> model(BookletSource src) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lang", src.lang());
        m.put("messages", src.messages());
        Map<String, String> site = new LinkedHashMap<>(src.site());
        site.put("published", src.published() == null ? "" : Formats.month(src.published(), src.lang()));
        m.put("site", site);
        m.put("intro", src.introHtml());
        m.put("tocId", TOC_ID);
        List<Map<String, Object>> chapters = new ArrayList<>();
        for (BookletSource.Chapter c : src.chapters()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", c.slug());
            x.put("label", c.label());
            x.put("title", c.title());
            x.put("body", c.html());
            List<Map<String, Object>> sections = new ArrayList<>();
            for (BookletSource.Section s : c.sections()) {
                sections.add(Map.of("id", c.slug() + "--" + s.id(), "text", s.text()));
            }
            x.put("sections", sections);
            chapters.add(x);
        }
        m.put("chapters", chapters);
        if (src.glossary() != null) {
            Map<String, Object> g = new LinkedHashMap<>(src.glossary());
            g.put("id", GLOSSARY_ID);
            List<Map<String, Object>> entries = new ArrayList<>();
            for (Object o : (List<?>) src.glossary().get("entries")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> e = new LinkedHashMap<>((Map<String, Object>) o);
                e.put("id", GLOSSARY_ID + "--" + e.get("id"));
                entries.add(e);
            }
            g.put("entries", entries);
            m.put("glossary", g);
        }
        return m;
    }

    /** Ids, links, screen-reader-only text and bookmarks, as the class comment says. */
    static void finish(Document doc, BookletSource src) {
        doc.select(".visually-hidden").remove();
        // the round-table's visible speaker names stand alone now: they are the names the PDF's text holds
        doc.select(".speaker__name[aria-hidden]").removeAttr("aria-hidden");
        // the notice under a figure speaks of the booklet, not of the web edition
        String omitted = src.messages().get(OMITTED);
        if (omitted != null && !omitted.isBlank()) {
            for (Element e : doc.select(".figure__omitted")) {
                e.text(omitted);
            }
        }
        glueParentheses(doc, src.lang());
        tagClosingRuns(doc, src.lang());
        // images are not loaded into the booklet (nothing is read from outside it): their text stands in
        for (Element img : doc.select("img")) {
            img.replaceWith(new Element("span").addClass("image-alt").text(img.attr("alt")));
        }
        Map<String, String> chapterOf = new HashMap<>();
        for (BookletSource.Chapter c : src.chapters()) {
            chapterOf.put(Urls.page(src.lang(), c.slug()), c.slug());
        }
        for (Element chapter : doc.select("section.chapter[id]")) {
            String slug = chapter.id();
            Element body = chapter.selectFirst(".chapter__body");
            if (body == null) {
                continue;
            }
            for (Element e : body.select("[id]")) {
                e.id(slug + "--" + e.id());
            }
            for (String attr : ID_REFS) {
                for (Element e : body.select("[" + attr + "]")) {
                    List<String> ids = new ArrayList<>();
                    for (String id : e.attr(attr).trim().split("\\s+")) {
                        ids.add(slug + "--" + id);
                    }
                    e.attr(attr, String.join(" ", ids));
                }
            }
            links(body, src, Urls.page(src.lang(), slug), chapterOf);
        }
        Element intro = doc.selectFirst(".intro");
        if (intro != null) {
            links(intro, src, Urls.languageTop(src.lang()), chapterOf);
        }
        bookmarks(doc, src);
    }

    /**
     * Keeps a short run of another language in parentheses ("Disease Control Division (疾病対策課)") on one line:
     * the opening parenthesis, the run and the closing one go into one {@code span.nobr} (white-space: nowrap in
     * booklet.css), so that no line ends with "(" or starts with the run's tail and ")"; a run with a bracket on
     * one side only (the start of a longer parenthesis) is glued to that bracket. The engine would otherwise
     * break where the run's element begins or ends, outside the line breaker's 禁則. Only the markup changes: the
     * text, and so what copies out of the PDF, is the same.
     */
    static void glueParentheses(Document doc, String lang) {
        for (Element run : doc.body().select("[lang]")) {
            if (run.attr("lang").equals(lang)
                    || run.text().codePointCount(0, run.text().length()) > GLUED_MAX) {
                continue;
            }
            if (!(run.previousSibling() instanceof TextNode before) || !(run.nextSibling() instanceof TextNode after)) {
                continue;
            }
            String b = before.getWholeText();
            String a = after.getWholeText();
            String open = b.endsWith("(") ? "(" : b.endsWith("（") ? "（" : null;
            String close = a.startsWith(")") ? ")" : a.startsWith("）") ? "）" : null;
            if (open == null && close == null) {
                continue;
            }
            // a run that opens a longer parenthesis ("(にも包括; the …") keeps at least its opening bracket
            Element glue = new Element("span").addClass(NOBR);
            if (open != null) {
                before.text(b.substring(0, b.length() - open.length()));
            }
            if (close != null) {
                after.text(a.substring(close.length()));
            }
            run.before(glue);
            if (open != null) {
                glue.appendText(open);
            }
            glue.appendChild(run); // moves the run into the glue
            if (close != null) {
                glue.appendText(close);
            }
        }
    }

    /** Elements the booklet sets as blocks: a run of another language that ends one is the block's last text. */
    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "li",
            "dt",
            "dd",
            "td",
            "th",
            "caption",
            "figcaption",
            "blockquote",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "section",
            "nav",
            "header",
            "footer",
            "main",
            "article",
            "aside",
            "figure",
            "body",
            "ul",
            "ol",
            "dl",
            "table",
            "tr");

    /**
     * Makes the language of a run of another language reach the PDF's tags when the run is the last text of its
     * block (a glossary entry's English term, "… (精神保健福祉センター)" ending a paragraph is not: its bracket
     * follows). openhtmltopdf 1.1.31 gives a {@code lang} element its structure element with the language
     * (/Lang) only when text follows it in the same block; a run that ends the block was tagged with the
     * surrounding language. Its content is wrapped in a span of the same language, which the engine does tag.
     * Only the markup changes, not the text.
     */
    static void tagClosingRuns(Document doc, String lang) {
        for (Element run : doc.body().select("[lang]")) {
            String other = run.attr("lang");
            if (other.isEmpty() || other.equals(lang) || BLOCKS.contains(run.normalName()) || !endsItsBlock(run)) {
                continue;
            }
            if (run.childrenSize() == 1
                    && run.childNodeSize() == 1
                    && run.child(0).attr("lang").equals(other)) {
                continue; // done already
            }
            Element inner = new Element("span").attr("lang", other);
            inner.appendChildren(new ArrayList<>(run.childNodes()));
            run.appendChild(inner);
        }
    }

    /** Whether no text follows {@code e} before the end of the block that holds it. */
    private static boolean endsItsBlock(Element e) {
        for (Element x = e; x != null && !BLOCKS.contains(x.normalName()); x = x.parent()) {
            for (Node n = x.nextSibling(); n != null; n = n.nextSibling()) {
                if (n instanceof TextNode t && !t.isBlank()) {
                    return false;
                }
                if (n instanceof Element el && !el.text().isBlank()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Rewrites the links of a part of the booklet that the website shows at {@code pagePath}. */
    private static void links(Element part, BookletSource src, String pagePath, Map<String, String> chapterOf) {
        for (Element a : part.select("a[href]")) {
            String href = a.attr("href");
            String target = inside(href, pagePath, src, chapterOf);
            if (target != null) {
                a.attr("href", target);
            } else if (!external(href)) {
                String absolute = src.baseUrl() == null ? null : resolve(src.baseUrl() + pagePath, href);
                if (absolute != null) {
                    a.attr("href", absolute);
                } else {
                    a.unwrap();
                }
            }
        }
    }

    /** The booklet's own anchor for {@code href} seen from {@code pagePath}, or null when it is not in the booklet. */
    private static String inside(String href, String pagePath, BookletSource src, Map<String, String> chapterOf) {
        if (external(href)) {
            return null;
        }
        String resolved = resolve("site:/" + pagePath, href);
        if (resolved == null || !resolved.startsWith("site:/")) {
            return null;
        }
        String path = resolved.substring("site:/".length());
        String fragment = null;
        int hash = path.indexOf('#');
        if (hash >= 0) {
            fragment = path.substring(hash + 1);
            path = path.substring(0, hash);
        }
        if (path.isEmpty()) {
            path = pagePath;
        }
        String slug = chapterOf.get(path);
        if (slug != null) {
            return "#" + (fragment == null || fragment.isEmpty() ? slug : slug + "--" + fragment);
        }
        if (src.glossary() != null && path.equals(Urls.glossary(src.lang()))) {
            return "#" + (fragment == null || fragment.isEmpty() ? GLOSSARY_ID : GLOSSARY_ID + "--" + fragment);
        }
        if (path.equals(Urls.languageTop(src.lang()))) {
            return "#" + TOC_ID;
        }
        return null;
    }

    private static boolean external(String href) {
        String h = href.toLowerCase(Locale.ROOT);
        return h.startsWith("http:") || h.startsWith("https:") || h.startsWith("mailto:") || h.startsWith("tel:");
    }

    private static String resolve(String base, String href) {
        int hash = href.indexOf('#');
        String path = hash < 0 ? href : href.substring(0, hash);
        try {
            String r =
                    path.isEmpty() ? base : new URI(base).resolve(new URI(path)).toString();
            return r + (hash < 0 ? "" : href.substring(hash));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** openhtmltopdf's outline: one bookmark for the contents, one per page with one per section, one for the glossary. */
    private static void bookmarks(Document doc, BookletSource src) {
        Element marks = doc.head().appendElement("bookmarks");
        Set<String> ids = new HashSet<>();
        for (Element e : doc.select("[id]")) {
            ids.add(e.id());
        }
        if (ids.contains(TOC_ID)) {
            mark(marks, src.messages().getOrDefault("home.contents", "Contents"), TOC_ID);
        }
        for (BookletSource.Chapter c : src.chapters()) {
            if (!ids.contains(c.slug())) {
                continue;
            }
            Element page = mark(marks, c.label().isEmpty() ? c.title() : c.label() + " " + c.title(), c.slug());
            for (BookletSource.Section s : c.sections()) {
                if (ids.contains(c.slug() + "--" + s.id())) {
                    mark(page, s.text(), c.slug() + "--" + s.id());
                }
            }
        }
        if (src.glossary() != null && ids.contains(GLOSSARY_ID)) {
            mark(marks, String.valueOf(src.glossary().get("title")), GLOSSARY_ID);
        }
    }

    private static Element mark(Element parent, String name, String id) {
        return parent.appendElement("bookmark").attr("name", name).attr("href", "#" + id);
    }
}
