package casebook.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nu.validator.validation.SimpleDocumentValidator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** Gate: every generated page passes the Nu Html Checker (in-process, the checker behind validator.w3.org/nu) with zero errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlValidityIT {
    static final String VALIDATOR = "Nu Html Checker 26.5.2";

    private Path site;
    private SimpleDocumentValidator validator;
    private final List<String> errors = new ArrayList<>();
    private final Map<String, Integer> results = new TreeMap<>();

    @BeforeAll
    void setUp(@TempDir Path tmp) throws Exception {
        site = QaSite.build(tmp);
        // initializeLog4j, logUrls, enableLanguageDetection (off: saves ~100 MiB heap)
        validator = new SimpleDocumentValidator(true, false, false);
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", collect); // from the jar, no network
        validator.setUpValidatorAndParsers(collect, false, false);
    }

    List<String> pages() {
        return QaSite.pages(site);
    }

    /** The checker's errors for one file, as {@code line:column: message}; empty when the file is valid. */
    List<String> validate(Path file) throws Exception {
        errors.clear();
        try (InputStream in = Files.newInputStream(file)) { // not checkHtmlFile(): it never closes its stream
            InputSource src = new InputSource(in);
            src.setSystemId(file.toUri().toString());
            validator.checkHtmlInputSource(src);
        }
        return List.copyOf(errors);
    }

    @ParameterizedTest(name = "valid HTML: {0}")
    @MethodSource("pages")
    void validHtml(String page) throws Exception {
        List<String> found = validate(site.resolve(page));
        results.put(page, found.size());
        assertEquals(
                List.of(), found, () -> "Nu Html Checker errors in " + page + ":\n  " + String.join("\n  ", found));
    }

    /** The control: a page with known faults must fail, or the gate above could pass by checking nothing. */
    @Test
    void invalidHtmlIsCaught() throws Exception {
        List<String> found = validate(QaSite.controls().resolve("invalid.html"));
        // one fault from each of the checker's layers: the schema, the parser, the assertions
        for (String fault : List.of(
                "Element “div” not allowed as child of element “ul”",
                "Duplicate ID “x”",
                "The element “button” must not appear as a descendant of the “a” element")) {
            assertTrue(found.stream().anyMatch(e -> e.contains(fault)), () -> "missing \"" + fault + "\" in " + found);
        }
    }

    @AfterAll
    void record() {
        if (results.isEmpty()) {
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tools", Map.of("validator", VALIDATOR));
        out.put(
                "html",
                Map.of(
                        "pages",
                        results.size(),
                        "errors",
                        results.values().stream().mapToInt(Integer::intValue).sum()));
        Map<String, Object> pages = new TreeMap<>();
        // each page with its language and title, so the statement's results by page name it (:::page-results)
        results.forEach((p, n) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("path", p);
            e.put("html_errors", n);
            try {
                Document d = Jsoup.parse(site.resolve(p).toFile(), "UTF-8");
                Element h1 = d.selectFirst("main h1");
                Element label = d.selectFirst("main .article__label");
                e.put("lang", d.selectFirst("html").attr("lang"));
                e.put("title", ((label != null ? label.text() + " " : "") + (h1 != null ? h1.text() : "")).strip());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            pages.put(QaSite.key(p), e);
        });
        out.put("pages", pages);
        QaResults.write("html", out);
    }
}
