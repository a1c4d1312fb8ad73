package casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.Main;
import casebook.testing.SiteFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The editor's loop on a copy of the real content: {@code new case midorino}, the Japanese page and the
 * data written over the scaffold's placeholders, the English scaffold deleted (a Japanese-only case).
 * {@code check --strict} is then clean, and every check the real content passes holds for the copy: the
 * collection's ({@link CollectionChecks}) and the publishing gate's on the output ({@link GateChecks}: the
 * accessibility statement names every page, nothing script-capable, no figure with only its credit, the booklet's
 * contents however long), which {@link CollectionChecks#all()} runs.
 */
class NewCaseOnACopyTest {
    @TempDir
    Path tmp;

    @Test
    void aJapaneseOnlyCaseAddedByNewCasePassesEveryCollectionCheck() throws IOException {
        Path content = copy(Path.of("content"), tmp.resolve("content"));
        // a slug the collection does not use yet (the real content may hold a case of that name one day)
        String slug = freeSlug(content);
        String before = Files.readString(content.resolve("site.yaml"));
        Output scaffold = run("new", "case", slug, "--content", content.toString());
        assertEquals(0, scaffold.code(), scaffold.text());
        // an untouched scaffold is refused
        Output untouched = run("check", "--strict", "--content", content.toString());
        assertEquals(1, untouched.code(), untouched.text());
        assertTrue(untouched.text().contains(slug + "/index.ja.md:2:8: error: placeholder"), untouched.text());

        Path page = content.resolve(slug + "/index.ja.md");
        Files.writeString(
                page,
                Files.readString(page).replace("TODO(○○県○○市)", "埼玉県みどり野市").replaceAll("TODO\\(([^)\n]*)\\)", "$1"));
        Path data = content.resolve(slug + "/data.yaml");
        Files.writeString(
                data,
                Files.readString(data).replaceAll("\\s*# TODO\\([^)\n]*\\)", "").replace("value: 0", "value: 48213"));
        Files.delete(content.resolve(slug + "/index.en.md"));

        Output strict = run("check", "--strict", "--content", content.toString());
        assertEquals(0, strict.code(), strict.text());
        assertTrue(
                strict.text().contains(slug + "/index.ja.md:1:1: note: not yet translated: " + slug + " (en)"),
                strict.text());
        // the accessibility statement has no results for the new page yet: listed as not yet tested, and noted
        assertTrue(
                strict.text()
                        .lines()
                        .anyMatch(l -> l.contains("note: not yet tested: ")
                                && l.contains("ja/" + slug + "/index.html")
                                && l.contains("cp target/qa/results.yaml")),
                strict.text());

        // the new case follows the last case of its group in the order
        List<Object> order = CollectionChecks.list(
                new Yaml().<Object>load(Files.readString(content.resolve("site.yaml"))) instanceof Map<?, ?> m
                        ? m.get("order")
                        : null);
        List<Object> was = CollectionChecks.list(
                new Yaml().<Map<String, Object>>load(before).get("order"));
        assertEquals(was.size() + 1, order.size());
        int at = order.indexOf(slug);
        assertTrue(at > 0, order.toString());
        assertEquals("cases", group(content, String.valueOf(order.get(at - 1))), "placed after a case: " + order);
        for (int i = at + 1; i < order.size(); i++) {
            assertFalse(
                    "cases".equals(group(content, String.valueOf(order.get(i)))),
                    "placed after the last case: " + order);
        }

        CollectionChecks checks = new CollectionChecks(content, tmp.resolve("site"));
        assertTrue(checks.pages.stream().anyMatch(p -> p.slug().equals(slug) && p.in("ja") && !p.in("en")));
        checks.all();
        assertEquals(
                List.of(), SourceFidelityTest.missing(content, tmp.resolve("site-fidelity")), "source text missing");
    }

    /**
     * A scaffold whose placeholders are all written over, in both languages, passes {@code check --strict}
     * against the collection's own glossary: the scaffold's fixed words must not break a glossary rule.
     */
    @Test
    void aFilledBilingualScaffoldPassesTheStrictCheck() throws IOException {
        Path content = copy(Path.of("content"), tmp.resolve("content"));
        String slug = freeSlug(content);
        assertEquals(
                0, run("new", "case", slug, "--content", content.toString()).code());
        for (String name : List.of("index.ja.md", "index.en.md")) {
            Path page = content.resolve(slug).resolve(name);
            Files.writeString(page, Files.readString(page).replaceAll("TODO\\(([^)\n]*)\\)", "$1"));
        }
        Path data = content.resolve(slug + "/data.yaml");
        Files.writeString(
                data,
                Files.readString(data).replaceAll("\\s*# TODO\\([^)\n]*\\)", "").replace("value: 0", "value: 48213"));
        Output strict = run("check", "--strict", "--content", content.toString());
        assertEquals(0, strict.code(), strict.text());
    }

    private static String freeSlug(Path content) {
        String slug = "midorino";
        for (int n = 2; Files.exists(content.resolve(slug)); n++) {
            slug = "midorino-" + n;
        }
        return slug;
    }

    private static String group(Path content, String slug) {
        String text = SiteFixture.read(content.resolve(slug).resolve("index.ja.md"));
        return text.lines()
                .takeWhile(l -> !l.equals("---") || text.startsWith(l))
                .filter(l -> l.startsWith("group:"))
                .map(l -> l.substring(6).strip())
                .findFirst()
                .orElse(null);
    }

    record Output(int code, String text) {}

    /** Runs the command line with its output captured. */
    static Output run(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream err = System.err;
        PrintStream out = System.out;
        PrintStream to = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        System.setErr(to);
        System.setOut(to);
        try {
            return new Output(
                    Main.run(args), buffer.toString(StandardCharsets.UTF_8).replace('\\', '/'));
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
