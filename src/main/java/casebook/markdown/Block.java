package casebook.markdown;

/**
 * One kind of custom block ({@code :::name title} … {@code :::}): reads its container into a typed model.
 * The markup is the theme's ({@link BlockMarkup}, {@code templates/blocks/<name>.ftlh}); the model reaches
 * it as plain values ({@link BlockView}). A block reports mistakes in its container at their line through
 * the page's diagnostics, and records what the page's outline and structure need. Blocks are listed in
 * {@link Blocks}; adding one is a class here, a template in the theme and a section of the content guide.
 *
 * @param <M> the block's model, a record of strings, numbers, booleans, lists and records
 */
interface Block<M extends Record> {
    /** The container's name, after {@code :::}, and the name of its template. */
    String name();

    /** The model of one container, or null when nothing is shown (after reporting why). */
    M read(Segment.Container container, BlockContext context);
}
