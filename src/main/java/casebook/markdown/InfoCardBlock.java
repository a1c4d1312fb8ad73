package casebook.markdown;

import com.vladsch.flexmark.ext.definition.DefinitionTerm;
import com.vladsch.flexmark.util.ast.Node;
import java.util.List;

/** {@code :::infocard title}, a titled card of facts, usually a definition list. */
final class InfoCardBlock implements Block<InfoCardBlock.InfoCard> {

    /** The card: its id, title and body. */
    record InfoCard(String id, String titleHtml, String bodyHtml) {}

    @Override
    public String name() {
        return "infocard";
    }

    @Override
    public InfoCard read(Segment.Container c, BlockContext ctx) {
        PageState st = ctx.state;
        String id = st.claimId("infocard");
        String title = ctx.inline(c.title(), c.line());
        StringBuilder body = new StringBuilder();
        int terms = 0;
        for (Segment s : c.children()) {
            if (s instanceof Segment.Markdown m) {
                ParsedSegment seg = ctx.parse(m);
                for (Node n : seg.doc.getDescendants()) {
                    if (n instanceof DefinitionTerm) {
                        terms++;
                    }
                }
                body.append(ctx.html(seg, seg.doc));
            } else {
                ctx.render(List.of(s), body);
            }
        }
        st.structure(StructureKind.INFOCARD, String.valueOf(terms), c.line());
        if (c.title().isEmpty()) {
            st.diagnostics.error(
                    st.request.display(),
                    c.line(),
                    1,
                    "the info card has no title",
                    "write the title after the opener: \":::infocard <title>\"");
            return null;
        }
        return new InfoCard(id, title, body.toString());
    }
}
