package casebook.markdown;

import casebook.text.HtmlText;
import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.definition.DefinitionItem;
import com.vladsch.flexmark.ext.definition.DefinitionList;
import com.vladsch.flexmark.ext.definition.DefinitionTerm;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NonRenderingInline;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Writes the HTML of a Flexmark AST straight into a {@link StringBuilder}.
 *
 * <p>Flexmark's own {@link HtmlRenderer} sets up a renderer context per call (handler maps, attribute
 * providers, link resolvers) and writes through a line-tracking appendable; over thousands of pages
 * that machinery, and the time the JIT spends compiling it, was a large part of the build. The nodes
 * casebook's Markdown uses are written here instead, with the same bytes Flexmark would write (tests
 * compare both on the real content and on edge cases). A tree holding any other node (a code block,
 * a reference link, a node of a future extension) is rendered by Flexmark's renderer as a whole, so
 * nothing is ever dropped or written differently.
 */
final class AstRenderer {
    private final HtmlRenderer fallback;
    private final ListOptions listOptions;
    private final DataHolder options;
    private final String tableClass;

    AstRenderer(HtmlRenderer fallback, DataHolder options, String tableClass) {
        this.fallback = fallback;
        this.options = options;
        this.listOptions = ListOptions.get(options);
        this.tableClass = tableClass;
    }

    String render(Node node) {
        if (!supported(node)) return fallback.render(node);
        StringBuilder out = new StringBuilder(Math.max(64, node.getTextLength() * 2));
        node(node, out);
        line(out);
        return out.toString();
    }

    /** Whether every node of the tree is one this class writes; otherwise Flexmark renders all of it. */
    static boolean supported(Node root) {
        if (!SUPPORTED.contains(root.getClass())) return false;
        for (Node n : root.getDescendants()) if (!SUPPORTED.contains(n.getClass())) return false;
        return true;
    }

    private static final java.util.Set<Class<?>> SUPPORTED = java.util.Set.of(
            Document.class, Paragraph.class, Heading.class, Text.class, SoftLineBreak.class, HardLineBreak.class,
            Emphasis.class, StrongEmphasis.class, Code.class, Link.class, Image.class, AutoLink.class,
            BulletList.class, OrderedList.class, BulletListItem.class, OrderedListItem.class, BlockQuote.class,
            ThematicBreak.class, HtmlInline.class, HtmlEntity.class, HtmlBlock.class, Reference.class,
            TableBlock.class, TableHead.class, TableBody.class, TableRow.class, TableCell.class, TableSeparator.class,
            DefinitionList.class, DefinitionTerm.class, DefinitionItem.class, TextBase.class);

    /** Ends the current line unless the output is empty or already at a line start. */
    private static void line(StringBuilder out) {
        int n = out.length();
        if (n > 0 && out.charAt(n - 1) != '\n') out.append('\n');
    }

