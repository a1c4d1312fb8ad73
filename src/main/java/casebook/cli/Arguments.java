package casebook.cli;

import casebook.frontmatter.SiteConfig;
import casebook.pipeline.BuildOptions;
import casebook.safety.UrlPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Parsed command line: the command, the build options, and the command's own words. */
public record Arguments(
        String command, BuildOptions options, boolean quiet, int port, List<String> words, String after) {

    public static final String USAGE = """
            usage: casebook <command> [options]
              (through Maven: mvn compile exec:java -Dexec.args="<command> [options]")

            commands:
              build                 build content/ into site/ (the default)
              check                 run the whole build in memory and report every problem; writes nothing
              serve [--port N]      build, serve on http://127.0.0.1:1313/ and rebuild on every saved change
              new case <slug> [--after SLUG]
                                    scaffold a case study (index.ja.md, index.en.md, data.yaml) and add it to the
                                    order after SLUG (default: after the last page of its group); replace every
                                    TODO(…) before publishing, and delete index.en.md for a Japanese-only page
              new page <slug> [--after SLUG]
                                    scaffold a plain page (default: before the pages about the site)
              new translation <slug>
                                    scaffold index.en.md of an existing page from its Japanese original: the same
                                    headings ({#ids}) and containers, each text to translate marked TODO(translate)
              mark-translated <slug>... | --all
                                    record that the translations of these pages (--all: of every page) match
                                    the current original (after re-translating; clears the staleness warnings)
              help                  this text (also --help)

            options:
              --content DIR         content folder (default: content)
              --out DIR             output folder (default: site); replaced as a whole by a complete, successful build,
                                    so it must be new, empty or made by casebook, and outside the content and themes
              --theme NAME          theme under themes/ (default: site.yaml's theme, else default)
              --themes DIR          folder holding the themes (default: themes)
              --base-url URL        absolute URL the site is published at (canonical links, sitemap)
              --drafts              include pages with draft: true, and report placeholders left from a
                                    scaffold (TODO(…)) as warnings instead of errors (serve always does the latter)
              --strict              warnings fail the build too (translation parity, staleness, glossary)
              --quiet               print only problems
              --threads N           worker threads (default: number of cores)
              --bundle              build: also write the portal bundle <out>.zip beside the output folder
                                    (the site, its data, SHA256SUMS and PAGE-WEIGHT.txt; reproducible)
              --pdf, --no-pdf       make the PDF booklets <lang>/<name>.pdf, or not (default: when site.yaml
                                    has pdf: <name>; serve makes them only with --pdf)
              --pdf-font FILE       the TrueType Japanese font of the PDF booklets (default: BIZ UDGothic or
                                    IPAex Gothic, found on the system)

            exit codes: 0 success, 1 content errors, 2 usage errors, 3 internal error (a bug: please report it)
            """;

    /** What follows a usage error whose message says all, instead of the whole usage text. */
    public static final String HELP_HINT = "(every command and option: mvn compile exec:java -Dexec.args=\"help\")";

    public static Arguments parse(String[] args) throws UsageException {
        String command = "build";
        BuildOptions o = BuildOptions.defaults();
        boolean quiet = false;
        int port = 1313;
        String after = null;
        List<String> words = new ArrayList<>();
        int i = 0;
        if (args.length > 0 && !args[0].startsWith("-")) {
            command = args[i++];
        }
        if (!List.of("build", "check", "serve", "new", "mark-translated", "help")
                .contains(command)) {
            throw new UsageException("unknown command \"" + command + "\"", true);
        }
        for (; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--content" -> o = o.withContent(Path.of(value(args, ++i, a)));
                case "--out" -> o = o.withOut(Path.of(value(args, ++i, a)));
                case "--theme" -> o = o.withTheme(themeName(value(args, ++i, a)));
                case "--themes" -> o = o.withThemes(Path.of(value(args, ++i, a)));
                case "--base-url" -> o = o.withBaseUrl(absoluteUrl(value(args, ++i, a)));
                case "--drafts" -> o = o.withDrafts(true);
                case "--strict" -> o = o.withStrict(true);
                case "--bundle" -> o = o.withBundle(true);
                case "--quiet", "-q" -> quiet = true;
                case "--threads" -> o = o.withThreads(threads(number(value(args, ++i, a), a)));
                case "--pdf" -> o = o.withPdf(new BuildOptions.Pdf(true, o.pdf().font()));
                case "--no-pdf" ->
                    o = o.withPdf(new BuildOptions.Pdf(false, o.pdf().font()));
                case "--pdf-font" ->
                    o = o.withPdf(new BuildOptions.Pdf(o.pdf().wanted(), fontFile(value(args, ++i, a))));
                case "--port" -> port = number(value(args, ++i, a), a);
                case "--after" -> after = value(args, ++i, a);
                case "--help", "-h" -> command = "help";
                case "--all" -> words.add(a);
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("unknown option \"" + a + "\"", true);
                    }
                    words.add(a);
                }
            }
        }
        if (List.of("build", "check", "serve").contains(command) && !words.isEmpty()) {
            throw new UsageException(command + " takes only options, not \"" + String.join(" ", words) + "\"", true);
        }
        if (after != null && !command.equals("new")) {
            throw new UsageException("--after is an option of new case and new page only", true);
        }
        if (o.bundle() && !command.equals("build")) {
            throw new UsageException("--bundle is an option of build only", true);
        }
        if (List.of("build", "check", "serve").contains(command)) {
            String why = themesProblem(o.content(), o.themes());
            if (why != null) {
                throw new UsageException(why);
            }
        }
        if (command.equals("check")) {
            o = o.withWrite(false);
        }
        if (command.equals("serve") && o.pdf().wanted() == null) {
            o = o.withPdf(new BuildOptions.Pdf(false, o.pdf().font()));
        }
        return new Arguments(command, o, quiet, port, List.copyOf(words), after);
    }

    /**
     * The options an editor gave, as typed, without the command and without {@code --port N}: what a hint that
     * names another port repeats, so following it keeps every other choice ({@code --drafts}, {@code --content}).
     * A word holding a space or a quote is written in single quotes.
     */
    public static List<String> optionsWithoutPort(String[] args) {
        List<String> out = new ArrayList<>();
        int i = args.length > 0 && !args[0].startsWith("-") ? 1 : 0;
        for (; i < args.length; i++) {
            if (args[i].equals("--port")) {
                i++;
                continue;
            }
            String w = args[i];
            out.add(w.isEmpty() || w.matches(".*[\\s'\"].*") ? "'" + w.replace("'", "'\\''") + "'" : w);
        }
        return out;
    }

    /** An absolute URL, or "" for none (relative links even when site.yaml names a base_url). */
    private static String absoluteUrl(String url) throws UsageException {
        if (!url.isEmpty() && !SiteConfig.isAbsoluteUrl(url)) {
            throw new UsageException(
                    "--base-url needs an absolute URL such as https://www.example.go.jp/casebook/, not \"" + url
                            + "\"");
        }
        if (!url.isEmpty() && !UrlPolicy.allows(url)) {
            throw new UsageException(UrlPolicy.message("--base-url", url));
        }
        if (SiteConfig.hasQueryOrFragment(url)) {
            throw new UsageException(SiteConfig.baseUrlWithQuery("--base-url", url));
        }
        return url;
    }

    /**
     * Why the themes folder cannot be used with this content folder, or null: a theme runs templates on every page,
     * so a folder editors control (the content folder, or one inside it) can never hold the themes, nor the content
     * lie inside the themes folder. Compared with symbolic links resolved, as {@code --out} is.
     */
    static String themesProblem(Path content, Path themes) {
        Path c = real(content);
        Path t = real(themes);
        String fix = " (fix: keep the themes in a folder of their own beside the content, e.g. --themes themes)";
        if (t.startsWith(c)) {
            return "--themes " + themes + " is or lies inside the content folder " + content
                    + ": a folder editors control can never hold themes" + fix;
        }
        if (c.startsWith(t)) {
            return "--content " + content + " lies inside the themes folder " + themes
                    + ": a folder editors control can never hold themes" + fix;
        }
        return null;
    }

    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            return abs; // not there (yet): the build reports a missing folder itself
        }
    }

    /** A theme is a folder of the themes folder, named plainly: no path can lead elsewhere. */
    private static String themeName(String name) throws UsageException {
        String problem = SiteConfig.themeNameProblem(name);
        if (problem != null) {
            throw new UsageException("--theme: " + problem + " (use --themes DIR for another themes folder)");
        }
        return name;
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value", true);
        }
        return args[i];
    }

    /**
     * The font file {@code --pdf-font} names: one that does not exist is a usage error, like any other bad option
     * (whether the font can set the booklet is the build's to say, with the fonts that can).
     */
    private static Path fontFile(String name) throws UsageException {
        Path p;
        try {
            p = Path.of(name);
        } catch (InvalidPathException e) {
            throw new UsageException("--pdf-font: \"" + name + "\" is not a file name");
        }
        if (!Files.isRegularFile(p)) {
            throw new UsageException("--pdf-font: no such font file \"" + name + "\""
                    + (Files.isDirectory(p) ? " (it is a folder)" : "")
                    + "; name a TrueType .ttf file such as BIZUDGothic-Regular.ttf or ipaexg.ttf,"
                    + " or leave the option out to use the one installed on the system");
        }
        return p;
    }

    /** A ForkJoinPool holds at most 32,767 workers; more would fail later with a bare exception. */
    private static int threads(int n) throws UsageException {
        if (n > 32767) {
            throw new UsageException(
                    "--threads takes at most 32767, not " + n + " (the default is the number of cores)");
        }
        return n;
    }

    private static int number(String v, String option) throws UsageException {
        try {
            int n = Integer.parseInt(v);
            if (n < 1 || n > 65535) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a positive whole number, not \"" + v + "\"");
        }
    }
}
