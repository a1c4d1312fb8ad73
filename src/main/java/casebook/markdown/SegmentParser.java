package casebook.markdown;

import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses one Markdown segment for a page: data references replaced ({@link DataReferences}), parsed by
 * Flexmark within the limits ({@link MarkdownLimits}), then read once, node by node, for the outline
 * ({@link Outline}), the links ({@link Links}) and raw HTML ({@link RawHtmlRuns}). Shared by all threads.
 */
final class SegmentParser {
    private final Parser parser;

    SegmentParser(Parser parser) {
        this.parser = parser;
    }

    ParsedSegment parse(Segment.Markdown md, PageState state) {
        SourceOffsets offsets = new SourceOffsets();
        String text = DataReferences.substitute(md.text(), md.startLine(), state, offsets);
        Document doc = MarkdownLimits.parse(parser, text, md.startLine(), state);
        ParsedSegment seg = offsets.isEmpty()
                ? new ParsedSegment(doc, md.startLine())
                : new ParsedSegment(doc, md.startLine(), md.text(), offsets);
        Links links = new Links(seg, state);
        List<Node> rawNodes = new ArrayList<>();
        for (Node node : doc.getDescendants()) {
            if (Outline.visit(node, seg, state) || links.visit(node)) {
                continue;
            }
            if (node instanceof HtmlBlockBase || node instanceof HtmlInline || node instanceof HtmlInlineComment) {
                RawHtmlRuns.inspect(node, seg, state);
                rawNodes.add(node);
            }
        }
        if (!rawNodes.isEmpty()) {
            RawHtmlRuns.confine(rawNodes, seg, state);
            RawHtmlRuns.strayEndTags(rawNodes, seg, state);
        }
        links.finish();
        return seg;
    }
}
