package casebook.markdown;

/** {@code :::credit}, the source of a figure or quotation (Markdown inside). */
final class CreditBlock implements Block<CreditBlock.Credit> {

    record Credit(String bodyHtml) {}

    @Override
    public String name() {
        return "credit";
    }

    @Override
    public Credit read(Segment.Container c, BlockContext ctx) {
        ctx.state.structure(StructureKind.CREDIT, null, c.line());
        return new Credit(ctx.render(c.children()));
    }
}
