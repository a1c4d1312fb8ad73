package casebook.search;

import casebook.text.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * Takes a rendered page's searchable text, section by section, in one pass ({@code Scanner}; entities decoded
 * by jsoup). Only the page's {@code <main>} is read (header, navigation and footer are the same on every page). Inside it, the article body is read (the
 * whole article when there is none, as on the glossary): a heading {@code h2}–{@code h4} or a glossary
 * {@code dt} with an id starts a section; text inside a key-point box ({@code .keypoint}) or a glossary term
 * link ({@code a.term}) weighs more. Left out: the page's contents list and other navigation, scripts, the
 * key-point box's list of categories (the same on every case), the note that a figure is not reproduced,
 * and anything {@code aria-hidden}.
 */
public final class TextExtractor {
    private TextExtractor() {}

    private static final Set<String> SECTION_TAGS = Set.of("h2", "h3", "h4", "dt");
    private static final Set<String> SKIP_TAGS = Set.of("nav", "script", "style", "template", "button", "form", "svg");
    private static final Set<String> SKIP_CLASSES =
            Set.of("keypoint__categories", "figure__omitted", "page-toc", "stale-notice", "back-to-top", "pager");

    /** The page's text, or null when it has no {@code <main>}. */
    public static PageText extract(byte[] html, String url) {
        // only <main> is read: decode just that part (the markers are ASCII, so UTF-8 bytes hold them as they are)
        int open = Bytes.indexOf(html, MAIN_OPEN, 0);
        int close = Bytes.lastIndexOf(html, MAIN_CLOSE);
        if (open < 0 || close < open) {
            return null;
        }
        return extract(new String(html, open, close + MAIN_CLOSE.length - open, StandardCharsets.UTF_8), url);
    }

    private static final byte[] MAIN_OPEN = "<main".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAIN_CLOSE = "</main>".getBytes(StandardCharsets.US_ASCII);

    public static PageText extract(String html, String url) {
        int open = html.indexOf("<main");
        int close = html.lastIndexOf("</main>");
        if (open < 0 || close < open) {
            return null;
        }
        return new Scanner(html, open, close + 7, url).run();
    }

    private static final Set<String> VOID = Set.of(
            "br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "area", "track", "embed", "base",
            "param");
    private static final Set<String> BLOCK = Set.of(
            "p",
            "div",
            "section",
            "article",
            "ul",
            "ol",
            "li",
            "table",
            "tr",
            "td",
            "th",
            "thead",
            "tbody",
            "tfoot",
            "caption",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "dl",
            "dt",
            "dd",
            "blockquote",
            "figure",
            "figcaption",
            "header",
            "footer",
            "aside",
            "details",
            "summary",
            "pre",
            "hr",
            "br",
            "nav",
            "main",
            "address");

    private static final int K_SECTION = 1, K_SKIP = 2, K_VOID = 4, K_BLOCK = 8;
    /** What the sets above say of each element name, in one look-up per tag. */
    private static final Map<String, Integer> KINDS = new HashMap<>();

    static {
        for (String n : SECTION_TAGS) {
            KINDS.merge(n, K_SECTION, (a, b) -> a | b);
        }
        for (String n : SKIP_TAGS) {
            KINDS.merge(n, K_SKIP, (a, b) -> a | b);
        }
        for (String n : VOID) {
            KINDS.merge(n, K_VOID, (a, b) -> a | b);
        }
        for (String n : BLOCK) {
            KINDS.merge(n, K_BLOCK, (a, b) -> a | b);
        }
    }

    private static int kind(String name) {
        Integer k = KINDS.get(name);
        return k == null ? 0 : k;
    }

    /**
     * One pass over the HTML of {@code <main>} as casebook writes it (well-formed: every page body went through
     * the renderer or jsoup's cleaner), with a stack of open elements. jsoup would build a tree first; at 20,000
     * pages the pass costs a fraction of that, and the result is the same ({@code TextExtractorTest}).
     */
    private static final class Scanner {
        private final String h;
        private final int end;
        private final String url;
        private int i;
        /** Per open element: its name and flags. */
        private final ArrayDeque<Object[]> stack = new ArrayDeque<>();

