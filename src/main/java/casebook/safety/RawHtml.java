package casebook.safety;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
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
            return !URL_ATTRIBUTES.contains(attr.getKey().toLowerCase(Locale.ROOT))
                    || UrlPolicy.allows(attr.getValue());
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
     */
    public record Removal(int offset, String removed, String why, String url) {}

    /** One element an editor wrote, with what {@link #clean} keeps of it. */
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
        found.sort(Comparator.comparingInt(Removal::offset));
        removals.addAll(found);
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
}
