package casebook.markdown;

/** A dialogue speaker from a page's participants block: the mark shown before each turn and the label read out. */
record Speaker(String mark, String label) {}