        private static final int SKIP = 1, EM = 2, ROOT = 4, HEADING = 8, TITLE = 16, LABEL = 32;
        private final String rootClass;
        private final String rootTag;
        private Walker w;
        private StringBuilder capture;
        private String title = "";
        private String label = "";
        /** The next {@code &} in {@code h} at or after the text last looked at (none: the largest int). */
        private int amp = -1;

        Scanner(String h, int from, int end, String url) {
            this.h = h;
            this.i = from;
            this.end = end;
            this.url = url;
            String inside = h.substring(from, end);
            rootClass = inside.contains("article__body") ? "article__body" : null;
            rootTag = rootClass != null ? null : inside.contains("<article") ? "article" : "main";
        }

        private int flags() {
            return stack.isEmpty() ? 0 : (int) stack.peek()[1];
        }

        PageText run() {
            while (i < end) {
                int lt = h.indexOf('<', i);
                if (lt < 0 || lt > end) {
                    lt = end;
                }
                if (lt > i) {
                    text(i, lt);
                }
                if (lt >= end) {
                    break;
                }
                if (lt + 1 < end && h.charAt(lt + 1) == '!' && h.startsWith("<!--", lt)) {
                    int c = h.indexOf("-->", lt + 4);
                    i = c < 0 ? end : c + 3;
                    continue;
                }
                int gt = h.indexOf('>', lt);
                if (gt < 0) {
                    break;
                }
                i = gt + 1;
                char first = lt + 1 < gt ? h.charAt(lt + 1) : 0;
                if (first == '/') {
                    close(h.substring(lt + 2, gt).strip().toLowerCase(Locale.ROOT));
                } else if (first != '!') {
                    open(h.substring(lt + 1, gt));
                }
            }
            if (w == null) {
                w = new Walker(title, label);
            }
            return new PageText(url, title, w.done());
        }

        private void open(String tag) {
            boolean selfClosing = tag.endsWith("/");
            int sp = 0;
            while (sp < tag.length() && !Character.isWhitespace(tag.charAt(sp)) && tag.charAt(sp) != '/') {
                sp++;
            }
            String name = tag.substring(0, sp).toLowerCase(Locale.ROOT);
            String attrs = tag.substring(sp);
            String cls = attrs.isEmpty() ? null : attr(attrs, "class");
            String id = attrs.isEmpty() ? null : attr(attrs, "id");
            int kind = kind(name);
            int f = flags() & (SKIP | EM | ROOT | HEADING | TITLE | LABEL);
            boolean inRoot = (f & ROOT) != 0;
            if (!inRoot && (rootClass != null ? cls != null && hasClass(cls, rootClass) : name.equals(rootTag))) {
                f |= ROOT;
                if (w == null) {
                    w = new Walker(title, label);
                }
            } else if ((f & ROOT) != 0 && (f & (SKIP | HEADING)) == 0) {
                boolean skip = (kind & K_SKIP) != 0 || !attrs.isEmpty() && "true".equals(attr(attrs, "aria-hidden"));
                if (!skip && cls != null) {
                    for (String k : SKIP_CLASSES) {
                        if (hasClass(cls, k)) {
                            skip = true;
                        }
                    }
                }
                if (skip) {
                    f |= SKIP;
                } else if ((kind & K_SECTION) != 0 && id != null && !id.isEmpty()) {
                    f |= HEADING;
                    w.flushTo(decode(id));
                    capture = new StringBuilder();
                } else {
                    if ((kind & K_BLOCK) != 0) {
                        w.space();
                    }
                    boolean em = (f & EM) == 0
                            && cls != null
                            && (hasClass(cls, "keypoint") || name.equals("a") && hasClass(cls, "term"));
                    if (em) {
                        f |= EM;
                        w.strongSpace();
                    }
                }
            }
            if (title.isEmpty() && name.equals("h1") && capture == null) {
                f |= TITLE;
                capture = new StringBuilder();
            } else if (label.isEmpty() && cls != null && hasClass(cls, "article__label") && capture == null) {
                f |= LABEL;
                capture = new StringBuilder();
            }
            if ((kind & K_VOID) != 0 || selfClosing) {
                if ((f & ROOT) != 0 && (f & (SKIP | HEADING)) == 0 && (kind & K_BLOCK) != 0 && w != null) {
                    w.space();
                }
                if ((f & HEADING) != 0 && capture != null && "br".equals(name)) {
                    capture.append(' ');
                }
                return;
            }
            stack.push(new Object[] {name, f});
        }

