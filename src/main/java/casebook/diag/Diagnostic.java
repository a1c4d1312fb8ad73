package casebook.diag;

/**
 * One problem found in the input, with where it is and, when we know it, how to fix it.
 * Printed as {@code path:line:col: error: message (fix: hint)}.
 */
public record Diagnostic(Severity severity, SourcePosition at, String message, String hint) {

    @Override
    public String toString() {
        String text = at + ": " + severity.label() + ": " + message;
        return hint == null || hint.isEmpty() ? text : text + " (fix: " + hint + ")";
    }
}
