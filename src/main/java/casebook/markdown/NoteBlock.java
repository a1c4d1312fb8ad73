package casebook.markdown;

/** {@code :::note}, a note set apart from the running text (Markdown inside). */
final class NoteBlock implements Block<NoteBlock.Note> {

    record Note(String bodyHtml) {}

    @Override
    public String name() {
        return "note";
    }

    @Override
    public Note read(Segment.Container c, BlockContext ctx) {
        ctx.state.structure(StructureKind.NOTE, null, c.line());
        return new Note(ctx.render(c.children()));
    }
}
