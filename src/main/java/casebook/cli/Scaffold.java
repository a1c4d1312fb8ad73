package casebook.cli;

/** Placeholder replaced below. */
public final class Scaffold {
    private Scaffold() { }

    public static int run(Arguments a, Console console) throws UsageException {
        throw new UsageException("new is not available yet");
    }
}
