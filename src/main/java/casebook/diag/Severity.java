package casebook.diag;

/**
 * How bad a diagnostic is. Errors fail the build; warnings fail it only in strict mode; notes never
 * fail it: they tell the editor something worth knowing about valid content (a page not yet
 * translated). Declared from the worst to the mildest: the order in which problems are kept and listed.
 */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    NOTE("note");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
