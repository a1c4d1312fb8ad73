package casebook.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps test runs quiet: what a test prints to System.out and System.err (the expected error messages and usage
 * text of the command-line tests, for instance) is captured, dropped when the test passes, and printed with the
 * test's name when it fails, so nothing useful is lost. Registered for every test through JUnit's extension
 * auto-detection (META-INF/services/org.junit.jupiter.api.extension.Extension, switched on in
 * junit-platform.properties). Output of class-level set-up and tear-down (e.g. the browser gates' [SKIPPED] and
 * [QA] lines) is not captured. Run with -Dcasebook.test.output=show to see everything.
 */
public final class QuietOutput implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(QuietOutput.class);

    private record Saved(PrintStream out, PrintStream err, ByteArrayOutputStream buffer) {}

    @Override
    public void beforeEach(ExtensionContext ctx) {
        if ("show".equals(System.getProperty("casebook.test.output"))) {
            return;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        ctx.getStore(NS).put("saved", new Saved(System.out, System.err, buffer));
        System.setOut(capture);
        System.setErr(capture);
    }

    @Override
    public void afterEach(ExtensionContext ctx) {
        Saved s = ctx.getStore(NS).remove("saved", Saved.class);
        if (s == null) {
            return;
        }
        System.out.flush();
        System.err.flush();
        System.setOut(s.out());
        System.setErr(s.err());
        if (ctx.getExecutionException().isPresent() && s.buffer().size() > 0) {
            s.err()
                    .println("---- output of " + ctx.getDisplayName() + " in "
                            + ctx.getRequiredTestClass().getSimpleName() + " ----");
            s.err().print(s.buffer().toString(StandardCharsets.UTF_8));
            s.err().println("---- end of output ----");
        }
    }
}
