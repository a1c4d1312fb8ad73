package casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import casebook.search.IndexBuilder;
import casebook.site.Glossary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The glossary's bridges for the site search: a form a reader may type, and the term searched for with it. */
class SearchBridgesTest {

    @Test
    void aGlossaryReadingBridgesToItsTermInBothEditions() {
        Glossary.Entry e = new Glossary.Entry(
                "nimo",
                Map.of("ja", "にも包括", "en", "Nimo-Houkatsu"),
                Map.of(),
                Map.of("ja", List.of("にも包括ケア"), "en", List.of()),
                Map.of(),
                Map.of("ja", "にもほうかつ"),
                1);
        Glossary.Entry same = new Glossary.Entry(
                "hikikomori",
                Map.of("ja", "ひきこもり", "en", "hikikomori"),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of("ja", "ヒキコモリ"),
                2);
        Glossary.Entry shortReading = new Glossary.Entry(
                "ken", Map.of("ja", "県", "en", "prefecture"), Map.of(), Map.of(), Map.of(), Map.of("ja", "けん"), 3);
        Glossary g = new Glossary(List.of(e, same, shortReading), null);
        List<String> langs = List.of("ja", "en");
        assertEquals(
                List.of(
                        new IndexBuilder.Bridge("にもほうかつ", "にも包括"),
                        new IndexBuilder.Bridge("Nimo-Houkatsu", "にも包括"),
                        new IndexBuilder.Bridge("hikikomori", "ひきこもり"),
                        new IndexBuilder.Bridge("prefecture", "県")),
                SearchStage.bridges(g, "ja", langs),
                "a reading the search folds to the term itself, or shorter than three, is no bridge");
        assertEquals(
                List.of(
                        new IndexBuilder.Bridge("にも包括", "Nimo-Houkatsu"),
                        new IndexBuilder.Bridge("にも包括ケア", "Nimo-Houkatsu"),
                        new IndexBuilder.Bridge("にもほうかつ", "Nimo-Houkatsu"),
                        new IndexBuilder.Bridge("ひきこもり", "hikikomori"),
                        new IndexBuilder.Bridge("県", "prefecture")),
                SearchStage.bridges(g, "en", langs),
                "the other edition's term, aliases and reading, each once as the search sees it");
    }
}
