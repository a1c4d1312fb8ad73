package casebook.markdown;

/**
 * One structural element of a page used to compare two languages: a heading, a list with its item
 * count, a table with its row count, a dialogue turn, a note... {@code section} is the id of the
 * heading it sits under.
 */
public record StructureItem(String section, String kind, String detail, int line) {

    public String signature() { return detail == null ? kind : kind + ":" + detail; }
}
