package casebook.markdown;

/**
 * {@code :::figure caption}, a figure of the printed edition: its caption, the notice that the figure
 * itself is not reproduced, and its body (usually a {@code :::credit}).
 */
final class FigureBlock implements Block<FigureBlock.Figure> {

    /** The caption ("" when none), the notice, and the body. */
    record Figure(String captionHtml, String omitted, String bodyHtml) {}

    @Override
    public String name() {
        return "figure";
    }

    @Override
    public Figure read(Segment.Container c, BlockContext ctx) {
        ctx.state.structure(StructureKind.FIGURE, null, c.line());
        String caption = c.title().isEmpty() ? "" : ctx.inline(c.title(), c.line());
        return new Figure(caption, ctx.request().message("figure.omitted"), ctx.render(c.children()));
    }
}
