package casebook.diag;

/** How bad a diagnostic is. Errors fail the build; warnings fail it only in strict mode. */
public enum Severity {
    ERROR("error"), WARNING("warning");

    private final String label;

    Severity(String label) { this.label = label; }

    public String label() { return label; }
}
