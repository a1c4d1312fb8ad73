package casebook.security;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The check every security suite makes on what casebook publishes: each HTML file is parsed with jsoup
 * (never searched as a string) and no element, attribute or URL in it may be able to run a script or
 * send the reader elsewhere behind their back. It is written independently of casebook's own
 * {@code UrlPolicy} and safelist, so a mistake there is not repeated here.
 *
 * <p>The theme's own head is allowed what a page needs: {@code meta charset/name}, an inline stylesheet
 * that loads and runs nothing (the self-contained 404 page), radio buttons and checkboxes outside any
 * form (a CSS-only filter), its local
 * stylesheet and its one local deferred script, each with a relative (or the site's own) URL.
 */
public final class PublishedHtml {
    private PublishedHtml() {}

    /** Elements that never appear anywhere in a page. */
    static final Set<String> NEVER = Set.of(
            "base",
            "form",
            "input",
            "button",
            "textarea",
            "select",
            "iframe",
            "frame",
            "frameset",
            "object",
            "embed",
            "applet",
            "portal",
            "math",
            "animate",
            "animatemotion",
            "animatetransform",
            "set",
            "use",
            "foreignobject",
            "template",
            "noscript",
            "param");
    /**
     * The drawing elements a chart the build draws may use inside an inline {@code <svg>} (shapes and text,
     * nothing that references, animates or embeds): any other element inside an svg is a finding, and so is an
     * svg attribute outside {@link #SVG_ATTRIBUTES}.
     */
    static final Set<String> SVG_ELEMENTS = Set.of(
            "svg", "title", "desc", "g", "rect", "line", "text", "tspan", "path", "circle", "polyline", "polygon");

    static final Set<String> SVG_ATTRIBUTES = Set.of(
            "aria-labelledby",
            "aria-hidden",
            "aria-label",
            "class",
            "height",
            "id",
            "role",
            "viewbox",
            "width",
            "x",
            "y",
            "x1",
            "x2",
            "y1",
            "y2",
            "xmlns",
            "d",
            "cx",
            "cy",
            "r",
            "points",
            "text-anchor",
            "dominant-baseline",
            "focusable",
            "transform",
            "rx",
            "ry");
    /**
     * The svg elements that hold text, and what they alone may carry besides {@link #SVG_ATTRIBUTES}: the language
     * of their words ({@code <tspan lang="ja">} for a name not translated yet, so a screen reader reads it in
     * Japanese). {@code lang} is a core attribute of SVG 2 and names a language, nothing to load or run.
     */
    static final Set<String> SVG_TEXT_ELEMENTS = Set.of("text", "tspan", "title", "desc");

    static final Set<String> SVG_TEXT_ATTRIBUTES = Set.of("lang");

    /** Input types a theme may use without a form (a CSS-only filter): they send nothing anywhere. */
    static final Set<String> INERT_INPUTS = Set.of("radio", "checkbox");
    /** Attributes whose value a browser follows or loads as a URL. */
    static final Set<String> URL_ATTRIBUTES = Set.of(
            "href",
            "src",
            "action",
            "formaction",
            "xlink:href",
            "data",
            "poster",
            "background",
            "cite",
            "longdesc",
            "lowsrc",
            "dynsrc",
            "usemap",
            "codebase",
            "classid",
            "archive",
            "ping",
            "manifest",
            "icon",
            "profile");

    static final Set<String> SCHEMES = Set.of("http", "https", "mailto", "tel");
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.\\-]*):");

    /** Fails, listing every finding, when any HTML file under {@code siteDir} holds something script-capable. */
    public static void assertNothingScriptCapable(Path siteDir) {
        List<String> findings = new ArrayList<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(siteDir)) {
            for (Path p : (Iterable<Path>)
                    all.filter(f -> f.toString().endsWith(".html") && Files.isRegularFile(f))::iterator) {
                files++;
                findings.addAll(
                        findings(siteDir.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files == 0) {
            fail("no HTML file under " + siteDir + " to check");
        }
        if (!findings.isEmpty()) {
            fail("script-capable HTML published:\n" + String.join("\n", findings));
        }
    }

    /** The same check on an in-memory tree (path to bytes), e.g. what {@code check} or {@code serve} would serve. */
    public static void assertNothingScriptCapable(Map<String, byte[]> files) {
        List<String> findings = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (!f.getKey().endsWith(".html")) {
                continue;
            }
            n++;
            findings.addAll(findings(f.getKey(), new String(f.getValue(), StandardCharsets.UTF_8)));
        }
        if (n == 0) {
            fail("no HTML file to check");
        }
        if (!findings.isEmpty()) {
            fail("script-capable HTML rendered:\n" + String.join("\n", findings));
        }
    }

    /** What is wrong in one page, one line per finding (empty when nothing is). */
    public static List<String> findings(String name, String html) {
        List<String> out = new ArrayList<>();
        Document doc = Jsoup.parse(html);
        for (Element el : doc.getAllElements()) {
            String tag = el.normalName();
            String where = name + ": <" + tag + "> ";
            boolean inHead = el.parents().stream().anyMatch(p -> p.normalName().equals("head"));
            boolean inertInput = tag.equals("input")
                    && INERT_INPUTS.contains(el.attr("type").toLowerCase(Locale.ROOT))
                    && !el.hasAttr("form")
                    && !el.hasAttr("formaction");
            // a plain button outside any form does nothing without the theme's script
            boolean plainButton = tag.equals("button")
                    && el.attr("type").equals("button")
                    && el.closest("form") == null
                    && !el.hasAttr("form")
                    && !el.hasAttr("formaction");
            if (NEVER.contains(tag) && !inertInput && !plainButton && !inSearchForm(el)) {
                out.add(where + "is never allowed");
            }
            boolean inSvg = tag.equals("svg")
                    || el.parents().stream().anyMatch(p -> p.normalName().equals("svg"));
            if (inSvg) {
                if (!SVG_ELEMENTS.contains(tag)) {
                    out.add(where + "is not a drawing element allowed in an inline svg");
                }
                for (Attribute a : el.attributes()) {
                    String attribute = a.getKey().toLowerCase(Locale.ROOT);
                    if (!SVG_ATTRIBUTES.contains(attribute)
                            && !(SVG_TEXT_ELEMENTS.contains(tag) && SVG_TEXT_ATTRIBUTES.contains(attribute))) {
                        out.add(where + "has the attribute " + a.getKey() + ", not allowed in an inline svg");
                    }
                }
            }
            if (tag.equals("script")) {
                if (!inHead || !el.data().isBlank() || !isLocal(el.attr("src"))) {
                    out.add(where + "is not the theme's own local script in the head");
                }
            }
            if (tag.equals("style") && (!inHead || loadsOrRuns(el.data()))) {
                out.add(where + "is allowed only in the head, and only when it loads and runs nothing");
            }
            if (tag.equals("meta") && (el.hasAttr("http-equiv") || !inHead)) {
                out.add(where + "with http-equiv or outside the head");
            }
            if (tag.equals("link")) {
                String rel = el.attr("rel").toLowerCase(Locale.ROOT);
                if (!inHead) {
                    out.add(where + "outside the head");
                }
                boolean loads = rel.contains("stylesheet")
                        || rel.contains("import")
                        || rel.contains("preload")
                        || rel.contains("prefetch")
                        || rel.contains("icon")
                        || rel.contains("manifest");
                if (loads && !isLocal(el.attr("href")) && !isInlineIcon(el, "href", el.attr("href"), inHead)) {
                    out.add(where + "loads " + el.attr("href") + " from another site");
                }
            }
            for (Attribute a : el.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                String v = a.getValue();
                if (key.startsWith("on")) {
                    out.add(where + "has the event handler " + key);
                }
                if (key.equals("srcdoc")) {
                    out.add(where + "has srcdoc");
                }
                if (key.equals("style") && loadsOrRuns(v)) {
                    out.add(where + "has a style that loads or runs something: " + v);
                }
                if (URL_ATTRIBUTES.contains(key) || key.endsWith(":href") || key.equals("srcset")) {
                    String scheme = scheme(v);
                    if (scheme != null && !SCHEMES.contains(scheme) && !isInlineIcon(el, key, v, inHead)) {
                        out.add(where + key + "=\"" + v + "\" has the scheme " + scheme);
                    }
                    if (scheme == null && isOtherHost(v)) {
                        out.add(where + key + "=\"" + v + "\" names another host without a scheme");
                    }
                    if (("http".equals(scheme) || "https".equals(scheme)) && hasUserInfo(v)) {
                        out.add(where + key + "=\"" + v + "\" carries a user name or password before an @");
                    }
                }
            }
        }
        return out;
    }

    /**
     * A reference a browser reads as another host although it has no scheme: after dropping tabs and newlines and
     * leading spaces (as the URL parser does), it starts with two slashes or backslashes in any mix.
     */
    static boolean isOtherHost(String v) {
        String t = v.replaceAll("[\\t\\n\\r]", "").stripLeading();
        return t.length() >= 2
                && (t.charAt(0) == '/' || t.charAt(0) == '\\')
                && (t.charAt(1) == '/' || t.charAt(1) == '\\');
    }

    /**
     * Whether an http(s) URL carries a user name or password: an {@code @} in its authority, which (tabs and
     * newlines dropped, as the URL parser does) starts after the scheme's colon and any run of slashes or
     * backslashes and ends at the first slash, backslash, {@code ?} or {@code #}.
     */
    static boolean hasUserInfo(String v) {
        String t = v.replaceAll("[\\t\\n\\r]", "").strip();
        Matcher m = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:[/\\\\]*([^/\\\\?#]*)")
                .matcher(t);
        return m.find() && m.group(1).contains("@");
    }

    /**
     * The one data: URL a page may hold: the theme's SVG favicon, inlined into the head of the self-contained
     * 404 page (a relative link breaks below the site root). An icon is drawn as an image, which runs no script.
     */
    static boolean isInlineIcon(Element el, String key, String value, boolean inHead) {
        return inHead
                && el.tagName().equals("link")
                && key.equals("href")
                && el.attr("rel").toLowerCase(Locale.ROOT).equals("icon")
                && value.matches("data:image/svg\\+xml;base64,[A-Za-z0-9+/=]+");
    }

    /** CSS that can fetch or run something: url(), expression(), javascript:, @import (comments, spaces, escapes ignored). */
    static boolean loadsOrRuns(String css) {
        String c =
                css.toLowerCase(Locale.ROOT).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("[\\s\\\\]", "");
        return c.contains("url(") || c.contains("expression(") || c.contains("javascript:") || c.contains("@import");
    }

    /**
     * The scheme a browser reads in an attribute value (already entity-decoded by the parser): tab,
     * newline and carriage return removed, leading and trailing controls and spaces trimmed; to be
     * safe also without any other whitespace, control or format character. Null when there is none.
     */
    static String scheme(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int type = Character.getType(c);
            if (c <= 0x20
                    || c == 0x7f
                    || Character.isWhitespace(c)
                    || Character.isSpaceChar(c)
                    || type == Character.FORMAT
                    || type == Character.CONTROL) {
                continue;
            }
            sb.append(c);
        }
        Matcher m = SCHEME.matcher(sb.toString().toLowerCase(Locale.ROOT));
        return m.find() ? m.group(1) : null;
    }

    /** A URL with no scheme and no host of its own: the site's own file. */
    /**
     * The theme's search form: a {@code role=search} form that asks a page of the site itself with GET, holding
     * only a search or text field and a plain submit button (nothing it sends can leave the site, and no
     * field can take a password).
     */
    static boolean inSearchForm(Element el) {
        Element form = el.normalName().equals("form") ? el : el.closest("form");
        if (form == null
                || !form.attr("role").equals("search")
                || !form.attr("method").toLowerCase(Locale.ROOT).equals("get")
                || !isLocal(form.attr("action"))
                || form.hasAttr("target")) {
            return false;
        }
        return switch (el.normalName()) {
            case "form" -> true;
            case "input" ->
                Set.of("search", "text").contains(el.attr("type").toLowerCase(Locale.ROOT))
                        && !el.hasAttr("form")
                        && !el.hasAttr("formaction");
            case "button" -> el.attr("type").equals("submit") && !el.hasAttr("formaction") && !el.hasAttr("form");
            default -> false;
        };
    }

    private static boolean isLocal(String url) {
        String u = url.strip();
        return !u.isEmpty() && scheme(u) == null && !u.startsWith("//") && !u.startsWith("\\");
    }
}
