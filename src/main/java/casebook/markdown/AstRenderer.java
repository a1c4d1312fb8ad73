package casebook.markdown;

import casebook.text.HtmlText;
import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.definition.DefinitionItem;
import com.vladsch.flexmark.ext.definition.DefinitionList;
import com.vladsch.flexmark.ext.definition.DefinitionTerm;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCaption;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NonRenderingInline;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.misc.CharPredicate;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;
import java.util.Locale;

/**
 * Writes the HTML of a Flexmark AST straight into a {@link StringBuilder}: casebook's one HTML renderer.
 *
 * <p>Flexmark parses; this writes. Flexmark's own {@code HtmlRenderer} sets up a renderer context per call
 * (handler maps, attribute providers, link resolvers) and writes through a line-tracking appendable; over
 * thousands of pages that machinery, and the time the JIT spends compiling it, was a large part of the
 * build (docs/performance.md). The bytes are those Flexmark's renderer wrote for every node type its
 * parser makes with casebook's extensions (tables, definition lists), so the published HTML did not
 * change when that renderer was dropped; {@code AstRendererTest} holds the expected HTML of each construct.
 * A node of a type not written here (none is known) has its children written, so no text is dropped.
 *
 * <p>One instance per build holds the options; {@link #forPage} gives the page's own, which reads the page's
 * heading ids and glossary state ({@link PageState}).
 */
final class AstRenderer {
    private final ListOptions listOptions;
    private final DataHolder options;
    private final String tableClass;
    private final PageState state;

    AstRenderer(DataHolder options, String tableClass) {
        this(ListOptions.get(options), options, tableClass, null);
    }

    private AstRenderer(ListOptions listOptions, DataHolder options, String tableClass, PageState state) {
        this.listOptions = listOptions;
        this.options = options;
        this.tableClass = tableClass;
        this.state = state;
    }

    /** The renderer of one page: text and headings as that page renders them. */
    AstRenderer forPage(PageState page) {
        return new AstRenderer(listOptions, options, tableClass, page);
    }

    /** The HTML of a node and everything under it. */
    String render(Node node) {
        StringBuilder out = new StringBuilder(Math.max(64, node.getTextLength() * 2));
        node(node, out);
        line(out);
        return out.toString();
    }

    /** The HTML of a node's children without the node's own tags (a paragraph's text, a list's items). */
    String renderChildren(Node node) {
        StringBuilder out = new StringBuilder(Math.max(64, node.getTextLength() * 2));
        children(node, out);
        return out.toString();
    }

