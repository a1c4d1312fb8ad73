package casebook;

import casebook.cli.Arguments;
import casebook.cli.Console;
import casebook.cli.MarkTranslated;
import casebook.cli.Scaffold;
import casebook.cli.UsageException;
import casebook.diag.Diagnostics;
import casebook.output.AtomicPublisher;
import casebook.output.OutputRefused;
import casebook.pipeline.Build;
import casebook.pipeline.BuildResult;
import casebook.publish.Bundle;
import casebook.serve.DevServer;
import java.nio.file.Path;

/** The command line: parses arguments, runs a command, maps the outcome to exit codes 0, 1 and 2. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Once, at process start, before any FreeMarker class loads: casebook reports template problems itself,
        // so FreeMarker must not configure whatever logger is on the classpath. (The tests set it in the pom.)
        if (System.getProperty("org.freemarker.loggerLibrary") == null) {
            System.setProperty("org.freemarker.loggerLibrary", "none");
        }
        System.exit(run(args));
    }

    public static int run(String[] args) {
        Arguments a;
        try {
            a = Arguments.parse(args);
        } catch (UsageException e) {
            System.err.println("casebook: " + e.getMessage());
            if (e.showUsage()) {
                System.err.println();
                System.err.print(Arguments.USAGE);
            } else {
                System.err.println(Arguments.HELP_HINT);
            }
            return 2;
        }
        Console console = new Console(System.out, System.err, a.quiet());
        try {
            return switch (a.command()) {
                case "help" -> {
                    System.out.print(Arguments.USAGE);
                    yield 0;
                }
                case "build", "check" -> build(a, console);
                case "serve" -> DevServer.run(a.options(), a.port(), console, Arguments.optionsWithoutPort(args));
                case "new" -> Scaffold.run(a, console);
                case "mark-translated" -> MarkTranslated.run(a, console);
                default -> 2;
            };
        } catch (UsageException e) {
            System.err.println("casebook: " + e.getMessage());
            return 2;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // the last net: every problem in the content is a diagnostic, so this is a bug or a limit casebook does
            // not know yet; one line an editor can act on, not a stack trace (the output was left as it was)
            System.err.println("casebook: internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null || e instanceof VirtualMachineError ? "" : ": " + e.getMessage())
                    + "; the site was left as it was. Run the same command with --no-pdf, or undo the last change,"
                    + " and report this with the content that causes it");
            return 3;
        }
    }

    private static int build(Arguments a, Console console) {
        // build: the output folder is checked and locked first; a folder that is not casebook's, or that another
        // build is writing to, is a usage error and nothing is written
        AtomicPublisher publisher = null;
        if (a.options().write() && a.options().bundle()) {
            // the same for the zip beside it: one casebook did not make is refused before anything is done
            Path zip = Bundle.pathFor(a.options().out());
            String why = Bundle.refusal(zip);
            if (why != null) {
                System.err.println("casebook: " + zip + ": " + why + Bundle.RULE + " (fix: " + Bundle.fix(zip) + ")");
                return 2;
            }
        }
        if (a.options().write()) {
            try {
                publisher = AtomicPublisher.open(
                        a.options().out(), a.options().content(), a.options().themes(), Path.of(""));
            } catch (OutputRefused e) {
                System.err.println("casebook: " + e.getMessage() + " (fix: " + e.hint() + ")");
                return 2;
            }
        }
        try {
            return build(a, console, publisher);
        } finally {
            if (publisher != null) {
                publisher.close();
            }
        }
    }

    /** Where the build wrote: the output folder, and the portal bundle beside it when one was written. */
    private static String outputs(Arguments a, BuildResult r) {
        return Console.outputs(
                a.options().out(),
                a.options().bundle() && r.published() && !r.diagnostics().hasErrors());
    }

    private static int build(Arguments a, Console console, AtomicPublisher publisher) {
        Diagnostics d = new Diagnostics();
        BuildResult r = publisher != null
                ? Build.into(publisher, a.options(), d, console::progress)
                : Build.run(a.options(), d, console::progress);
        console.diagnostics(d);
        String command = a.command(); // "build" or "check"
        boolean check = command.equals("check");
        String langs =
                r.site() == null ? "" : String.join(", ", r.site().config().languages());
        console.summary(command, check ? "checked" : "built", r, langs, check ? null : outputs(a, r));
        if (!d.hasErrors() && a.options().strict() && d.warningCount() > 0) {
            console.error(command + " failed: --strict and " + d.warningCount()
                    + (d.warningCount() == 1 ? " warning" : " warnings")
                    + (check ? "" : "; " + a.options().out() + " left as it was"));
            return 1;
        }
        return r.failed(a.options().strict()) ? 1 : 0;
    }
}
