package casebook.cli;

/**
 * A mistake on the command line (exit code 2). {@link #showUsage()} says whether the whole usage text helps: it
 * does after an unknown command or option, not after a bad value of a known option, whose message says all.
 */
public final class UsageException extends Exception {
    private final boolean showUsage;

    public UsageException(String message) {
        this(message, false);
    }

    public UsageException(String message, boolean showUsage) {
        super(message);
        this.showUsage = showUsage;
    }

    public boolean showUsage() {
        return showUsage;
    }
}
