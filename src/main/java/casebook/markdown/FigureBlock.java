package casebook.markdown;

import java.util.List;

/**
 * {@code :::figure caption}, a figure of the printed edition: its caption, the notice that the figure
 * itself is not reproduced, and its body (usually a {@code :::credit}).
 *
 * <p>A figure without a caption is named by what is true of it: the section it sits in, the nearest heading of
 * level 2 or 3 above it ({@code figure.in_section}: 「「2. 庁内の保健師の配置状況」の図」, "Figure in section "2. …"").
 * Nothing is made up: without such a heading the figure has no label.
 */
final class FigureBlock implements Block<FigureBlock.Figure> {

    /**
     * The caption ("" when none); the label naming the figure by its section ("" when it has a caption, or no
     * heading of level 2 or 3 precedes it); the notice; the body.
     */
    record Figure(String captionHtml, String labelHtml, String omitted, String bodyHtml) {}

    @Override
    public String name() {
        return "figure";
    }

    @Override
    public Figure read(Segment.Container c, BlockContext ctx) {
        ctx.state.structure(StructureKind.FIGURE, null, c.line());
        String caption = c.title().isEmpty() ? "" : ctx.inline(c.title(), c.line());
        String label = caption.isEmpty() ? sectionLabel(ctx) : "";
        return new Figure(caption, label, ctx.request().message("figure.omitted"), ctx.render(c.children()));
    }

    /** The label of a figure without a caption: its section's heading in the theme's words, or "" when none. */
    private static String sectionLabel(BlockContext ctx) {
        List<OutlineHeading> headings = ctx.state.headings;
        for (int i = headings.size() - 1; i >= 0; i--) {
            OutlineHeading h = headings.get(i);
            if (h.level() <= 3) {
                String pattern = ctx.request().message("figure.in_section");
                return pattern.contains("{section}") ? pattern.replace("{section}", h.html()) : "";
            }
        }
        return "";
    }
}
