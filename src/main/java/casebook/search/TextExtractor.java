package casebook.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Takes a rendered page's searchable text with jsoup, section by section. Only the page's {@code <main>} is
 * parsed (header, navigation and footer are the same on every page). Inside it, the article body is read (the
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
        return extract(new String(html, StandardCharsets.UTF_8), url);
    }

    public static PageText extract(String html, String url) {
        int open = html.indexOf("<main");
        int close = html.lastIndexOf("</main>");
        if (open < 0 || close < open) {
            return null;
        }
        Document doc = Jsoup.parseBodyFragment(html.substring(open, close + 7));
        Element main = doc.selectFirst("main");
        if (main == null) {
            return null;
        }
        Element h1 = main.selectFirst("h1");
        String title = h1 == null ? "" : squash(h1.text());
        Element label = main.selectFirst(".article__label");
        Element body = main.selectFirst(".article__body");
        if (body == null) {
            body = main.selectFirst("article");
        }
        if (body == null) {
            body = main;
        }
        Walker w = new Walker(title, label == null ? "" : squash(label.text()));
        w.walk(body, false);
        return new PageText(url, title, w.done());
    }

    private static final class Walker {
        private final List<PageText.Section> sections = new ArrayList<>();
        private String id = "";
        private String heading;
        private StringBuilder text = new StringBuilder();
        private StringBuilder strong = new StringBuilder();

        Walker(String title, String label) {
            heading = title;
            strong.append(label);
        }

        void walk(Element e, boolean emphasised) {
            for (Node n : e.childNodes()) {
                if (n instanceof TextNode t) {
                    append(t.getWholeText(), emphasised);
                } else if (n instanceof Element c) {
                    if (skip(c)) {
                        continue;
                    }
                    String tag = c.normalName();
                    if (SECTION_TAGS.contains(tag) && c.hasAttr("id") && !c.id().isEmpty()) {
                        flush();
                        id = c.id();
                        heading = squash(c.text());
                        continue;
                    }
                    boolean block = c.isBlock() || "br".equals(tag);
                    if (block) {
                        append(" ", false);
                    }
                    boolean em = emphasised || c.hasClass("keypoint") || "a".equals(tag) && c.hasClass("term");
                    if (em && !emphasised) {
                        strong.append(' ');
                    }
                    walk(c, em);
                    if (block) {
                        append(" ", false);
                    }
                }
            }
        }

        private static boolean skip(Element c) {
            if (SKIP_TAGS.contains(c.normalName()) || "true".equals(c.attr("aria-hidden"))) {
                return true;
            }
            for (String k : c.classNames()) {
                if (SKIP_CLASSES.contains(k)) {
                    return true;
                }
            }
            return false;
        }

        private void append(String s, boolean emphasised) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                boolean space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u00A0';
                if (space) {
                    if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
                        text.append(' ');
                    }
                } else {
                    text.append(c);
                }
            }
            if (emphasised) {
                strong.append(s);
            }
        }

        private void flush() {
            sections.add(new PageText.Section(id, heading, text.toString().strip(), squash(strong.toString())));
            text = new StringBuilder();
            strong = new StringBuilder();
        }

        List<PageText.Section> done() {
            flush();
            return List.copyOf(sections);
        }
    }

    static String squash(String s) {
        return s.replaceAll("[\\s\\u00A0]+", " ").strip();
    }
}
