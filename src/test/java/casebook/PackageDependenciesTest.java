package casebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Package dependencies point one way, along the order the build runs in (docs/architecture.md): a
 * package may use only packages before it in {@link #RUN_ORDER}. And no class but {@link Main} and the
 * one that sequences the stages ({@code casebook.pipeline.Build}) refers to classes in more than
 * {@link #MAX_PACKAGES} other casebook packages. Read from the sources (imports and fully qualified
 * names outside comments), so no library is needed.
 */
class PackageDependenciesTest {
    /** The packages in run order; {@code casebook} itself (Main) may use any of them. */
    static final List<String> RUN_ORDER = List.of(
            "diag",
            "safety",
            "text",
            "source",
            "frontmatter",
            "markdown",
            "site",
            "check",
            "theme",
            "output",
            "search",
            "booklet",
            "publish",
            "pipeline",
            "serve",
            "cli");

    static final int MAX_PACKAGES = 5;

    /** The classes allowed to know every stage: the entry point and the class that sequences the stages. */
    static final Set<String> SEQUENCERS = Set.of("casebook.Main", "casebook.pipeline.Build");

    /** Known exceptions, each with its reason; the list may only shrink (it is empty). */
    static final Map<String, Integer> KNOWN_WIDE = Map.of();

    private static final Path MAIN = Path.of("src/main/java");
    /** A class named with its package ({@code casebook.site.Page}), or a whole package imported ({@code casebook.site.*}). */
    private static final Pattern REFERENCE = Pattern.compile("\\bcasebook((?:\\.[a-z][a-z0-9]*)*)\\.(?:[A-Z]|\\*)");
    /**
     * Comments, and the string and character literals that could hide or fake one ({@code "http://"} is no comment),
     * read left to right: a text block, a string, a character, a line comment, a block comment.
     */
    private static final Pattern NOT_CODE = Pattern.compile(
            "\"\"\"[\\s\\S]*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\])'|//[^\\n]*|/\\*[\\s\\S]*?\\*/");

    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

    @Test
    void everyPackageUsesOnlyPackagesEarlierInTheRunOrder() throws IOException {
        Map<String, Set<String>> sources = scan();
        assertTrue(sources.size() > 50, "the scan found the main sources: " + sources.size());
        assertEquals(List.of(), againstRunOrder(sources));
    }

    @Test
    void noClassReachesIntoMoreThanFiveOtherPackages() throws IOException {
        Map<String, Set<String>> sources = scan();
        List<String> wide = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : sources.entrySet()) {
            int max = KNOWN_WIDE.getOrDefault(e.getKey(), MAX_PACKAGES);
            if (!SEQUENCERS.contains(e.getKey()) && e.getValue().size() > max) {
                wide.add(e.getKey() + " uses " + e.getValue().size() + " packages: " + e.getValue());
            }
        }
        assertEquals(List.of(), wide);
        assertTrue(
                sources.get("casebook.pipeline.Build").containsAll(Set.of("casebook.source", "casebook.output")),
                "the scan sees Build's packages");
    }

    @Test
    void aPackageUsingALaterOneIsReportedAndCommentsDoNotCount() {
        Map<String, Set<String>> sources = new TreeMap<>();
        sources.put("casebook.markdown.X", references("""
                package casebook.markdown;
                import casebook.diag.Diagnostics;
                import casebook.theme.PageRenderer;
                /** {@link casebook.pipeline.Build} */
                class X { casebook.site.Page p; // casebook.cli.Console
                }
                """));
        assertEquals(Set.of("casebook.diag", "casebook.theme", "casebook.site"), sources.get("casebook.markdown.X"));
        assertEquals(
                List.of(
                        "casebook.markdown.X uses casebook.site, later in the run order",
                        "casebook.markdown.X uses casebook.theme, later in the run order"),
                againstRunOrder(sources));
    }

    @Test
    void aWholePackageImportedAndANameAfterAStringCountButStringsDoNot() {
        Set<String> used = references("""
                package casebook.markdown;
                import casebook.cli.*;
                class X {
                    String u = "http://example.org/"; casebook.serve.ServeLog log;
                    char q = '"'; casebook.output.OutputTree out;
                    String s = "casebook.booklet.Booklet /* not a comment";
                    String t = \"""
                        casebook.publish.Csv
                        \""";
                }
                """);
        assertEquals(Set.of("casebook.cli", "casebook.serve", "casebook.output"), used);
    }

    private static List<String> againstRunOrder(Map<String, Set<String>> sources) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : sources.entrySet()) {
            String own = top(e.getKey().substring(0, e.getKey().lastIndexOf('.')));
            if (own.isEmpty()) {
                continue;
            } // Main
            int at = RUN_ORDER.indexOf(own);
            if (at < 0) {
                problems.add(e.getKey() + " is in a package missing from RUN_ORDER");
                continue;
            }
            for (String used : e.getValue()) {
                String u = top(used);
                int i = RUN_ORDER.indexOf(u);
                if (u.isEmpty() || i < 0 || i > at) {
                    problems.add(e.getKey() + " uses " + used + ", later in the run order");
                }
            }
        }
        return problems;
    }

    /** "markdown" for casebook.markdown and its sub-packages; "" for casebook itself. */
    private static String top(String pkg) {
        String rest = pkg.equals("casebook") ? "" : pkg.substring("casebook.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** Each main class (by qualified name) with the other casebook packages it refers to. */
    private static Map<String, Set<String>> scan() throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve("casebook"))) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = f.getFileName().toString().replace(".java", "");
                if (name.equals("package-info")) {
                    continue;
                }
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Matcher pkg = PACKAGE.matcher(text);
                assertTrue(pkg.find(), f + " has a package line");
                out.put(pkg.group(1) + "." + name, references(text));
            }
        }
        return out;
    }

    /** The casebook packages other than its own that a source file refers to. */
    static Set<String> references(String source) {
        Matcher pkg = PACKAGE.matcher(source);
        String own = pkg.find() ? pkg.group(1) : "";
        Set<String> used = new TreeSet<>();
        Matcher m = REFERENCE.matcher(NOT_CODE.matcher(source).replaceAll(" "));
        while (m.find()) {
            String p = "casebook" + m.group(1);
            if (!p.equals(own)) {
                used.add(p);
            }
        }
        return used;
    }
}
