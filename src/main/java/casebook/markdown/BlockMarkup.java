package casebook.markdown;

import casebook.diag.Diagnostics;
import java.util.Map;

/**
 * Writes the markup of a custom block. The Markdown stage parses each fenced container into its block's
 * model and hands the model, as plain values ({@link BlockView}), to this; the theme stage implements it
 * with one template per block ({@code templates/blocks/<block>.ftlh}), so the markup of every block is the
 * theme's. Defined here, implemented later in the run order: the Markdown stage never sees the theme.
 */
public interface BlockMarkup {
    /**
     * Appends the markup of block {@code block} showing {@code view} to {@code out}; a problem in the
     * markup (a template error) is reported to {@code d} and leaves {@code out} as it was.
     *
     * @param view the block's model as plain values: strings, numbers, booleans, lists and maps of them;
     *             a key ending in {@code Html} holds HTML the Markdown stage made safe, every other string is text
     */
    void write(String block, Map<String, Object> view, StringBuilder out, Diagnostics d);

    /** For a renderer that is given no theme (the warm-up): a page with a block is a wiring mistake. */
    BlockMarkup NONE = (block, view, out, d) -> {
        throw new IllegalStateException("no block markup for :::" + block + " (MarkdownRenderer.withBlocks)");
    };
}
