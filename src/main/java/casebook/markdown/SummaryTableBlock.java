package casebook.markdown;

import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code :::summary-table}, a table of row headings and cells written as one list: each top-level item's
 * first paragraph is a row heading, and what is nested under it is the row's cell.
 */
final class SummaryTableBlock implements Block<SummaryTableBlock.SummaryTable> {

    /** The table: the heading that names it ("" when none) and its rows. */
    record SummaryTable(String labelledBy, List<Row> rows) {}

    /** One row: its heading and its cell, as HTML. */
    record Row(String headHtml, String cellHtml) {}

    @Override
    public String name() {
        return "summary-table";
    }

    @Override
    public SummaryTable read(Segment.Container c, BlockContext ctx) {
        PageState st = ctx.state;
        String labelledBy = st.lastHeadingId;
        List<Row> rows = new ArrayList<>();
        for (Segment s : c.children()) {
            if (!(s instanceof Segment.Markdown m)) {
                continue;
            }
            ParsedSegment seg = ctx.parse(m);
            for (Node list = seg.doc.getFirstChild(); list != null; list = list.getNext()) {
                if (!(list instanceof BulletList)) {
                    st.diagnostics.error(
                            st.request.display(),
                            seg.line(list),
                            1,
                            "a summary table holds one list: a top-level item per row, with the row's points nested under it",
                            "indent the row's points by two spaces under \"- row heading\"");
                    continue;
                }
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    if (!(item instanceof ListItem)) {
                        continue;
                    }
                    StringBuilder head = new StringBuilder();
                    StringBuilder cell = new StringBuilder();
                    for (Node part = item.getFirstChild(); part != null; part = part.getNext()) {
                        if (part instanceof Paragraph && head.length() == 0) {
                            head.append(ctx.paragraphContent(seg, part));
                        } else {
                            cell.append(ctx.html(seg, part));
                        }
                    }
                    rows.add(new Row(head.toString(), cell.toString()));
                }
            }
        }
        st.structure(StructureKind.TABLE, String.valueOf(rows.size()), c.line());
        return new SummaryTable(labelledBy, rows);
    }
}
