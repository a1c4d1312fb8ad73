package casebook.markdown;

import java.util.List;
import java.util.Set;

/**
 * {@code :::figure caption}, a figure of the printed edition: its caption, the notice that the figure
 * itself is not reproduced, and its body: the figure's words, or a sentence saying that the source does not
 * give them, then its {@code :::credit}. A body with nothing but a credit (or a note) is a warning: the reader
 * would get neither the figure nor its words, only where it came from.
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
