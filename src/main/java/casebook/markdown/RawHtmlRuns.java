package casebook.markdown;

import casebook.safety.RawHtml;
import casebook.safety.UrlPolicy;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raw HTML in Markdown, through the {@code safety} package's {@link RawHtml} (jsoup). When parsed, each raw
 * HTML node is read as the cleaner will read it: each thing the cleaning removes is a warning at its own line
 * and column, a URL the policy refuses goes to the link check (an error there), and the kept href, src and
 * id attributes are collected like Markdown links and heading ids; an {@code <img>} without {@code alt} is an error at
 * its tag. When rendered, the HTML of a segment
 * holding raw HTML is cleaned.
 *
 * <p>Why the rendered HTML of the whole run of Markdown rather than each raw HTML node: inline raw HTML is
 * split by Flexmark into one node per tag ({@code <span>}, the text, {@code </span>}), and an HTML block
 * that opens a {@code <div>} is often closed by another block after some Markdown; only the run as a whole
 * is balanced HTML, and cleaning it whole also keeps an unclosed tag from reaching into the page's own
 * markup. Runs without raw HTML (almost all of them) are not parsed again, so they cost nothing and their
 * bytes stay exactly as rendered. What Markdown itself writes is on the safelist, so the cleaning removes
 * only what the editor's raw HTML brought (each removal was reported when parsed).
 */
final class RawHtmlRuns {
    private RawHtmlRuns() {}

    /** Reads one raw HTML node (an HTML block, inline HTML or an HTML comment) of a parsed segment. */
    static void inspect(Node node, ParsedSegment seg, PageState state) {
        seg.rawHtml = true;
        state.rawHtml = true;
        List<RawHtml.Removal> removals = new ArrayList<>();
        List<RawHtml.Kept> kept = new ArrayList<>();
        RawHtml.inspect(node.getChars().toString(), removals, kept);
        for (int i = 0; i < kept.size(); i++) {
            RawHtml.Kept k = kept.get(i);
            int at = node.getStartOffset() + k.offset();
            if (k.attribute().equals("alt")) {
                // an <img> without alt: its src, if any, is listed just before it
                RawHtml.Kept src = i > 0 ? kept.get(i - 1) : null;
                String url = src != null
                                && src.tag().equals("img")
                                && src.attribute().equals("src")
                                && src.offset() > k.offset()
                        ? src.value()
                        : null;
                missingAlt(url, seg.lineAt(at), seg.columnAt(at), state);
            } else if (k.attribute().equals("id")) {
                String usedBy = state.idUsedBy(k.value());
                if (usedBy != null) {
                    state.diagnostics.error(
                            state.request.display(),
                            seg.lineAt(at),
                            seg.columnAt(at),
                            "id \"" + k.value() + "\" is used twice on this page (" + usedBy + ")",
                            "use another id, such as \"" + state.freeIdLike(k.value()) + "\"");
                } else {
                    state.headingIds.claim(k.value(), seg.lineAt(at));
                }
                state.ids.add(k.value());
            } else {
                boolean image = k.tag().equals("img") && k.attribute().equals("src");
                state.links.add(new LinkUse(k.value(), seg.lineAt(at), seg.columnAt(at), image));
            }
        }
        for (RawHtml.Removal r : removals) {
            int at = node.getStartOffset() + r.offset();
            if (r.url() != null) {
                state.links.add(new LinkUse(r.url(), seg.lineAt(at), seg.columnAt(at)));
            } else if (r.error()) {
                state.diagnostics.error(
                        state.request.display(),
                        seg.lineAt(at),
                        seg.columnAt(at),
                        "raw HTML removed: " + r.removed() + " (" + r.why() + ")",
                        UrlPolicy.RESOURCE_HINT);
            } else {
                state.diagnostics.warning(
                        state.request.display(),
                        seg.lineAt(at),
                        seg.columnAt(at),
                        "raw HTML removed: " + r.removed() + " (" + r.why() + ")",
                        "delete it from the Markdown");
            }
        }
    }

    /**
     * An {@code <img>} of raw HTML without an {@code alt} attribute: a screen reader reads out its file name, or
     * nothing. An error, as a Markdown image without alternative text is ({@code Links}); {@code alt=""} marks an
     * image that only decorates the page.
     */
    private static void missingAlt(String url, int line, int column, PageState state) {
        String fixed = "<img src=\"" + (url == null ? "…" : url) + "\" alt=\"…\">";
        state.diagnostics.error(
                state.request.display(),
                line,
                column,
                "image " + (url == null ? "" : "\"" + url + "\" ") + "in raw HTML has no alt attribute, so a screen"
                        + " reader cannot say what it shows",
                "describe the image in alt: " + fixed + "; if it only decorates the page, write alt=\"\"");
    }

    /**
     * Checks each run of raw HTML of a parsed segment on its own (an HTML block; the inline tags of one paragraph,
     * heading or table, one after another) for what it leaves open that would swallow or move the Markdown after
     * it ({@link RawHtml#unclosed}): each is an error at its line and column, and is written as text ({@code &lt;})
     * so that, cleaned with the rest of the segment, it takes nothing with it. A run that cannot be made
     * self-contained so is written as text whole.
     */
    static void confine(List<Node> rawNodes, ParsedSegment seg, PageState state) {
        Map<Node, List<Node>> runs = new LinkedHashMap<>();
        for (Node n : rawNodes) {
            Node key = n;
            if (!(n instanceof HtmlBlockBase)) {
                key = n.getParent();
                while (key != null && !(key instanceof Block)) {
                    key = key.getParent();
                }
                if (key == null) {
                    key = n;
                }
            }
            runs.computeIfAbsent(key, k -> new ArrayList<>()).add(n);
        }
        for (List<Node> run : runs.values()) {
            confineRun(run, seg, state);
        }
    }

