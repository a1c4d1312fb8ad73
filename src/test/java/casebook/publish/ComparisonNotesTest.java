package casebook.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A note the source attaches to a figure ("including dementia beds") travels with every rate computed from that
 * figure: marked by the rate in the chart and its table, explained under them, shown by the figure among the
 * inputs, and written into the comparison's CSV and JSON. Alpha and gamma count their beds with the same note
 * (one mark for both), beta (not translated) has a note on its population in Japanese only, and every date is of the same year, so
 * the only marks are the notes'.
 */
class ComparisonNotesTest {
    @TempDir
    static Path dir;

    static Path out;
    static BuildResult result;

    @BeforeAll
    static void build() {
        Path content = SiteFixture.write(dir.resolve("content"), """
                -- site.yaml --
                """ + SiteFixture.SITE_YAML + """
                order: [alpha, beta, gamma]
                -- alpha/index.ja.md --
                ---
                title: アルファ市
                ---
                :::basic-info
                :::
                -- alpha/index.en.md --
                ---
                title: Alpha City
                ---
                :::basic-info
                :::
                -- alpha/data.yaml --
                category: core-city
                basic_info:
                  - item: population
                    value: 600000
                    unit: people
                    as_of: 2024-10-01
                  - item: beds
                    value: 438
                    unit: beds
                    as_of: 2024-06-30
                    note:
                      ja: 認知症病床を含む
                      en: including dementia beds
                -- beta/index.ja.md --
                ---
                title: ベータ市
                ---
                :::basic-info
                :::
                -- beta/data.yaml --
                category: general-city
                basic_info:
                  - item: population
                    value: 50000
                    unit: people
                    as_of: 2024-01-01
                    note:
                      ja: 住民基本台帳による
                  - item: inpatients
                    value: 60
                    unit: people
                    as_of: 2024-06-30
                  - item: beds
                    value: 100
                    unit: beds
                    as_of: 2024-06-30
                -- gamma/index.ja.md --
                ---
                title: ガンマ市
                ---
                :::basic-info
                :::
                -- gamma/index.en.md --
                ---
                title: Gamma City
                ---
                :::basic-info
                :::
                -- gamma/data.yaml --
                category: general-city
                basic_info:
                  - item: population
                    value: 100000
                    unit: people
                    as_of: 2024-10-01
                  - item: inpatients
                    value: 80
                    unit: people
                    as_of: 2024-06-30
                  - item: beds
                    value: 90
                    unit: beds
                    as_of: 2024-06-30
                    note:
                      ja: 認知症病床を含む
                      en: including dementia beds
                """);
        out = dir.resolve("site");
        result = SiteFixture.build(content, out);
        assertEquals(List.of(), SiteFixture.errors(result), SiteFixture.messages(result));
    }

    static Document page(String lang) throws IOException {
        return Jsoup.parse(out.resolve(lang + "/compare/index.html").toFile(), "UTF-8");
    }

    /** The marks by a rate in the table's row {@code row} (1-based) of chart {@code item}. */
    static List<String> marks(Document doc, String item, int row) {
        return doc.select("#rate-" + item + "-table tbody tr:nth-child(" + row + ") .compare-table__mark").stream()
                .map(e -> e.ownText().strip())
                .toList();
    }

    @Test
    void aRateFromANotedFigureIsMarkedInTheTableAndTheChartAndTheNoteIsExplained() throws IOException {
        Document ja = page("ja");
        // beds: alpha (noted), beta (its population is noted), gamma (noted like alpha: the same mark)
        assertEquals(List.of("※1"), marks(ja, "beds", 1));
        assertEquals(List.of("※2"), marks(ja, "beds", 2));
        assertEquals(List.of("※1"), marks(ja, "beds", 3), "the same note on the same item: one mark");
        Element alpha = ja.selectFirst("#rate-beds-table tbody tr:nth-child(1) .compare-table__mark");
        assertTrue(alpha.selectFirst(".visually-hidden").text().contains("認知症病床を含む"), alpha.outerHtml());
        List<String> charted = ja.getElementById("rate-beds").parent().select("text.chart__value tspan").stream()
                .map(e -> e.text().strip())
                .toList();
        assertEquals(List.of("※1", "※2", "※1"), charted, "the chart carries the same marks");
        String desc =
                ja.getElementById("rate-beds").parent().selectFirst("svg desc").text();
        assertTrue(desc.contains("アルファ市（中核市）：73.0 ※1"), desc);
        List<String> notes = ja.getElementById("rate-beds")
                .parent()
                .select("p.compare__note")
                .eachText();
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(
                notes.get(0).startsWith("※1：")
                        && notes.get(0).contains("アルファ市、ガンマ市の精神科病床数")
                        && notes.get(0).contains("認知症病床を含む"),
                notes.get(0));
        assertTrue(notes.get(1).startsWith("※2：") && notes.get(1).contains("ベータ市の人口"), notes.get(1));
        // the inputs show the note by the figure it belongs to
        Element inputs = ja.selectFirst("#rate-beds-table tbody tr:nth-child(1) td:nth-of-type(2)");
        assertEquals("（認知症病床を含む）", inputs.selectFirst(".compare-table__note").text());
        // a rate from figures without a note has no mark: gamma's inpatients
        assertEquals(List.of(), marks(ja, "inpatients", 2));
        assertEquals(List.of("※1"), marks(ja, "inpatients", 1), "beta's inpatients use its noted population");
    }

