package casebook.markdown;

import java.util.Objects;

/**
 * One structural element of a page used to compare two languages: a heading, a list with its item
 * count, a table with its row count, a dialogue turn, a note... {@code section} is the id of the
 * heading it sits under; {@code detail} (the heading id, the count, the speaker) is null for a kind
 * that has none.
 */
public record StructureItem(String section, StructureKind kind, String detail, int line) {

    /** Whether the two items have the same kind and detail (wherever they are). */
    public boolean matches(StructureItem other) {
        return kind == other.kind && Objects.equals(detail, other.detail);
    }
}