        private void close(String name) {
            while (!stack.isEmpty()) {
                Object[] top = stack.pop();
                int f = (int) top[1];
                int parent = flags();
                if ((f & HEADING) != 0 && (parent & HEADING) == 0) {
                    w.heading(squash(capture.toString()));
                    capture = null;
                } else if ((f & TITLE) != 0 && (parent & TITLE) == 0) {
                    title = squash(capture.toString());
                    capture = null;
                    if (w != null) {
                        w.title(title);
                    }
                } else if ((f & LABEL) != 0 && (parent & LABEL) == 0) {
                    label = squash(capture.toString());
                    capture = null;
                    if (w != null) {
                        w.label(label);
                    }
                }
                if ((f & HEADING) == 0
                        && (f & ROOT) != 0
                        && (f & (SKIP | HEADING)) == 0
                        && (kind((String) top[0]) & K_BLOCK) != 0) {
                    w.space();
                }
                if (top[0].equals(name)) {
                    return;
                }
            }
        }

        /** The text {@code h[from, to)} between two tags. */
        private void text(int from, int to) {
            int f = flags();
            boolean captured = (f & (HEADING | TITLE | LABEL)) != 0 && capture != null;
            boolean walked = (f & HEADING) == 0 && (f & ROOT) != 0 && (f & SKIP) == 0;
            if (!captured && !walked) {
                return;
            }
            if (amp < from) {
                amp = h.indexOf('&', from);
                if (amp < 0) {
                    amp = Integer.MAX_VALUE;
                }
            }
            String t = h;
            if (amp < to) {
                t = decode(h.substring(from, to));
                from = 0;
                to = t.length();
            }
            if (captured) {
                capture.append(t, from, to);
            }
            if (walked) {
                w.append(t, from, to, (f & EM) != 0);
            }
        }

        private static String decode(String s) {
            return s.indexOf('&') < 0 ? s : Parser.unescapeEntities(s, false);
        }

        /** An attribute's value (double or single quotes, or none), or null. */
        private static String attr(String attrs, String name) {
            int at = 0;
            while (true) {
                at = attrs.indexOf(name, at);
                if (at < 0) {
                    return null;
                }
                int e = at + name.length();
                boolean starts = at > 0 && Character.isWhitespace(attrs.charAt(at - 1));
                int k = e;
                while (k < attrs.length() && attrs.charAt(k) == ' ') {
                    k++;
                }
                if (!starts || k >= attrs.length() || attrs.charAt(k) != '=') {
                    if (starts
                            && (k >= attrs.length() || attrs.charAt(k) != '=')
                            && (e == attrs.length()
                                    || !Character.isLetterOrDigit(attrs.charAt(e)) && attrs.charAt(e) != '-')) {
                        return ""; // present without a value
                    }
                    at = e;
                    continue;
                }
                k++;
                while (k < attrs.length() && attrs.charAt(k) == ' ') {
                    k++;
                }
                if (k >= attrs.length()) {
                    return "";
                }
                char q = attrs.charAt(k);
                if (q == '"' || q == '\'') {
                    int c = attrs.indexOf(q, k + 1);
                    return c < 0 ? attrs.substring(k + 1) : attrs.substring(k + 1, c);
                }
                int c = k;
                while (c < attrs.length() && !Character.isWhitespace(attrs.charAt(c)) && attrs.charAt(c) != '/') {
                    c++;
                }
                return attrs.substring(k, c);
            }
        }
    }

