package casebook.safety;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Raw HTML an editor writes in Markdown: what of it may reach a page ({@link #SAFELIST}), the cleaning
 * (jsoup's {@link Cleaner}, never regular expressions) and, for the warnings, the list of what the
 * cleaning removes from one piece of raw HTML and where.
 *
 * <p>The safelist holds the elements a case-study page needs (text-level semantics, lists, tables,
 * figures, images, generic {@code div}/{@code span}) with {@code id}, {@code class}, {@code lang},
 * {@code title} and {@code dir}, and the few attributes those elements need; it also holds everything
 * casebook's Markdown renderer writes, because a run of Markdown holding raw HTML is cleaned whole.
 * URLs ({@code a href}, {@code img src}) must pass {@link UrlPolicy}. Nothing else passes: no
 * {@code script}, {@code style}, {@code base}, {@code meta}, {@code link}, forms, frames,
 * {@code object}/{@code embed}, SVG or MathML, no {@code on*} and no {@code style} attribute.
 */
public final class RawHtml {
    private RawHtml() {}

    /** Elements a page's raw HTML may use. */
    public static final Set<String> ELEMENTS = Set.of(
            "a",
            "abbr",
            "b",
            "bdi",
            "bdo",
            "blockquote",
            "br",
            "caption",
            "cite",
            "code",
            "col",
            "colgroup",
            "dd",
            "del",
            "dfn",
            "div",
            "dl",
            "dt",
            "em",
            "figcaption",
            "figure",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "hr",
            "i",
            "img",
            "ins",
            "kbd",
            "li",
            "mark",
            "ol",
            "p",
            "pre",
            "q",
            "rp",
            "rt",
            "ruby",
            "s",
            "samp",
            "small",
            "span",
            "strong",
            "sub",
            "sup",
            "table",
            "tbody",
            "td",
            "tfoot",
            "th",
            "thead",
            "tr",
            "u",
            "ul",
            "var",
            "wbr");
    /** Attributes every allowed element may have. */
    public static final Set<String> GLOBAL_ATTRIBUTES = Set.of("id", "class", "lang", "title", "dir");
    /** Attributes whose value is a URL the browser follows or loads; checked against {@link UrlPolicy} wherever they appear. */
    public static final Set<String> URL_ATTRIBUTES = Set.of(
            "href",
            "src",
            "xlink:href",
            "action",
            "formaction",
            "data",
            "poster",
            "background",
            "srcset",
            "ping",
            "codebase",
            "cite",
            "longdesc",
            "lowsrc",
            "dynsrc",
            "usemap",
            "manifest",
            "icon",
            "archive",
            "classid",
            "profile");

    /**
     * Attributes whose URL the browser loads by itself, without a click, on any element; they must be relative
     * ({@link UrlPolicy#loadsFromAnotherSite}). {@code href} and {@code xlink:href} load by themselves only on the
     * elements of {@link #LOADING_HREF}.
     */
    public static final Set<String> RESOURCE_ATTRIBUTES = Set.of(
            "src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc", "codebase", "archive", "imagesrcset");

    /** Elements whose {@code href} (or {@code xlink:href}) is loaded by itself: SVG pictures, stylesheets. */
    static final Set<String> LOADING_HREF = Set.of("image", "use", "feimage", "link", "script");

    /** Whether {@code tag}'s attribute {@code key} loads its URL by itself. */
    static boolean loadsByItself(String tag, String key) {
        return RESOURCE_ATTRIBUTES.contains(key)
                || (key.equals("href") || key.equals("xlink:href")) && LOADING_HREF.contains(tag);
    }

    /**
     * The URL of an attribute that loads from another site, or null: for {@code srcset}, each candidate's URL
     * (the text before its size) is looked at.
     */
    static String foreignResource(String tag, String key, String value) {
        if (!loadsByItself(tag, key)) {
            return null;
        }
        if (!key.endsWith("srcset")) {
            return UrlPolicy.loadsFromAnotherSite(value) ? value : null;
        }
        for (String candidate : value.split(",")) {
            String url = candidate.strip().split("\\s+", 2)[0];
            if (UrlPolicy.loadsFromAnotherSite(url) || !UrlPolicy.isRelative(url) && !url.isEmpty()) {
                return url;
            }
        }
        return null;
    }

    /** The safelist: the elements and attributes above, URLs decided by {@link UrlPolicy}. */
    public static final Safelist SAFELIST = new PolicySafelist();

    private static final class PolicySafelist extends Safelist {
        PolicySafelist() {
            addTags(ELEMENTS.toArray(String[]::new));
            addAttributes(":all", GLOBAL_ATTRIBUTES.toArray(String[]::new));
            addAttributes("a", "href");
            addAttributes("img", "src", "alt", "width", "height");
            addAttributes("ol", "start", "reversed", "type");
            addAttributes("li", "value");
            addAttributes("th", "align", "colspan", "rowspan", "headers", "scope", "abbr");
            addAttributes("td", "align", "colspan", "rowspan", "headers");
            addAttributes("col", "span");
            addAttributes("colgroup", "span");
            addAttributes("del", "datetime");
            addAttributes("ins", "datetime");
        }

        @Override
        public boolean isSafeAttribute(String tagName, Element el, Attribute attr) {
            if (!super.isSafeAttribute(tagName, el, attr)) {
                return false;
            }
            String key = attr.getKey().toLowerCase(Locale.ROOT);
            return (!URL_ATTRIBUTES.contains(key) || UrlPolicy.allows(attr.getValue()))
                    && foreignResource(el.normalName(), key, attr.getValue()) == null;
        }
    }

    /**
     * {@code html} (a fragment of a page body) with everything the safelist does not hold removed.
     * The text of a removed element stays, as escaped text; the content of {@code script} and
     * {@code style} goes with them; comments are dropped.
     */
    public static String clean(String html) {
        Document dirty = Jsoup.parseBodyFragment(html, "");
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /**
     * What {@link #clean} removes from one piece of raw HTML, in source order.
     *
     * @param offset    where it starts in {@code raw}
     * @param removed   what is removed, e.g. {@code <script>} or {@code onclick="steal()" from <div>}
     * @param why       why
     * @param url       for a URL the {@link UrlPolicy} refuses, the URL (the removal is an error); else null
     * @param error     whether the removal is an error rather than a warning (a resource from another site)
     */
    public record Removal(int offset, String removed, String why, String url, boolean error) {
        public Removal(int offset, String removed, String why, String url) {
            this(offset, removed, why, url, false);
        }
    }

    /**
     * One element an editor wrote, with what {@link #clean} keeps of it. An {@code img} without an {@code alt}
     * attribute is listed as its {@code alt} with a null value, at the tag.
     */
    public record Kept(String tag, String attribute, String value, int offset) {}

    /**
     * Parses one piece of raw HTML (a Markdown HTML block, or one inline tag) as the cleaner will and
     * lists what the cleaning removes, and the URL and id attributes it keeps.
     */
    public static void inspect(String raw, List<Removal> removals, List<Kept> kept) {
        Parser parser = Parser.htmlParser().setTrackPosition(true).setTrackErrors(100);
        List<Node> nodes = parser.parseFragmentInput(raw, new Element("body"), "");
        List<Removal> found = new ArrayList<>();
        for (Node top : nodes) {
            top.traverse((n, depth) -> {
                if (n instanceof Comment c) {
                    malformedComment(raw, c, found);
                }
            });
            if (!(top instanceof Element root)) {
                continue;
            }
            for (Element el : root.getAllElements()) {
                inspect(el, found, kept);
            }
        }
        // <html>, <head>, <body>, <frameset> and <frame> inside a page body are dropped by the parser itself,
        // attributes and all (<body onload=…>): no element is made, so they are found among its parse errors
        for (ParseError e : parser.getErrors()) {
            if (e.getErrorMessage().startsWith("Unexpected Doctype token")) {
                int end = Math.min(e.getPosition(), raw.length());
                int at = Math.max(0, raw.lastIndexOf('<', Math.max(0, end - 1)));
                int close = raw.indexOf('>', at);
                found.add(new Removal(
                        at,
                        close < 0 ? "<!DOCTYPE>" : raw.substring(at, close + 1).strip(),
                        "a page has one doctype, the theme's, and a doctype inside the page is ignored",
                        null));
                continue;
            }
            Matcher m = DROPPED_START_TAG.matcher(e.getErrorMessage());
            if (!m.find()) {
                continue;
            }
            String tag = m.group(1).toLowerCase(Locale.ROOT);
            int end = Math.min(e.getPosition(), raw.length());
            int at = Math.max(0, raw.lastIndexOf('<', Math.max(0, end - 1)));
            found.add(new Removal(
                    at,
                    "<" + tag + ">",
                    "a page has one " + (tag.startsWith("frame") ? "body and no frames" : tag)
                            + ", the theme's; its attributes are dropped with it",
                    null));
        }
        if (found.isEmpty() && !asParsed(nodes).equals(clean(raw))) {
            // a safety net: whatever the cleaner changes is reported, even what the checks above do not name
            found.add(new Removal(
                    0,
                    "part of this raw HTML",
                    "the cleaner changed it; compare the published page with the Markdown",
                    null));
        }
        found.sort(Comparator.comparingInt(Removal::offset));
        removals.addAll(found);
    }

    /** The HTML of parsed nodes as the cleaner would write it if it removed nothing (comments go without a word). */
    private static String asParsed(List<Node> nodes) {
        Document doc = Document.createShell("");
        doc.outputSettings().prettyPrint(false);
        for (Node n : nodes) {
            doc.body().appendChild(n.clone());
        }
        doc.body()
                .select("*")
                .forEach(e -> e.childNodes().stream()
                        .filter(c -> c instanceof Comment)
                        .toList()
                        .forEach(Node::remove));
        doc.body().childNodes().stream()
                .filter(c -> c instanceof Comment)
                .toList()
                .forEach(Node::remove);
        return doc.body().html();
    }

    /**
     * A comment that ends before its {@code -->} ({@code <!-->}, {@code <!--->}, {@code --!>}): what the editor
     * meant to be inside it is published. (A comment still open at the end is {@link #unclosed}'s.)
     */
    private static void malformedComment(String raw, Comment c, List<Removal> found) {
        Range r = c.sourceRange();
        if (!r.isTracked()) {
            return;
        }
        int start = Math.max(0, Math.min(r.startPos(), raw.length()));
        int end = Math.max(start, Math.min(r.endPos(), raw.length()));
        String src = raw.substring(start, end);
        if (!src.endsWith(">") && end >= raw.length()) {
            return;
        }
        boolean ok = src.startsWith("<!--")
                && src.endsWith("-->")
                && src.length() >= 7
                && src.substring(4, src.length() - 3).equals(c.getData())
                && !c.getData().startsWith(">")
                && !c.getData().startsWith("->");
        if (!ok) {
            found.add(new Removal(
                    start,
                    "the comment " + src.strip(),
                    "it is malformed and ends there, so what was meant to be inside it is published as it stands",
                    null));
        }
    }

    /**
     * The end tags of {@code run} (the raw HTML of a run of Markdown, one piece after another) that close nothing
     * open: the parser ignores them, so they are removed from the page. Each is a warning-level {@link Removal}
     * at its {@code <}. End tags that close an element (also one the cleaner then removes) are not listed.
     */
    public static List<Removal> strayEndTags(String run) {
        Parser parser = Parser.htmlParser().setTrackPosition(true).setTrackErrors(1000);
        List<Node> nodes = parser.parseFragmentInput(run, new Element("body"), "");
        Set<Integer> closing = new HashSet<>();
        for (Node top : nodes) {
            if (top instanceof Element root) {
                for (Element el : root.getAllElements()) {
                    Range end = el.endSourceRange();
                    if (end.isTracked() && !end.isImplicit()) {
                        closing.add(end.startPos());
                    }
                }
            }
        }
        List<Removal> found = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (ParseError e : parser.getErrors()) {
            if (!e.getErrorMessage().contains("EndTag")) {
                continue;
            }
            int end = Math.min(e.getPosition(), run.length());
            int at = run.lastIndexOf("</", Math.max(0, end - 1));
            if (at < 0 || closing.contains(at) || !seen.add(at)) {
                continue;
            }
            int close = run.indexOf('>', at);
            if (close < 0 || close >= end) {
                continue;
            }
            found.add(new Removal(
                    at,
                    run.substring(at, close + 1),
                    "it closes no element that is open here, so the browser ignores it",
                    null));
        }
        found.sort(Comparator.comparingInt(Removal::offset));
        return found;
    }

    /** The parser's message for a start tag it ignores in a page body. */
    private static final Pattern DROPPED_START_TAG = Pattern.compile(
            "Unexpected StartTag token \\[<(html|head|body|frameset|frame)\\b", Pattern.CASE_INSENSITIVE);

    private static void inspect(Element el, List<Removal> removals, List<Kept> kept) {
        String tag = el.normalName();
        Range range = el.sourceRange();
        if (!range.isTracked() || range.isImplicit()) {
            // an element the parser made up (a tbody around rows): only its attributes can be the editor's, and it has
            // none
            if (el.attributesSize() == 0) {
                return;
            }
        }
        int at = range.isTracked() ? range.startPos() : 0;
        boolean safeTag = SAFELIST.isSafeTag(tag);
        if (!safeTag) {
            removals.add(new Removal(at, "<" + tag + ">", whyElement(tag), null));
        }
        for (Attribute a : el.attributes()) {
            String key = a.getKey().toLowerCase(Locale.ROOT);
            Range.AttributeRange ar = a.sourceRange();
            int nameAt = ar.nameRange().isTracked() ? ar.nameRange().startPos() : at;
            int valueAt = ar.valueRange().isTracked() ? ar.valueRange().startPos() : nameAt;
            if (URL_ATTRIBUTES.contains(key) && !UrlPolicy.allows(a.getValue())) {
                removals.add(new Removal(
                        valueAt, key + "=\"" + a.getValue() + "\"", UrlPolicy.rule(a.getValue()), a.getValue()));
                continue;
            }
            String foreign = foreignResource(tag, key, a.getValue());
            if (foreign != null) {
                removals.add(new Removal(
                        valueAt,
                        key + "=\"" + UrlPolicy.shown(a.getValue()) + "\" from <" + tag + ">",
                        UrlPolicy.RESOURCE_RULE,
                        null,
                        true));
                continue;
            }
            if (!safeTag) {
                continue;
            } // goes with its element
            if (SAFELIST.isSafeAttribute(tag, el, a)) {
                if (key.equals("id") || key.equals("href") || key.equals("src")) {
                    kept.add(new Kept(tag, key, a.getValue(), valueAt));
                }
                continue;
            }
            removals.add(new Removal(
                    nameAt,
                    key + (a.hasDeclaredValue() ? "=\"" + UrlPolicy.shown(a.getValue()) + "\"" : "") + " from <" + tag
                            + ">",
                    whyAttribute(tag, key),
                    null));
        }
        if (safeTag && tag.equals("img") && !el.hasAttr("alt")) {
            kept.add(new Kept(tag, "alt", null, at));
        }
    }

    static String whyElement(String tag) {
        return switch (tag) {
            case "script", "noscript" -> "scripts never reach a published page";
            case "style", "link" -> "a page takes its styles from the theme only";
            case "base" -> "it would send every link of the page elsewhere";
            case "meta" -> "it could refresh or redirect the page";
            case "form",
                    "input",
                    "button",
                    "textarea",
                    "select",
                    "option",
                    "optgroup",
                    "label",
                    "fieldset",
                    "legend",
                    "datalist",
                    "output",
                    "keygen" -> "a form could send what readers type to another site";
            case "iframe", "frame", "frameset", "object", "embed", "applet", "param", "portal" ->
                "embedded content can run scripts or load another site";
            case "svg", "math", "animate", "animatemotion", "animatetransform", "set", "use", "foreignobject" ->
                "SVG and MathML can carry scripts and script links";
            default -> "it is not one of the elements raw HTML may use (see the content guide)";
        };
    }

    static String whyAttribute(String tag, String key) {
        if (key.startsWith("on")) {
            return "event handlers run scripts, and no script reaches a published page";
        }
        if (key.equals("style")) {
            return "styles come from the theme only (a style attribute can load URLs and hide text)";
        }
        if (key.equals("srcdoc")) {
            return "it holds a page of its own";
        }
        return "it is not an attribute <" + tag + "> may have in raw HTML (see the content guide)";
    }

    /** Appended to a run to see what the run leaves open: some text and a paragraph, as following Markdown. */
    private static final String TEXT_PROBE = "\u2063casebook-text-probe\u2063";

    private static final String BLOCK_PROBE = "\u2063casebook-block-probe\u2063";

    /** Table elements: allowed, but a table left open moves what follows it (foster parenting) or takes it in. */
    private static final Set<String> TABLE_PARTS =
            Set.of("table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "td", "th");

    /**
     * Something a run of raw HTML leaves open that would change how what follows it is read.
     *
     * @param offset where it starts in the run
     * @param what   what it is, e.g. {@code <style>} or {@code <!--}
     */
    public record Unclosed(int offset, String what) {}

    /** At most this many unclosed things are looked for in one run; past it the whole run is to be text. */
    static final int MAX_UNCLOSED = 16;

    /**
     * What one run of raw HTML (an HTML block, or the inline tags of one paragraph one after another) leaves
     * open that would swallow, take in or move what follows it: an element the safelist does not hold (a
     * {@code <style>}, {@code <select>}, {@code <math>}, …), a table, or an HTML comment. The run is parsed as
     * the cleaner parses it, followed by some text and a paragraph as the Markdown after it would be; the run
     * is self-contained when both come out as text and a paragraph, last, inside nothing but allowed elements
     * other than table parts. Each thing found is taken as text and the run is parsed again, so the list is
     * complete (in the order found, innermost first). Null when the run cannot be made self-contained that way
     * (more than {@link #MAX_UNCLOSED}, or an element the parser made up): the whole run is then to be text.
     */
    public static List<Unclosed> unclosed(String run) {
        List<Unclosed> found = new ArrayList<>();
        StringBuilder text = new StringBuilder(run);
        for (int i = 0; i <= MAX_UNCLOSED; i++) {
            Unclosed u = firstUnclosed(text.toString(), run.length());
            if (u == null) {
                return found;
            }
            if (i == MAX_UNCLOSED || u.offset() < 0 || text.charAt(u.offset()) != '<') {
                return null;
            }
            found.add(u);
            text.setCharAt(u.offset(), ' '); // read as text from now on, as "&lt;" is; offsets stay
        }
        return null;
    }

    private static Unclosed firstUnclosed(String run, int runLength) {
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        List<Node> nodes =
                parser.parseFragmentInput(run + TEXT_PROBE + "<p>" + BLOCK_PROBE + "</p>", new Element("body"), "");
        Element root = new Element("body");
        for (Node n : nodes) {
            root.appendChild(n);
        }
        Unclosed u = around(holder(root, TEXT_PROBE), root, runLength);
        if (u != null) {
            return u;
        }
        Node block = holder(root, BLOCK_PROBE);
        u = around(block, root, runLength);
        if (u != null) {
            return u;
        }
        Node p = block == null ? null : block.parent();
        if (!(p instanceof Element pe) || !pe.normalName().equals("p") || pe.childNodeSize() != 1) {
            return new Unclosed(-1, "raw HTML"); // the paragraph was not made: something the checks above miss
        }
        // nothing of the run may come after what follows it (a table moves what follows before itself)
        for (Node n = pe; n != null && n != root; n = n.parent()) {
            for (Node s = n.nextSibling(); s != null; s = s.nextSibling()) {
                if (s instanceof Element e) {
                    return at(e, runLength);
                }
                if (!(s instanceof TextNode t) || !t.isBlank()) {
                    return new Unclosed(-1, "raw HTML");
                }
            }
        }
        return null;
    }

    /** The node holding {@code probe}: text, data (of a raw-text element) or a comment; null if it is gone. */
    private static Node holder(Element root, String probe) {
        Node[] found = new Node[1];
        root.traverse((n, depth) -> {
            if (found[0] == null
                    && ((n instanceof TextNode t && t.getWholeText().contains(probe))
                            || (n instanceof DataNode d && d.getWholeData().contains(probe))
                            || (n instanceof Comment c && c.getData().contains(probe)))) {
                found[0] = n;
            }
        });
        return found[0];
    }

    /** What {@code holder} lies in that it should not: a comment, an element not allowed, a table part. */
    private static Unclosed around(Node holder, Element root, int runLength) {
        if (holder == null) {
            return new Unclosed(-1, "raw HTML");
        }
        if (holder instanceof Comment c) {
            return new Unclosed(c.sourceRange().isTracked() ? c.sourceRange().startPos() : -1, "<!--");
        }
        Element table = null;
        for (Element e = holder.parent() instanceof Element pe ? pe : null; e != null && e != root; e = e.parent()) {
            String tag = e.normalName();
            if (!SAFELIST.isSafeTag(tag)) {
                return at(e, runLength);
            }
            if (TABLE_PARTS.contains(tag)) {
                table = e; // the outermost
            }
        }
        return table == null ? null : at(table, runLength);
    }

    private static Unclosed at(Element e, int runLength) {
        Range r = e.sourceRange();
        boolean ok = r.isTracked() && !r.isImplicit() && r.startPos() < runLength;
        return new Unclosed(ok ? r.startPos() : -1, "<" + e.normalName() + ">");
    }

    /** The ids of the elements of an HTML fragment (a page body). */
    public static Set<String> ids(String html) {
        Set<String> ids = new HashSet<>();
        for (Element e : Jsoup.parseBodyFragment(html, "").body().select("[id]")) {
            ids.add(e.id());
        }
        return ids;
    }
}
