package casebook.markdown;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of custom blocks: container name to {@link Block}. To add a block, write its class (a
 * model record and a {@code read} method), list it here, add {@code templates/blocks/<name>.ftlh} to the
 * theme and a section to the content guide (docs/architecture.md, "Adding a block").
 */
final class Blocks {
    static final Blocks ALL = new Blocks(List.of(
            new KeyPointBlock(),
            new BasicInfoBlock(),
            new SummaryTableBlock(),
            new FigureBlock(),
            new NoteBlock(),
            new CreditBlock(),
            new InfoCardBlock(),
            new ParticipantsBlock(),
            new DialogueBlock(),
            new PageResultsBlock()));

    private final Map<String, Block<?>> byName = new LinkedHashMap<>();

    private Blocks(List<Block<?>> blocks) {
        for (Block<?> b : blocks) {
            byName.put(b.name(), b);
        }
    }

    /** The container names, in the order the content guide lists them. */
    List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /**
     * Reads a container with its block and writes the model with the theme's markup. A container no block
     * knows (already reported by the splitter) keeps its body, rendered as Markdown.
     */
    void render(Segment.Container c, BlockContext context, BlockMarkup markup, StringBuilder out) {
        Block<?> block = byName.get(c.name());
        if (block == null) {
            context.render(c.children(), out);
            return;
        }
        Record model = block.read(c, context);
        if (model != null) {
            markup.write(block.name(), BlockView.of(model), out, context.state.diagnostics);
        }
    }
}
