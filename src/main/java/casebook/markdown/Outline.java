package casebook.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.util.ast.Node;
import java.util.regex.Matcher;

/**
 * The outline of a page as its segments are parsed: each heading gets its id ({@link HeadingIds}) and goes
 * into the page's headings, and headings, lists (with their item counts) and tables (with their row counts)
 * into its structure, for the on-page contents and translation parity.
 */
final class Outline {
    private Outline() {}

    /** Whether the node is part of the outline (and was recorded). */
    static boolean visit(Node node, ParsedSegment seg, PageState state) {
        if (node instanceof Heading h) {
            heading(h, seg, state);
        } else if (node instanceof ListBlock list) {
            int items = 0;
            for (Node c = list.getFirstChild(); c != null; c = c.getNext()) {
                items++;
            }
            state.structure(
                    list instanceof OrderedList ? StructureKind.OL : StructureKind.UL,
                    String.valueOf(items),
                    seg.line(node));
        } else if (node instanceof TableBlock table) {
            int rows = 0;
            // the rows a reader sees: Flexmark keeps the |---| line as a row of its own
            for (Node r : table.getDescendants()) {
                if (r instanceof TableRow && !(r.getParent() instanceof TableSeparator)) {
                    rows++;
                }
            }
            state.structure(StructureKind.TABLE, String.valueOf(rows), seg.line(node));
        } else {
            return false;
        }
        return true;
    }

    private static void heading(Heading h, ParsedSegment seg, PageState state) {
        int line = seg.line(h);
        String explicit = null;
        int explicitColumn = 1;
        Node last = h.getLastChild();
        String lastText = last instanceof Text ? NodeHtml.string(last.getChars()) : null;
        if (lastText != null && lastText.indexOf('{') >= 0) {
            Text t = (Text) last;
            Matcher m = HeadingIds.EXPLICIT.matcher(lastText);
            if (m.find()) {
                explicit = m.group(1);
                if (lastText.length() == t.getChars().length()) {
                    explicitColumn = seg.columnAt(t.getStartOffset() + m.start(1) - 2);
                }
                t.setChars(t.getChars().subSequence(0, m.start()));
            }
        }
        String text = plainText(h).strip();
        String id;
        if (explicit != null) {
            if (!HeadingIds.VALID.matcher(explicit).matches()) {
                state.diagnostics.error(
                        state.request.display(),
                        line,
                        1,
                        "heading id \"" + explicit + "\" is not valid",
                        "use ASCII letters, digits and hyphens, starting with a letter, e.g. {#basic-info}");
            }
            String usedBy = state.idUsedBy(explicit);
            if (usedBy != null) {
                state.diagnostics.error(
                        state.request.display(),
                        line,
                        explicitColumn,
                        "heading id \"" + explicit + "\" is used twice on this page (" + usedBy + ")",
                        "give this heading another id, such as {#" + state.freeIdLike(explicit) + "}");
            }
            id = state.headingIds.claim(explicit, line);
        } else {
            id = state.headingIds.claim(HeadingIds.slugify(text), line);
        }
        state.headingNodeIds.put(h, id);
        state.ids.add(id);
        state.headings.add(new OutlineHeading(h.getLevel(), text, id, line, state.request.markJapanese()));
        state.lastHeadingId = id;
        if (h.getLevel() <= 3) {
            state.section = id;
        }
        state.structure(StructureKind.heading(h.getLevel()), id, line);
    }

    /** The text of a heading's inline content (text, code, link text), without markup. */
    private static String plainText(Node node) {
        StringBuilder sb = new StringBuilder();
        for (Node n : node.getDescendants()) {
            if (n instanceof Text || n instanceof Code || n instanceof HtmlEntity) {
                sb.append(n instanceof Code c ? c.getText() : NodeHtml.plain(n.getChars()));
            } else if (n instanceof SoftLineBreak) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }
}