    @Test
    void onTheEnglishPageTheMarksAreEnglishAndANoteWithoutEnglishWordingIsMarkedJapanese() throws IOException {
        Document en = page("en");
        assertEquals(List.of("*1"), marks(en, "beds", 1));
        assertEquals(List.of("*2"), marks(en, "beds", 2));
        Element section = en.getElementById("rate-beds").parent();
        List<String> notes = section.select("p.compare__note").eachText();
        assertTrue(
                notes.get(0).startsWith("*1: ")
                        && notes.get(0).contains("Alpha City and Gamma City")
                        && notes.get(0).contains("including dementia beds"),
                notes.get(0));
        Element betaNote = section.select("p.compare__note").get(1);
        assertEquals(
                List.of("ベータ市", "住民基本台帳による"),
                betaNote.select("span[lang=ja]").eachText(),
                "the untranslated case's name and note: " + betaNote.outerHtml());
        Element hidden = en.selectFirst("#rate-beds-table tbody tr:nth-child(2) .compare-table__mark .visually-hidden");
        assertNotNull(hidden.selectFirst("span[lang=ja]"), hidden.outerHtml());
        assertFalse(en.body().text().contains("※"), "no ※ on the English page");
    }

    @Test
    void theChartLeavesRoomForAValueWithSeveralMarks() {
        // the longest bar with two marks: before, the value was placed as if it had one and ran off the drawing
        List<BarChart.Bar> bars = List.of(
                new BarChart.Bar("アルファ市", null, "", new BigDecimal("179.0"), "179.0", "※1 ※2"),
                new BarChart.Bar("ベータ市", null, "", new BigDecimal("72.1"), "72.1", ""));
        Element svg = Jsoup.parse(BarChart.svg("c", "t", "d", bars, "ja")).selectFirst("svg");
        double width = Double.parseDouble(svg.attr("width"));
        Element value = svg.selectFirst("text.chart__value");
        double x = Double.parseDouble(value.attr("x"));
        // 13-unit text: a full em for ※, 0.6 em for a digit or a point (wider than most fonts draw them)
        double written = 0;
        for (char ch : value.text().toCharArray()) {
            written += ch == '※' ? 13 : ch == ' ' ? 3.9 : 7.8;
        }
        assertTrue(x + written <= width, value.outerHtml() + " ends at " + (x + written) + ", beyond " + width);
        double widest = Double.parseDouble(svg.selectFirst("rect.chart__bar").attr("width"));
        assertTrue(widest > 150, "the bars still take most of the width: " + widest);
    }

    @Test
    void theComparisonDataCarriesEachFiguresNoteAndTheNotesOfEachRate() throws IOException {
        byte[] b = Files.readAllBytes(out.resolve("data/comparison.csv"));
        List<List<String>> rows = CsvParser.parse(new String(b, 3, b.length - 3, StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        Map<String, String> alpha = row(header, rows.get(1));
        Map<String, String> beta = row(header, rows.get(2));
        Map<String, String> gamma = row(header, rows.get(3));
        assertEquals("認知症病床を含む", alpha.get("beds_note_ja"));
        assertEquals("including dementia beds", alpha.get("beds_note_en"));
        assertEquals("精神科病床数：認知症病床を含む", alpha.get("beds_per_100000_note_ja"));
        assertEquals("Psychiatric beds: including dementia beds", alpha.get("beds_per_100000_note_en"));
        assertEquals("住民基本台帳による", beta.get("population_note_ja"));
        assertEquals("", beta.get("population_note_en"), "the figure's own note: only the wording the source has");
        assertEquals("Population: 住民基本台帳による", beta.get("inpatients_per_100000_note_en"), "the rate's: never lost");
        assertEquals("", gamma.get("inpatients_per_100000_note_ja"), "no note, empty");
        JsonNode j =
                new ObjectMapper().readTree(out.resolve("data/comparison.json").toFile());
        boolean described = false;
        for (JsonNode f : j.get("fields")) {
            if (f.get("name").asText().equals("beds_per_100000_note_en")) {
                described = !f.get("description").get("ja").asText().isBlank();
            }
        }
        assertTrue(described, "the data dictionary describes the note field");
        JsonNode records = j.get("records");
        assertEquals(
                "精神科病床数：認知症病床を含む", records.get(0).get("beds_per_100000_note_ja").asText());
        assertTrue(records.get(2).get("inpatients_per_100000_note_ja").isNull(), "no note is null in JSON");
        assertTrue(
                page("en").select("#rate-beds-table").text().contains("including dementia beds"),
                "and the page shows what the data says");
    }

    private static Map<String, String> row(List<String> header, List<String> cells) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            m.put(header.get(i), cells.get(i));
        }
        return m;
    }
}
