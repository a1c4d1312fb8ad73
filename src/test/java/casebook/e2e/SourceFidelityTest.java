package casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sentence, bullet, table cell, note, credit and dialogue line of the source publication appears
 * on the Japanese pages. Each source line is cut at tabs and spaces (table cells, names, the print
 * layout's list markers), and each piece must occur in the text of the built Japanese edition. Both
 * sides are NFKC-normalised and stripped of whitespace, so full-width and half-width forms compare equal.
 *
 * <p>This test is about the real content by nature (the source is the publication content/ edits), but
 * it names no page: it reads every Japanese page of the built site, so a page added, reordered or left
 * untranslated does not break it ({@link NewCaseOnACopyTest} runs it on a copy with a case added); only
 * text of the source removed from the Japanese edition does.
 */
class SourceFidelityTest {
    private static final Pattern MARKERS = Pattern.compile("^(- )?[・✓•▶]\\s*|^[司蓮川県保]\\s*[▶•]\\s*");
    private static final Pattern TAGS = Pattern.compile("</?(p|ul|li)( [^>]*)?>");

    @TempDir
    Path tmp;

    @Test
    void everyLineOfTheSourceAppearsOnTheJapanesePages() throws IOException {
        assertEquals(
                List.of(),
                missing(Path.of("content"), tmp.resolve("site")),
                "source text missing from the Japanese edition");
    }

    /** The pieces of the source text (with their line) that the Japanese edition built from {@code content} lacks. */
    static List<String> missing(Path content, Path out) throws IOException {
        BuildResult r = SiteFixture.build(content, out);
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        StringBuilder corpus = new StringBuilder();
        try (var s = Files.walk(out.resolve("ja"))) {
            for (Path p : s.filter(x -> x.toString().endsWith(".html")).sorted().toList()) {
                Document d = Jsoup.parse(p.toFile(), "UTF-8");
                d.select(".page-toc, .pager, .breadcrumbs, .figure__omitted").remove();
                corpus.append(d.body().text()).append('\n');
            }
        }
        return missingIn(corpus.toString());
    }

    /** The pieces of the source text (with their line) that {@code corpus} lacks (the PDF booklet's test uses it too). */
    static List<String> missingIn(String corpus) throws IOException {
        String text = normalise(corpus);
        List<String> missing = new ArrayList<>();
        List<String> lines =
                corrected(Files.readAllLines(Path.of("src/test/resources/seed/source.txt"), StandardCharsets.UTF_8));
        for (int i = 0; i < lines.size(); i++) {
            String line = TAGS.matcher(lines.get(i)).replaceAll(" ").strip();
            line = MARKERS.matcher(line).replaceFirst("");
            for (String piece : line.split("[\\t ・：]+")) {
                piece = MARKERS.matcher(piece).replaceFirst("");
                String n = normalise(piece);
                if (n.length() < 2 || n.matches("p\\d+")) {
                    continue;
                }
                if (!text.contains(n)) {
                    missing.add((i + 1) + ": " + piece);
                }
            }
        }
        return missing;
    }

    /** A deliberate correction of the source's own wording: on source line {@code line}, {@code from} became {@code to}. */
    record Correction(int line, String from, String to) {}

    private static final Pattern CORRECTION = Pattern.compile("(\\d+):\\s*(.+?)\\s*=>\\s*(.+?)\\s*");

    /**
     * The corrections recorded in {@code src/test/resources/seed/corrections.txt} ({@code LINE: as printed => as
     * published}, {@code #} comments): editors who correct a slip of the source publication record it there, so the
     * fidelity tests look for the corrected wording and still catch anything lost.
     */
    static List<Correction> corrections() throws IOException {
        Path f = Path.of("src/test/resources/seed/corrections.txt");
        List<Correction> out = new ArrayList<>();
        if (!Files.isRegularFile(f)) {
            return out;
        }
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            var m = CORRECTION.matcher(l);
            if (!m.matches()) {
                throw new IllegalStateException(f + ":" + (i + 1) + ": not \"LINE: as printed => as published\": " + l);
            }
            out.add(new Correction(Integer.parseInt(m.group(1)), m.group(2), m.group(3)));
        }
        return out;
    }

    /** The source's lines with the recorded corrections applied; a correction whose text is not on its line fails. */
    static List<String> corrected(List<String> source) throws IOException {
        return corrected(source, corrections());
    }

    static List<String> corrected(List<String> source, List<Correction> corrections) {
        List<String> lines = new ArrayList<>(source);
        for (Correction c : corrections) {
            String line = c.line() >= 1 && c.line() <= lines.size() ? lines.get(c.line() - 1) : "";
            if (!line.contains(c.from())) {
                throw new IllegalStateException("corrections.txt: source line " + c.line() + " does not contain \""
                        + c.from() + "\" (the line numbers are those of src/test/resources/seed/source.txt)");
            }
            lines.set(c.line() - 1, line.replace(c.from(), c.to()));
        }
        return lines;
    }

    @Test
    void aRecordedCorrectionReplacesTheSourcesWordingOnItsLineOnly() {
        List<String> src = List.of("知ってもらおうとともに", "知ってもらおうとともに");
        assertEquals(List.of("知ってもらうとともに", "知ってもらおうとともに"), corrected(src, List.of(new Correction(1, "もらおうと", "もらうと"))));
        assertThrows(IllegalStateException.class, () -> corrected(src, List.of(new Correction(2, "ないもの", "x"))));
    }

    static String normalise(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        return n.replaceAll("[\\s【】<>()]", "").replace("✓", "");
    }
}
