package casebook.markdown;

import casebook.safety.RawHtml;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw HTML in Markdown, through the {@code safety} package's {@link RawHtml} (jsoup). When parsed, each raw
 * HTML node is read as the cleaner will read it: each thing the cleaning removes is a warning at its own line
 * and column, a URL the policy refuses goes to the link check (an error there), and the kept href, src and
 * id attributes are collected like Markdown links and heading ids. When rendered, the HTML of a segment
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
        List<RawHtml.Removal> removals = new ArrayList<>();
        List<RawHtml.Kept> kept = new ArrayList<>();
        RawHtml.inspect(node.getChars().toString(), removals, kept);
        for (RawHtml.Kept k : kept) {
            int at = node.getStartOffset() + k.offset();
            if (k.attribute().equals("id")) {
                state.ids.add(k.value());
            } else {
                state.links.add(new LinkUse(k.value(), seg.lineAt(at), seg.columnAt(at)));
            }
        }
        for (RawHtml.Removal r : removals) {
            int at = node.getStartOffset() + r.offset();
            if (r.url() != null) {
                state.links.add(new LinkUse(r.url(), seg.lineAt(at), seg.columnAt(at)));
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

    /** The rendered HTML of (part of) a segment: cleaned when the segment holds raw HTML, else as it is. */
    static String clean(ParsedSegment seg, String html) {
        return seg.rawHtml ? RawHtml.clean(html) : html;
    }
}
