package casebook.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The open data files and the comparison page, built from a fixture of two cases whose figures differ in
 * every way the real ones do (dates stated or not, of different years, a note, a figure without a unit).
 * The CSV is read with an RFC 4180 reader, the JSON with Jackson, the pages with jsoup.
 */
class OpenDataTest {
    @TempDir
    static Path dir;

    static Path out;
    static BuildResult result;

    @BeforeAll
    static void build() {
        Path content = SiteFixture.write(dir.resolve("content"), """
                -- site.yaml --
                """ + SiteFixture.SITE_YAML + """
                order: [alpha, beta, plain]
                -- alpha/index.ja.md --
                ---
                title: アルファ県
                label: 取組事例①
                ---
                ## 基本情報 {#basic-info}

                :::basic-info
                :::
                -- alpha/index.en.md --
                ---
                title: Alpha Prefecture
                label: Case study 1
                ---
                ## Basic information {#basic-info}

                :::basic-info
                :::
                -- alpha/data.yaml --
                category: prefecture
                basic_info:
                  - item: population
                    value: 1000000
                    unit: people
                    as_of: 2024-10-01
                  - item: inpatients
                    value: 1234
                    unit: people
                    as_of: 2024-06-30
                  - item: hospitals
                    value: 5
                    unit: hospitals
                  - item: beds
                    value: 2000
                    unit: beds
                    note:
                      ja: 認知症病床を含む
                      en: including dementia beds
                -- beta/index.ja.md --
                ---
                title: ベータ市
                ---
                ## 基本情報 {#basic-info}

                :::basic-info
                :::
                -- beta/data.yaml --
                category: general-city
                basic_info:
                  - item: population
                    value: 61111
                    unit: people
                    as_of: 2025-01-01
                    as_of_calendar: era
                  - item: inpatients
                    value: 75
                    unit: people
                    as_of: 2023-06-30
                    as_of_calendar: western
                  - item: hospitals
                    value: 0
                -- plain/index.ja.md --
                ---
                title: まえがき
                ---
                本文。
                """);
        out = dir.resolve("site");
        result = SiteFixture.build(content, out);
    }

    static byte[] bytes(String path) throws IOException {
        return Files.readAllBytes(out.resolve(path));
    }