    /**
     * Raw HTML as written, except where it leaves open what would swallow the rest of the page: there its
     * {@code <} is written as {@code &lt;} ({@link RawHtmlRuns#confine}), so what follows is read as Markdown made it.
     */
    private String rawHtml(Node node, BasedSequence chars) {
        List<Integer> at = state == null ? null : state.rawHtmlAsText.get(node);
        if (at == null) {
            return chars.normalizeEOL();
        }
        StringBuilder sb = new StringBuilder(chars.length() + 8);
        int from = 0;
        String text = chars.toString();
        for (int abs : at) {
            int i = abs - chars.getStartOffset();
            if (i >= from && i < text.length() && text.charAt(i) == '<') {
                sb.append(text, from, i).append("&lt;");
                from = i + 1;
            }
        }
        sb.append(text, from, text.length());
        return sb.toString().replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Ends the current line unless the output is empty or already at a line start. */
    private static void line(StringBuilder out) {
        int n = out.length();
        if (n > 0 && out.charAt(n - 1) != '\n') {
            out.append('\n');
        }
    }

    private void children(Node parent, StringBuilder out) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNext()) {
            node(c, out);
        }
    }

    private void node(Node node, StringBuilder out) {
        if (node instanceof Text t) {
            NodeHtml.text(t, state, out);
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
            block(
                    "ol",
                    listOptions.isOrderedListManualStart() && start != 1 ? attr("start", String.valueOf(start)) : "",
                    node,
                    out);
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
            // a decorative image (title "decorative") is published with an empty alt and no title
            boolean decorative = Links.isDecorative(image);
            attr(out, "alt", decorative ? "" : new TextCollectingVisitor().collectAndGetText(image));
            if (image.getTitle().isNotNull() && !decorative) {
                attr(out, "title", image.getTitle().unescape());
            }
            out.append(" />");
        } else if (node instanceof AutoLink link) {
            String text = link.getText().toString();
            out.append("<a");
            attr(out, "href", text.startsWith("www.") ? "http://" + text : text);
            out.append('>');
            HtmlText.escapeInto(text, out);
            out.append("</a>");
        } else if (node instanceof HtmlInline || node instanceof HtmlInlineComment) {
            out.append(rawHtml(node, node.getChars()));
        } else if (node instanceof HtmlEntity) {
            HtmlText.escapeInto(node.getChars().unescape(), out);
        } else if (node instanceof HtmlBlockBase html) {
            // an HTML block or an HTML comment block, as written
            line(out);
            out.append(rawHtml(html, html.getContentChars()));
            line(out);
        } else if (node instanceof FencedCodeBlock code) {
            fencedCode(code, out);
        } else if (node instanceof IndentedCodeBlock code) {
            codeBlock("", code.getContentChars().trimTailBlankLines().normalizeEndWithEOL(), out);
        } else if (node instanceof MailLink mail) {
            out.append("<a");
            attr(out, "href", "mailto:" + mail.getText());
            out.append('>');
            HtmlText.escapeInto(mail.getText().toString(), out);
            out.append("</a>");
        } else if (node instanceof RefNode ref) {
            // a reference without a definition (defined ones became plain links when parsed): its text as written
            HtmlText.escapeInto(ref.getChars().prefixOf(ref.getChildChars()).unescape(), out);
            children(node, out);
            HtmlText.escapeInto(ref.getChars().suffixOf(ref.getChildChars()).unescape(), out);
        } else if (node instanceof TableCaption) {
            onItsLine("caption", node, out);
        } else {
            children(node, out);
        }
    }

    /** {@code <pre><code>} with the language of a fenced block's info string (its first word) as a class. */
    private void fencedCode(FencedCodeBlock code, StringBuilder out) {
        BasedSequence info = code.getInfo();
        String cls = "";
        if (info.isNotNull() && !info.isBlank()) {
            cls = attr(
                    "class",
                    "language-"
                            + code.getInfoDelimitedByAny(LANGUAGE_DELIMITERS).unescape());
        }
        codeBlock(cls, code.getContentChars().normalizeEOL(), out);
    }

    private static final CharPredicate LANGUAGE_DELIMITERS = CharPredicate.anyOf(" ");

    private static void codeBlock(String attrs, CharSequence text, StringBuilder out) {
        line(out);
        out.append("<pre><code").append(attrs).append('>');
        HtmlText.escapeInto(text, out);
        out.append("</code></pre>");
        line(out);
    }

    private void paragraph(Paragraph p, StringBuilder out) {
        if (p.getFirstChildAnyNot(NonRenderingInline.class) == null) {
            return;
        }
        if (wrappingDisabled(p)) {
            children(p, out);
            return;
        }
        onItsLine("p", p, out);
    }

    private void heading(Heading h, StringBuilder out) {
        String id = state == null ? null : state.headingNodeIds.get(h);
        out.append("<h").append(h.getLevel());
        if (id != null) {
            attr(out, "id", id);
        }
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
        if (node.hasChildren()) {
            line(out);
        }
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
        return p.getParent() instanceof ParagraphItemContainer c
                && c.isParagraphWrappingDisabled(p, listOptions, options);
    }

    private void tableCell(TableCell cell, StringBuilder out) {
        String tag = cell.isHeader() ? "th" : "td";
        out.append('<').append(tag);
        if (cell.getAlignment() != null) {
            attr(out, "align", cell.getAlignment().name().toLowerCase(Locale.ROOT));
        }
        if (cell.getSpan() > 1) {
            attr(out, "colspan", String.valueOf(cell.getSpan()));
        }
        out.append('>');
        children(cell, out);
        out.append("</").append(tag).append('>');
    }

    private void link(Link link, StringBuilder out) {
        out.append("<a");
        attr(out, "href", link.getUrl().unescape());
        if (link.getTitle().isNotNull()) {
            attr(out, "title", link.getTitle().unescape());
        }
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
                if (!space) {
                    sb.append(' ');
                }
                space = true;
            } else {
                sb.append(c);
                space = false;
            }
        }
        return sb.toString();
    }
}
