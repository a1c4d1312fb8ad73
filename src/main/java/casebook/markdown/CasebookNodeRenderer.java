package casebook.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import java.util.Set;

/**
 * casebook's text, soft-break and heading rendering inside Flexmark's own renderer, which
 * {@link AstRenderer} hands the node types it does not write itself. The rules live in
 * {@link NodeHtml} so both paths write the same HTML.
 */
final class CasebookNodeRenderer implements NodeRenderer {
    static final ThreadLocal<PageState> STATE = new ThreadLocal<>();

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(SoftLineBreak.class, this::softBreak),
                new NodeRenderingHandler<>(Heading.class, this::heading),
                new NodeRenderingHandler<>(Text.class, this::text));
    }

    private void softBreak(SoftLineBreak node, NodeRendererContext ctx, HtmlWriter html) {
        StringBuilder sb = new StringBuilder(1);
        NodeHtml.softBreak(node, sb);
        if (sb.length() > 0) html.raw(sb);
    }

    private void heading(Heading node, NodeRendererContext ctx, HtmlWriter html) {
        String id = MarkdownRenderer.headingId(node);
        String tag = "h" + node.getLevel();
        if (id != null) html.attr("id", id);
        html.withAttr().tag(tag);
        ctx.renderChildren(node);
        html.tag("/" + tag).line();
    }

    private void text(Text node, NodeRendererContext ctx, HtmlWriter html) {
        StringBuilder sb = new StringBuilder(node.getTextLength() + 16);
        NodeHtml.text(node, sb);
        html.raw(sb);
    }
}