    static List<Map<String, String>> csv(String path) throws IOException {
        byte[] b = bytes(path);
        assertArrayEquals(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(b, 3), path + " starts with a BOM");
        String text = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        List<List<String>> rows = CsvParser.parse(text);
        List<String> header = rows.get(0);
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            assertEquals(header.size(), r.size(), "every row has as many cells as the header: " + r);
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), r.get(i));
            }
            out.add(m);
        }
        return out;
    }

    static JsonNode json(String path) throws IOException {
        return new ObjectMapper().readTree(bytes(path));
    }

    @Test
    void theBuildSucceedsAndWritesEveryFile() {
        assertEquals(List.of(), SiteFixture.errors(result), SiteFixture.messages(result));
        for (String p : List.of(
                "data/basic-info.csv",
                "data/basic-info.json",
                "data/comparison.csv",
                "data/comparison.json",
                "ja/compare/index.html",
                "en/compare/index.html",
                "ja/data/index.html",
                "en/data/index.html")) {
            assertTrue(Files.isRegularFile(out.resolve(p)), p);
        }
    }

    @Test
    void basicInfoCsvHasOneRowPerFigureWithNumbersUnitsAndDatesInTheirOwnColumns() throws IOException {
        List<Map<String, String>> rows = csv("data/basic-info.csv");
        assertEquals(7, rows.size(), "4 figures of alpha, 3 of beta; the page without data.yaml has none");
        Map<String, String> pop = rows.get(0);
        assertEquals("alpha", pop.get("slug"));
        assertEquals("population", pop.get("item"));
        assertEquals(1_000_000L, Long.parseLong(pop.get("value")), "the value is a bare number");
        assertEquals("people", pop.get("unit"));
        assertEquals("人", pop.get("unit_ja"));
        assertEquals("2024-10-01", pop.get("as_of"));
        assertEquals("アルファ県", pop.get("case_ja"));
        assertEquals("Alpha Prefecture", pop.get("case_en"));
        assertEquals("都道府県", pop.get("category_ja"));
        assertTrue(
                pop.get("source_ja").contains("テスト事例集") && pop.get("source_ja").contains("アルファ県"),
                pop.get("source_ja"));
        Map<String, String> beds = rows.get(3);
        assertEquals("beds", beds.get("item"));
        assertEquals("", beds.get("as_of"), "a date the source does not state is empty, never made up");
        assertEquals("including dementia beds", beds.get("note_en"));
        Map<String, String> hospitals = rows.get(6);
        assertEquals("0", hospitals.get("value"));
        assertEquals("", hospitals.get("unit"), "no unit where data.yaml gives none");
        for (Map<String, String> r : rows) {
            assertTrue(r.get("value").matches("\\d+"), "numbers only: " + r.get("value"));
        }
        String text = new String(bytes("data/basic-info.csv"), StandardCharsets.UTF_8);
        assertFalse(text.replace("\r\n", "").contains("\n"), "every line ends with CRLF");
    }

    @Test
    void comparisonCsvComputesTheRatesAndSaysHowTheirDatesRelate() throws IOException {
        List<Map<String, String>> rows = csv("data/comparison.csv");
        assertEquals(2, rows.size());
        Map<String, String> alpha = rows.get(0);
        Map<String, String> beta = rows.get(1);
        assertEquals(
                new BigDecimal("123.4"),
                new BigDecimal(alpha.get("inpatients_per_100000")),
                "1234 / 1,000,000 × 100,000");
        assertEquals("same-year", alpha.get("inpatients_per_100000_dates"));
        assertEquals(new BigDecimal("200.0"), new BigDecimal(alpha.get("beds_per_100000")));
        assertEquals("not-stated", alpha.get("beds_per_100000_dates"));
        assertEquals(
                new BigDecimal("122.7"),
                new BigDecimal(beta.get("inpatients_per_100000")),
                "75 / 61,111 × 100,000 = 122.72…");
        assertEquals("different-years", beta.get("inpatients_per_100000_dates"));
        assertEquals("", beta.get("beds_per_100000"), "no beds figure, no rate");
        assertEquals("2023-06-30", beta.get("inpatients_as_of"));
        assertEquals("ベータ市", beta.get("case_en"), "an untranslated case keeps its Japanese name");
    }

    @Test
    void jsonHasFieldsWithTypesUnitsAndDescriptionsAndTypedRecords() throws IOException {
        JsonNode j = json("data/comparison.json");
        assertEquals("comparison", j.get("id").asText());
        assertTrue(j.get("licence").isNull(), "the source states no licence, so none is claimed");
        assertFalse(j.get("terms").get("ja").asText().isBlank());
        assertEquals("2025-03", j.get("source").get("published").asText());
        Map<String, JsonNode> fields = new HashMap<>();
        for (JsonNode f : j.get("fields")) {
            fields.put(f.get("name").asText(), f);
        }
        assertEquals("integer", fields.get("population").get("type").asText());
        assertEquals("number", fields.get("beds_per_100000").get("type").asText());
        assertEquals(
                "beds-per-100000-people",
                fields.get("beds_per_100000").get("unit").asText());
        assertFalse(fields.get("population_as_of")
                .get("description")
                .get("en")
                .asText()
                .isBlank());
        JsonNode alpha = j.get("records").get(0);
        assertTrue(alpha.get("population").isIntegralNumber(), "numbers are JSON numbers");
        assertEquals(1_000_000L, alpha.get("population").asLong());
        assertTrue(alpha.get("inpatients_per_100000").isNumber());
        assertEquals(123.4, alpha.get("inpatients_per_100000").asDouble(), 1e-9);
        assertTrue(alpha.get("hospitals_as_of").isNull(), "an unstated date is null");
        for (JsonNode r : j.get("records")) {
            assertEquals(fields.keySet(), fieldNames(r), "each record has exactly the listed fields");
        }
        JsonNode basic = json("data/basic-info.json");
        assertEquals(7, basic.get("records").size());
        assertEquals("date", field(basic, "as_of").get("type").asText());
    }

    private static Set<String> fieldNames(JsonNode r) {
        Set<String> s = new HashSet<>();
        r.fieldNames().forEachRemaining(s::add);
        return s;
    }

    private static JsonNode field(JsonNode dataset, String name) {
        for (JsonNode f : dataset.get("fields")) {
            if (f.get("name").asText().equals(name)) {
                return f;
            }
        }
        return null;
    }

    @Test
    void theChartsValuesMatchTheDataAndItsTable() throws IOException {
        JsonNode records = json("data/comparison.json").get("records");
        for (String lang : List.of("ja", "en")) {
            Document doc = Jsoup.parse(out.resolve(lang + "/compare/index.html").toFile(), "UTF-8");
            for (String item : List.of("inpatients", "beds")) {
                Element section = doc.getElementById("rate-" + item).parent();
                Element svg = section.selectFirst("svg");
                assertNotNull(svg, lang + " " + item + " has a chart");
                assertEquals("img", svg.attr("role"));
                assertFalse(svg.selectFirst("title").text().isBlank());
                assertFalse(svg.selectFirst("desc").text().isBlank());
                List<BigDecimal> charted = new ArrayList<>();
                for (Element v : svg.select("text.chart__value")) {
                    charted.add(new BigDecimal(v.ownText().strip()));
                }
                List<BigDecimal> expected = new ArrayList<>();
                for (JsonNode r : records) {
                    if (!r.get(item + "_per_100000").isNull()) {
                        expected.add(r.get(item + "_per_100000").decimalValue());
                    }
                }
                assertEquals(expected, charted, lang + " " + item + ": the chart shows the data's values");
                List<BigDecimal> tabled = new ArrayList<>();
                for (Element v : section.select("table .compare-table__figure")) {
                    tabled.add(new BigDecimal(v.text()));
                }
                assertEquals(expected, tabled, "the table beside the chart shows the same values");
                // bars are drawn to scale: widths proportional to the values
                List<Element> bars = svg.select("rect.chart__bar");
                double max = expected.stream()
                        .mapToDouble(BigDecimal::doubleValue)
                        .max()
                        .orElse(0);
                double widest = bars.stream()
                        .mapToDouble(b -> Double.parseDouble(b.attr("width")))
                        .max()
                        .orElse(0);
                for (int i = 0; i < bars.size(); i++) {
                    double w = Double.parseDouble(bars.get(i).attr("width"));
                    assertEquals(expected.get(i).doubleValue() / max * widest, w, 1.0, "bar " + i + " to scale");
                }
                for (Element v : svg.select("text.chart__value")) {
                    assertFalse(
                            svg.selectFirst("desc").text().indexOf(v.ownText().strip()) < 0,
                            "the description lists " + v.ownText());
                }
            }
            assertTrue(
                    doc.select("script").stream()
                            .allMatch(s -> s.attr("src").endsWith("assets/casebook.js")
                                    || s.attr("src").endsWith("assets/contents.js")),
                    "no script of its own (only the theme's on every page): the charts are static");
        }
    }

    @Test
    void ratesFromDifferentYearsOrUnstatedDatesAreMarkedAndExplained() throws IOException {
        Document ja = Jsoup.parse(out.resolve("ja/compare/index.html").toFile(), "UTF-8");
        Element inpatients = ja.getElementById("rate-inpatients").parent();
        // alpha: same year, no mark; beta: 2023 inpatients over 2025 population, marked
        List<Element> values = inpatients.select("text.chart__value");
        assertEquals("", values.get(0).select("tspan").text());
        assertEquals("※1", values.get(1).select("tspan").text().strip());
        String notes = inpatients.select("p.compare__note").text();
        assertTrue(notes.contains("※1") && notes.contains("年が異なります"), notes);
        // the English page marks it as English text does, with no Japanese reference mark
        Document en = Jsoup.parse(out.resolve("en/compare/index.html").toFile(), "UTF-8");
        Element enInpatients = en.getElementById("rate-inpatients").parent();
        assertEquals(
                "*1",
                enInpatients
                        .select("text.chart__value")
                        .get(1)
                        .select("tspan")
                        .text()
                        .strip());
        assertTrue(enInpatients.select("p.compare__note").text().contains("*1"));
        assertFalse(en.body().text().contains("※"), "no ※ on the English page");
        Element beds = ja.getElementById("rate-beds").parent();
        assertTrue(beds.select("p.compare__note").text().contains("時点の記載がありません"), "an unstated date is said");
        String dates = ja.selectFirst(".compare__dates").text();
        assertTrue(dates.contains("時点は事例によって異なります"), dates);
        assertTrue(en.selectFirst(".compare__dates").text().contains("differ between the cases"));
        assertTrue(en.getElementById("rate-inpatients")
                .parent()
                .select("p.compare__note")
                .text()
                .contains("different years"));
    }

    @Test
    void theTopPagesLinkToTheComparisonAndTheDataPageListsTheFilesAndTheirDictionary() throws IOException {
        for (String lang : List.of("ja", "en")) {
            Document home = Jsoup.parse(out.resolve(lang + "/index.html").toFile(), "UTF-8");
            List<String> hrefs = home.select(".home__outputs a").eachAttr("href");
            assertEquals(List.of("compare/index.html", "data/index.html"), hrefs, lang);
            Document data = Jsoup.parse(out.resolve(lang + "/data/index.html").toFile(), "UTF-8");
            List<String> files = data.select(".opendata__files a").eachAttr("href");
            assertEquals(
                    List.of(
                            "../../data/basic-info.csv",
                            "../../data/basic-info.json",
                            "../../data/comparison.csv",
                            "../../data/comparison.json"),
                    files);
            for (String f : files) {
                assertTrue(
                        Files.isRegularFile(
                                out.resolve(lang + "/data").resolve(f).normalize()),
                        f);
            }
            JsonNode comparison = json("data/comparison.json");
            List<String> dictionary = data.select("#fields-comparison tbody th").eachText();
            List<String> names = new ArrayList<>();
            for (JsonNode f : comparison.get("fields")) {
                names.add(f.get("name").asText());
            }
            assertEquals(names, dictionary, "the data dictionary lists every field of the file");
            assertTrue(
                    data.getElementById("licence").nextElementSibling().text().length() > 10,
                    "the terms of use are stated");
            assertTrue(data.select("#licence ~ p a").isEmpty(), "no licence link the source does not give");
        }
    }

    @Test
    void aSiteWithoutCasesHasNeitherPageNorLinks(@TempDir Path tmp) throws IOException {
        Path content = SiteFixture.write(tmp.resolve("content"), "-- site.yaml --\n" + SiteFixture.SITE_YAML + """
                order: [plain]
                -- plain/index.ja.md --
                ---
                title: まえがき
                ---
                本文。
                """);
        BuildResult r = SiteFixture.build(content, tmp.resolve("site"));
        assertEquals(List.of(), SiteFixture.errors(r), SiteFixture.messages(r));
        assertFalse(Files.exists(tmp.resolve("site/data")));
        assertFalse(Files.exists(tmp.resolve("site/ja/compare")));
        assertTrue(Jsoup.parse(tmp.resolve("site/ja/index.html").toFile(), "UTF-8")
                .select(".home__outputs")
                .isEmpty());
    }

    @Test
    void rateRoundsHalfUpAndComparesYears() {
        CaseFigures c = new CaseFigures(
                "x",
                Map.of("ja", "X"),
                Map.of(),
                null,
                new LinkedHashMap<>(Map.of(
                        "population",
                                new CaseFigures.Figure(
                                        "population", 200_000, "people", LocalDate.of(2024, 1, 1), Map.of()),
                        "inpatients",
                                new CaseFigures.Figure(
                                        "inpatients", 1, "people", LocalDate.of(2024, 12, 31), Map.of()))));
        Rate r = Rate.of(c, "inpatients");
        assertEquals("0.5", r.plain(), "0.5 exactly");
        assertEquals(Rate.Dates.SAME_YEAR, r.dates());
        assertNull(Rate.of(c, "beds"));
    }

    @Test
    void onAnEnglishPageOnlyTheJapaneseNameOfACaseWithoutAnEnglishPageIsMarkedJapanese() throws IOException {
        Document en = Jsoup.parse(out.resolve("en/compare/index.html").toFile(), "UTF-8");
        Element svg = en.getElementById("rate-inpatients").parent().selectFirst("svg");
        // beta has no English page: its name is Japanese, its category English
        Element label = svg.select("text.chart__label").stream()
                .filter(t -> t.text().contains("ベータ市"))
                .findFirst()
                .orElseThrow();
        assertEquals("", label.attr("lang"), "the label's <text> is in the page's language");
        assertEquals("ベータ市", label.select("tspan[lang=ja]").text(), "only the name is marked Japanese");
        assertEquals("(General city)", label.ownText().strip(), "the category stays English: " + label.outerHtml());
        Element alpha = svg.select("text.chart__label").first();
        assertTrue(alpha.select("[lang]").isEmpty(), "a case with an English page has no lang mark: " + alpha);
        String desc = svg.selectFirst("desc").text();
        assertTrue(desc.contains("beta (General city): "), "the description names it by its folder: " + desc);
        assertFalse(desc.contains("ベータ"), "no Japanese in the English description, which cannot carry a language");
        // the rate table's row header: the name in Japanese, the category outside it
        Element th = en.selectFirst("#rate-inpatients-table tbody tr:nth-child(2) th");
        assertEquals("ベータ市", th.selectFirst("[lang=ja]").text());
        assertEquals(
                "(General city)", th.selectFirst(".compare-table__category").text());
        assertTrue(th.selectFirst(".compare-table__category").parents().stream()
                .noneMatch(e -> e.hasAttr("lang") && !e.tagName().equals("html")));
    }

    @Test
    void theComparisonWritesEveryDateInTheWesternCalendarWhateverACasePageUses() throws IOException {
        // beta's page writes its population's date in the era calendar, its inpatients' in the Western one
        String page =
                Jsoup.parse(out.resolve("ja/beta/index.html").toFile(), "UTF-8").text();
        assertTrue(page.contains("令和7年1月1日現在"), "the case page honours as_of_calendar: era");
        assertTrue(page.contains("2023年6月30日時点"), "and as_of_calendar: western");
        Document ja = Jsoup.parse(out.resolve("ja/compare/index.html").toFile(), "UTF-8");
        String tables = ja.select("table").text();
        assertFalse(tables.contains("令和"), "one calendar across the cases: " + tables);
        assertTrue(tables.contains("2025年1月1日時点"), tables);
        assertTrue(tables.contains("2023年6月30日時点"), tables);
        assertFalse(ja.selectFirst(".compare__dates").text().contains("令和"));
    }

    @Test
    void columnHeadersNotesAndDatesBreakOnlyBetweenPhrases() throws IOException {
        Document ja = Jsoup.parse(out.resolve("ja/compare/index.html").toFile(), "UTF-8");
        List<String> headers = new ArrayList<>();
        for (Element th : ja.select(".compare-table thead th")) {
            headers.add(th.html().replace("<wbr>", "|"));
        }
        assertTrue(headers.contains("計算に|使った|数値"), headers.toString());
        assertTrue(headers.contains("入院精神障害者数|（人口10万人あたり）"), headers.toString());
        assertTrue(headers.contains("入院精神障害者数"), "a phrase of one script stays whole: " + headers);
        Element overview = ja.selectFirst(".compare-table--overview");
        String notes = overview.select(".compare-table__note").html().replace("<wbr>", "|");
        assertEquals("（認知症病床を|含む）", notes);
        List<String> dates = new ArrayList<>();
        for (Element d : overview.select(".compare-table__date")) {
            dates.add(d.html().replace("<wbr>", "|"));
        }
        assertTrue(dates.contains("時点の|記載なし"), dates.toString());
        assertTrue(dates.contains("2024年10月1日|時点"), "the date whole, a break before 時点: " + dates);
        assertTrue(
                ja.select("#rate-inpatients-table .compare-table__date").html().contains("（2023年6月30日<wbr>時点）"));
        assertEquals(
                "人口10万人あたりの|入院精神障害者数",
                ja.getElementById("rate-inpatients").html().replace("<wbr>", "|"));
        // English is left alone
        Document en = Jsoup.parse(out.resolve("en/compare/index.html").toFile(), "UTF-8");
        assertTrue(en.select(".compare-table thead, .compare-table__note, .compare-table__date")
                        .html()
                        .indexOf("<wbr>")
                < 0);
        assertEquals(
                "ベータ市",
                en.selectFirst("#rate-inpatients-table [lang=ja]").html().replace("<wbr>", "|"),
                "a Japanese name on an English page: a single-kanji suffix stays with its name");
    }
}
