package casebook.output;

/**
 * casebook will not write to the output folder it was given: the folder is not casebook's to replace, or
 * another build is writing to it. A usage error (exit code 2 on the command line), raised before anything is
 * written; {@link #hint()} says what to do instead.
 */
public final class OutputRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    public OutputRefused(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }
}
