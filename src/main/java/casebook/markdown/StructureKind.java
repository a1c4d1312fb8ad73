package casebook.markdown;

import java.util.Locale;

/**
 * The kinds of structural item that translation parity compares ({@link StructureItem}); {@link #code()}
 * is the short name the parity messages use ("h2", "ol", "turn").
 */
public enum StructureKind {
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    UL,
    OL,
    TABLE,
    KEYPOINT,
    FIGURE,
    NOTE,
    CREDIT,
    INFOCARD,
    PARTICIPANTS,
    TURN;

    private final String code = name().toLowerCase(Locale.ROOT);

    public String code() {
        return code;
    }

    public boolean isHeading() {
        return ordinal() <= H6.ordinal();
    }

    /** The heading of a level from 1 to 6. */
    public static StructureKind heading(int level) {
        return values()[level - 1];
    }
}
