package casebook.serve;

import casebook.cli.Arguments;
import casebook.cli.Console;
import casebook.cli.UsageException;

/** Placeholder replaced below. */
public final class DevServer {
    private DevServer() { }

    public static int run(Arguments a, Console console) throws UsageException {
        throw new UsageException("serve is not available yet");
    }
}
