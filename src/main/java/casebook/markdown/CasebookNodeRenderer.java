package casebook.markdown;

import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * Overrides three of Flexmark's core renderings:
 * <ul>
 * <li>a soft line break between Japanese characters renders as nothing (CommonMark would render a
 *     space, which is wrong in Japanese); between Latin words it stays a line break (a space);</li>
 * <li>headings get the ids decided by {@link MarkdownRenderer} (explicit {@code {#id}} or derived);</li>
 * <li>text is escaped, Japanese runs on English pages are marked {@code lang="ja"}, and the first use
 *     of a glossary term on a page links to its entry.</li>
 * </ul>
 */
final class CasebookNodeRenderer implements NodeRenderer {
    static final ThreadLocal<PageState> STATE = new ThreadLocal<>();

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(SoftLineBreak.class, this::softBreak),
                new NodeRenderingHandler<>(com.vladsch.flexmark.ast.Heading.class, this::heading),
                new NodeRenderingHandler<>(Text.class, this::text));
    }

    private void softBreak(SoftLineBreak node, NodeRendererContext ctx, HtmlWriter html) {
        BasedSequence base = node.getChars().getBaseSequence();
        int before = node.getStartOffset() - 1;
        while (before >= 0 && (base.charAt(before) == ' ' || base.charAt(before) == '\t')) before--;
        int after = node.getEndOffset();
        while (after < base.length() && (base.charAt(after) == ' ' || base.charAt(after) == '\t' || base.charAt(after) == '>')) after++;
        boolean wide = before >= 0 && Cjk.isWide(Character.codePointBefore(base, before + 1))
                || after < base.length() && Cjk.isWide(Character.codePointAt(base, after));
        if (!wide) html.raw("\n");
    }

    private void heading(com.vladsch.flexmark.ast.Heading node, NodeRendererContext ctx, HtmlWriter html) {
        PageState state = STATE.get();
        String id = state == null ? null : MarkdownRenderer.headingId(node);
        String tag = "h" + node.getLevel();
        if (id != null) html.attr("id", id);
        html.withAttr().tag(tag);
        ctx.renderChildren(node);
        html.tag("/" + tag).line();
    }

    private void text(Text node, NodeRendererContext ctx, HtmlWriter html) {
        PageState state = STATE.get();
        BasedSequence chars = node.getChars();
        String s = chars.indexOf('\\') < 0 && chars.indexOf('&') < 0 ? chars.toString() : chars.unescape();
        if (state == null) {
            html.text(s);
            return;
        }
        boolean mark = state.request.markJapanese();
        if (!state.request.glossary().terms().isEmpty() && linkable(node)) {
            // link the first use on the page of every term this text holds, left to right
            int from = 0;
            while (true) {
                GlossaryTerms.Term hit = null;
                int at = Integer.MAX_VALUE;
                for (GlossaryTerms.Term t : state.request.glossary().terms()) {
                    if (state.linkedTerms.contains(t.id())) continue;
                    int i = s.indexOf(t.form(), from);
                    if (i >= 0 && (i < at || i == at && t.form().length() > hit.form().length())) { at = i; hit = t; }
                }
                if (hit == null) break;
                state.linkedTerms.add(hit.id());
                html.raw(HtmlText.escapeMarked(s.substring(from, at), mark));
                html.raw("<a class=\"term\" href=\"" + HtmlText.escape(state.request.glossaryHref() + "#" + hit.id()) + "\">");
                html.raw(HtmlText.escapeMarked(hit.form(), mark));
                html.raw("</a>");
                from = at + hit.form().length();
            }
            html.raw(HtmlText.escapeMarked(s.substring(from), mark));
            return;
        }
        html.raw(HtmlText.escapeMarked(s, mark));
    }

    /** Glossary links go in running text only: not in headings, not inside another link. */
    private static boolean linkable(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof com.vladsch.flexmark.ast.Heading || p instanceof Link || p instanceof LinkRef) return false;
        }
        return true;
    }
}
