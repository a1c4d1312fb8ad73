package casebook.markdown;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Node;
import java.util.List;

/**
 * What a {@link Block} reads its container with, for one page: the page's state (request, diagnostics,
 * ids, outline, structure, speakers) and the Markdown of the container's body, parsed and rendered as the
 * rest of the page is. Also renders a list of segments, handing each container to its block ({@link Blocks}).
 */
final class BlockContext {
    final PageState state;
    private final SegmentParser parser;
    private final AstRenderer html;
    private final Blocks blocks;
    private final BlockMarkup markup;

    BlockContext(PageState state, SegmentParser parser, AstRenderer html, Blocks blocks, BlockMarkup markup) {
        this.state = state;
        this.parser = parser;
        this.html = html.forPage(state);
        this.blocks = blocks;
        this.markup = markup;
    }

    RenderRequest request() {
        return state.request;
    }

    /** Renders segments in order: Markdown as HTML, each container through its block and the theme's markup. */
    void render(List<Segment> segments, StringBuilder out) {
        for (Segment s : segments) {
            if (s instanceof Segment.Markdown md) {
                ParsedSegment seg = parse(md);
                out.append(html(seg, seg.doc));
            } else {
                blocks.render((Segment.Container) s, this, markup, out);
            }
        }
    }

    /** The HTML of segments (a container's body). */
    String render(List<Segment> segments) {
        StringBuilder out = new StringBuilder();
        render(segments, out);
        return out.toString();
    }

    /** Parses one Markdown segment and records its headings, links, lists, tables and raw HTML. */
    ParsedSegment parse(Segment.Markdown md) {
        return parser.parse(md, state);
    }

    /** The HTML of a parsed node (cleaned when its segment holds raw HTML). */
    String html(ParsedSegment seg, Node node) {
        return RawHtmlRuns.clean(seg, html.render(node));
    }

    /** The HTML of a parsed node's children, without the node's own tags (cleaned likewise). */
    String innerHtml(ParsedSegment seg, Node node) {
        return RawHtmlRuns.clean(seg, html.renderChildren(node));
    }

    /** One line of inline Markdown (a caption, a dialogue turn) as HTML, without its paragraph tags. */
    String inline(String text, int line) {
        ParsedSegment seg = parse(new Segment.Markdown(text, line));
        return paragraphContent(seg, seg.doc);
    }

    /**
     * The HTML inside a node that holds one paragraph (a document, a list item), without the paragraph's
     * tags; when it holds more, or raw HTML the cleaning may have moved, its HTML with the tags of a
     * paragraph around the whole taken off.
     */
    String paragraphContent(ParsedSegment seg, Node node) {
        Node first = node instanceof Paragraph ? node : node.getFirstChild();
        if (first instanceof Paragraph p && (p == node || p.getNext() == null) && !seg.rawHtml) {
            return html.renderChildren(p);
        }
        return stripParagraph(html(seg, node));
    }

    private static String stripParagraph(String html) {
        String h = html.strip();
        return h.startsWith("<p>") && h.endsWith("</p>") ? h.substring(3, h.length() - 4) : h;
    }
}