    private void children(Node parent, StringBuilder out) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNext()) node(c, out);
    }

    private void node(Node node, StringBuilder out) {
        if (node instanceof Text t) {
            NodeHtml.text(t, out);
        } else if (node instanceof SoftLineBreak b) {
            NodeHtml.softBreak(b, out);
        } else if (node instanceof Paragraph p) {
            paragraph(p, out);
        } else if (node instanceof Emphasis) {
            inline("em", node, out);
        } else if (node instanceof StrongEmphasis) {
            inline("strong", node, out);
        } else if (node instanceof Link link) {
            link(link, out);
        } else if (node instanceof Heading h) {
            heading(h, out);
        } else if (node instanceof DefinitionList) {
            block("dl", "", node, out);
        } else if (node instanceof DefinitionTerm || node instanceof DefinitionItem) {
            onItsLine(node instanceof DefinitionTerm ? "dt" : "dd", node, out);
        } else if (node instanceof ListItem item) {
            listItem(item, out);
        } else if (node instanceof BulletList) {
            block("ul", "", node, out);
            line(out);
        } else if (node instanceof OrderedList list) {
            int start = list.getStartNumber();
            block("ol", listOptions.isOrderedListManualStart() && start != 1 ? attr("start", String.valueOf(start)) : "", node, out);
            line(out);
        } else if (node instanceof TableCell cell) {
            tableCell(cell, out);
        } else if (node instanceof TableRow) {
            onItsLine("tr", node, out);
        } else if (node instanceof TableHead || node instanceof TableBody) {
            condBlock(node instanceof TableHead ? "thead" : "tbody", node, out);
        } else if (node instanceof TableSeparator || node instanceof Reference) {
            // not rendered
        } else if (node instanceof TableBlock) {
            block("table", tableClass.isEmpty() ? "" : attr("class", tableClass), node, out);
            line(out);
        } else if (node instanceof Document) {
            children(node, out);
        } else if (node instanceof BlockQuote) {
            block("blockquote", "", node, out);
            line(out);
        } else if (node instanceof Code code) {
            out.append("<code>");
            HtmlText.escapeInto(collapseWhitespace(code.getText()), out);
            out.append("</code>");
        } else if (node instanceof HardLineBreak) {
            out.append("<br />\n");
        } else if (node instanceof ThematicBreak) {
            line(out);
            out.append("<hr />");
            line(out);
        } else if (node instanceof Image image) {
            out.append("<img");
            attr(out, "src", image.getUrl().unescape());
            attr(out, "alt", new TextCollectingVisitor().collectAndGetText(image));
            if (image.getTitle().isNotNull()) attr(out, "title", image.getTitle().unescape());
            out.append(" />");
        } else if (node instanceof AutoLink link) {
            String text = link.getText().toString();
            out.append("<a");
            attr(out, "href", text.startsWith("www.") ? "http://" + text : text);
            out.append('>');
            HtmlText.escapeInto(text, out);
            out.append("</a>");
        } else if (node instanceof HtmlInline) {
            out.append(node.getChars().normalizeEOL());
        } else if (node instanceof HtmlEntity) {
            HtmlText.escapeInto(node.getChars().unescape(), out);
        } else if (node instanceof HtmlBlock) {
            line(out);
            out.append(((HtmlBlock) node).getContentChars().normalizeEOL());
            line(out);
        } else if (node instanceof TextBase) {
            children(node, out);
        } else {
            throw new IllegalStateException("unsupported node " + node.getNodeName());
        }
    }

    private void paragraph(Paragraph p, StringBuilder out) {
        if (p.getFirstChildAnyNot(NonRenderingInline.class) == null) return;
        if (wrappingDisabled(p)) {
            children(p, out);
            return;
        }
        onItsLine("p", p, out);
    }

    private void heading(Heading h, StringBuilder out) {
        String id = MarkdownRenderer.headingId(h);
        out.append("<h").append(h.getLevel());
        if (id != null) attr(out, "id", id);
        out.append('>');
        children(h, out);
        out.append("</h").append(h.getLevel()).append('>');
        line(out);
    }

    /**
     * A block whose tags stand on lines of their own ({@code <ul>}, {@code <ol>}, {@code <table>},
     * {@code <blockquote>}, {@code <dl>}); {@code attrs} is written into the opening tag. Flexmark ends
     * the line after {@code </ul>} but not after {@code </dl>}; callers add it.
     */
    private void block(String tag, String attrs, Node node, StringBuilder out) {
        line(out);
        out.append('<').append(tag).append(attrs).append('>');
        line(out);
        children(node, out);
        line(out);
        out.append("</").append(tag).append('>');
    }

    /** An element on a line of its own with its content inline ({@code <p>}, {@code <tr>}, {@code <dt>}, {@code <dd>}). */
    private void onItsLine(String tag, Node node, StringBuilder out) {
        line(out);
        inline(tag, node, out);
        line(out);
    }

    private void inline(String tag, Node node, StringBuilder out) {
        out.append('<').append(tag).append('>');
        children(node, out);
        out.append("</").append(tag).append('>');
    }

    /** {@code <thead>} and {@code <tbody>}: the closing tag goes on a line of its own after any row. */
    private void condBlock(String tag, Node node, StringBuilder out) {
        line(out);
        out.append('<').append(tag).append('>');
        children(node, out);
        if (node.hasChildren()) line(out);
        out.append("</").append(tag).append('>');
        line(out);
    }

    private void listItem(ListItem item, StringBuilder out) {
        line(out);
        out.append("<li>");
        HtmlText.escapeInto(item.getMarkerSuffix().unescape(), out);
        children(item, out);
        // Flexmark puts </li> on a line of its own when the item holds a block (a wrapped paragraph, a
        // nested list), not when its text merely contains line breaks
        for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
            if (!(c instanceof Paragraph p && wrappingDisabled(p))) {
                line(out);
                break;
            }
        }
        out.append("</li>");
        line(out);
    }

    private boolean wrappingDisabled(Paragraph p) {
        return p.getParent() instanceof ParagraphItemContainer c && c.isParagraphWrappingDisabled(p, listOptions, options);
    }

    private void tableCell(TableCell cell, StringBuilder out) {
        String tag = cell.isHeader() ? "th" : "td";
        out.append('<').append(tag);
        if (cell.getAlignment() != null) attr(out, "align", cell.getAlignment().name().toLowerCase(java.util.Locale.ROOT));
        if (cell.getSpan() > 1) attr(out, "colspan", String.valueOf(cell.getSpan()));
        out.append('>');
        children(cell, out);
        out.append("</").append(tag).append('>');
    }

    private void link(Link link, StringBuilder out) {
        out.append("<a");
        attr(out, "href", link.getUrl().unescape());
        if (link.getTitle().isNotNull()) attr(out, "title", link.getTitle().unescape());
        out.append('>');
        children(link, out);
        out.append("</a>");
    }

    /** {@code  name="value"}, escaped, for an opening tag written later. */
    private static String attr(String name, CharSequence value) {
        StringBuilder sb = new StringBuilder();
        attr(sb, name, value);
        return sb.toString();
    }

    private static void attr(StringBuilder out, String name, CharSequence value) {
        out.append(' ').append(name).append("=\"");
        HtmlText.escapeInto(value, out);
        out.append('"');
    }

    /** Inline code's text with runs of whitespace (line breaks included) collapsed to one space. */
    private static String collapseWhitespace(BasedSequence text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (!space) sb.append(' ');
                space = true;
            } else {
                sb.append(c);
                space = false;
            }
        }
        return sb.toString();
    }
}