    /** The sections as they are read: the current one's id, heading, text and strong text. */
    private static final class Walker {
        private final List<PageText.Section> sections = new ArrayList<>();
        private String id = "";
        private String heading;
        /** The current section's text, {@code text[0, length)}: white space squashed as it is appended. */
        private char[] text = new char[1024];

        private int length;
        private StringBuilder strong = new StringBuilder();
        private String nextId;

        Walker(String title, String label) {
            heading = title;
            strong.append(label);
        }

        void strongSpace() {
            strong.append(' ');
        }

        /** The page's title, found after the section it heads began (a title inside the body, as on the glossary). */
        void title(String t) {
            if (sections.isEmpty() && (heading == null || heading.isEmpty())) {
                heading = t;
            }
        }

        void label(String l) {
            if (sections.isEmpty()) {
                strong.insert(0, l);
            }
        }

        /** A heading with an id starts: the current section ends. */
        void flushTo(String id) {
            flush();
            nextId = id;
        }

        void heading(String text) {
            id = nextId;
            heading = text;
        }

        /** A break between blocks: one space, unless the text is empty or ends with one. */
        void space() {
            if (length > 0 && text[length - 1] != ' ') {
                if (length == text.length) {
                    text = Arrays.copyOf(text, length * 2);
                }
                text[length++] = ' ';
            }
        }

        /** Appends {@code s[from, to)}: each run of white space becomes one space, none at the start. */
        void append(String s, int from, int to, boolean emphasised) {
            int n = to - from;
            if (length + n > text.length) {
                text = Arrays.copyOf(text, Math.max(text.length * 2, length + n));
            }
            // copied as it is, then squashed in place (the write position never passes the read position)
            s.getChars(from, to, text, length);
            int k = length;
            for (int r = length; r < length + n; r++) {
                char c = text[r];
                if (!isSpace(c)) {
                    text[k++] = c;
                } else if (k > 0 && text[k - 1] != ' ') {
                    text[k++] = ' ';
                }
            }
            length = k;
            if (emphasised) {
                strong.append(s, from, to);
            }
        }

        private void flush() {
            // the text is squashed as it is appended: at most a space at its end is left
            int n = length > 0 && text[length - 1] == ' ' ? length - 1 : length;
            sections.add(new PageText.Section(id, heading, new String(text, 0, n), squash(strong.toString())));
            length = 0;
            strong = new StringBuilder();
        }

        List<PageText.Section> done() {
            flush();
            return List.copyOf(sections);
        }
    }

    /** The class attribute {@code cls} holds the class {@code k}. */
    static boolean hasClass(String cls, String k) {
        int at = cls.indexOf(k);
        while (at >= 0) {
            int end = at + k.length();
            if ((at == 0 || cls.charAt(at - 1) == ' ') && (end == cls.length() || cls.charAt(end) == ' ')) {
                return true;
            }
            at = cls.indexOf(k, at + 1);
        }
        return false;
    }

    /** Runs of white space (and no-break spaces) as one space, none at either end. */
    static String squash(String s) {
        int n = s.length();
        boolean plain = n == 0 || s.charAt(0) != ' ' && s.charAt(n - 1) != ' ';
        for (int i = 0; plain && i < n; i++) {
            char c = s.charAt(i);
            plain = !isSpace(c) || c == ' ' && s.charAt(i + 1) != ' ';
        }
        if (plain) {
            return s;
        }
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) == ' ') {
            out.setLength(len - 1);
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u00A0' || c == '\f';
    }
}