    /**
     * End tags of the segment's raw HTML that close nothing (a {@code </div>} without its {@code <div>}, a
     * {@code </a>} after a tag Markdown took as text): the browser ignores them, so the cleaning drops them; each is
     * a warning at its line and column. The raw HTML of the segment is read as one piece, in order, each paragraph's
     * inline tags inside a {@code <p>} as Markdown writes them, so a {@code </div>} closing a {@code <div>} of an
     * earlier HTML block is not reported, and a {@code </span>} whose {@code <span>} was in another paragraph is.
     */
    static void strayEndTags(List<Node> rawNodes, ParsedSegment seg, PageState state) {
        StringBuilder text = new StringBuilder();
        List<int[]> map = new ArrayList<>(); // {start in text, end in text, document offset}
        Node open = null; // the block whose inline tags are being added
        for (Node n : rawNodes) {
            Node block = n instanceof HtmlBlockBase ? null : n.getParent();
            while (block != null && !(block instanceof Block)) {
                block = block.getParent();
            }
            if (block != open && open != null) {
                text.append("</p>");
            }
            if (block != null && block != open) {
                text.append("<p>");
            }
            open = block;
            StringBuilder s = new StringBuilder(n.getChars());
            // what confine writes as text is read as text here too
            for (int at : state.rawHtmlAsText.getOrDefault(n, List.of())) {
                int i = at - n.getStartOffset();
                if (i >= 0 && i < s.length()) {
                    s.setCharAt(i, ' ');
                }
            }
            map.add(new int[] {text.length(), text.length() + s.length(), n.getStartOffset()});
            text.append(s);
        }
        if (open != null) {
            text.append("</p>");
        }
        for (RawHtml.Removal r : RawHtml.strayEndTags(text.toString())) {
            for (int[] m : map) {
                if (r.offset() >= m[0] && r.offset() < m[1]) {
                    int at = m[2] + r.offset() - m[0];
                    state.diagnostics.warning(
                            state.request.display(),
                            seg.lineAt(at),
                            seg.columnAt(at),
                            "raw HTML removed: " + r.removed() + " (" + r.why() + ")",
                            "delete it from the Markdown, or open the element it closes in the same paragraph or"
                                    + " HTML block");
                }
            }
        }
    }

    private static void confineRun(List<Node> nodes, ParsedSegment seg, PageState state) {
        StringBuilder text = new StringBuilder();
        Map<Node, Integer> starts = new IdentityHashMap<>();
        for (Node n : nodes) {
            starts.put(n, text.length());
            text.append(n.getChars());
        }
        List<RawHtml.Unclosed> found = RawHtml.unclosed(text.toString());
        if (found != null && found.isEmpty()) {
            return;
        }
        List<int[]> at = new ArrayList<>(); // {document offset}
        String what;
        int first;
        if (found == null) {
            for (Node n : nodes) {
                String s = n.getChars().toString();
                for (int i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) {
                    at.add(new int[] {n.getStartOffset() + i});
                }
            }
            what = "raw HTML";
            first = nodes.get(0).getStartOffset();
        } else {
            StringBuilder names = new StringBuilder();
            first = Integer.MAX_VALUE;
            List<RawHtml.Unclosed> inOrder = new ArrayList<>(found);
            inOrder.sort(Comparator.comparingInt(RawHtml.Unclosed::offset));
            for (RawHtml.Unclosed u : inOrder) {
                int doc = documentOffset(nodes, starts, u.offset());
                at.add(new int[] {doc});
                first = Math.min(first, doc);
                names.append(names.length() == 0 ? "" : ", ").append(u.what());
            }
            what = names.toString();
        }
        for (int[] a : at) {
            for (Node n : nodes) {
                if (a[0] >= n.getStartOffset() && a[0] < n.getEndOffset()) {
                    state.rawHtmlAsText
                            .computeIfAbsent(n, k -> new ArrayList<>())
                            .add(a[0]);
                }
            }
        }
        for (List<Integer> l : state.rawHtmlAsText.values()) {
            l.sort(null);
        }
        String shown = found == null || found.size() != 1
                ? "&lt;"
                : "&lt;" + found.get(0).what().substring(1, found.get(0).what().length() - 1) + "&gt;";
        state.diagnostics.error(
                state.request.display(),
                seg.lineAt(first),
                seg.columnAt(first),
                what + " is not closed in this piece of raw HTML: the browser would read what follows it (the rest of"
                        + " the page) as part of it, and it would be lost or moved; it is published as text",
                "close it on the same line, or write it as text: " + shown);
    }

    private static int documentOffset(List<Node> nodes, Map<Node, Integer> starts, int runOffset) {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node n = nodes.get(i);
            if (starts.get(n) <= runOffset) {
                return n.getStartOffset() + runOffset - starts.get(n);
            }
        }
        return nodes.get(0).getStartOffset();
    }

    /** The rendered HTML of (part of) a segment: cleaned when the segment holds raw HTML, else as it is. */
    static String clean(ParsedSegment seg, String html) {
        return seg.rawHtml ? RawHtml.clean(html) : html;
    }
}
