package casebook.markdown;

import java.util.Set;

/**
 * {@code :::figure caption}, a figure of the printed edition: its caption, the notice that the figure
 * itself is not reproduced, and its body: the figure's words, or a sentence saying that the source does not
 * give them, then its {@code :::credit}. A body with nothing but a credit (or a note) is a warning: the reader
 * would get neither the figure nor its words, only where it came from.
 */
final class FigureBlock implements Block<FigureBlock.Figure> {

    /** The caption ("" when none), the notice, and the body. */
    record Figure(String captionHtml, String omitted, String bodyHtml) {}

    /** The containers that say where a figure came from or qualify it, not what it shows. */
    private static final Set<String> ASIDES = Set.of("credit", "note");

    /** Whether the body holds no text of its own: only blank lines, credits and notes. */
    private static boolean onlyCreditOrNote(Segment.Container c) {
        for (Segment s : c.children()) {
            if (s instanceof Segment.Markdown m && !m.text().isBlank()) {
                return false;
            }
            if (s instanceof Segment.Container inner && !ASIDES.contains(inner.name())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String name() {
        return "figure";
    }

    @Override
    public Figure read(Segment.Container c, BlockContext ctx) {
        ctx.state.structure(StructureKind.FIGURE, null, c.line());
        if (onlyCreditOrNote(c)) {
            ctx.state.diagnostics.warning(
                    ctx.request().display(),
                    c.line(),
                    1,
                    "this figure shows only its credit: the figure is not reproduced, so a reader gets nothing"
                            + " of it",
                    "write the figure's words in the body, above its :::credit; if the source does not give them,"
                            + " say so in one sentence (as the collection's other figures do)");
        }
        String caption = c.title().isEmpty() ? "" : ctx.inline(c.title(), c.line());
        return new Figure(caption, ctx.request().message("figure.omitted"), ctx.render(c.children()));
    }
}
