package casebook.serve;

import casebook.cli.Console;
import casebook.pipeline.BuildOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** A {@link DevServer} for tests in other packages: its port, its waiting polls, a hook run before every rebuild. */
public final class DevServerProbe implements AutoCloseable {
    public static final int THREADS = DevServer.THREADS;
    public static final int MAX_WAITERS = DevServer.MAX_WAITERS;
    public static final int REQUEST_SECONDS = DevServer.REQUEST_SECONDS;
    public static final long DEFAULT_QUIET_MILLIS = DevServer.QUIET_MILLIS;

    private final DevServer server;

    /** @param beforeBuild runs before every rebuild with the changed paths; what it throws is what the rebuild throws */
    public DevServerProbe(BuildOptions options, Console console, long quietMillis, Consumer<List<Path>> beforeBuild)
            throws IOException {
        server = new DevServer(options, 0, console, quietMillis, beforeBuild);
    }

    public int port() {
        return server.port();
    }

    public long version() {
        return server.version();
    }

    public int waiting() {
        return server.waiting();
    }

    @Override
    public void close() {
        server.close();
    }
}
