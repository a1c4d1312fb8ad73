package casebook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.diag.Diagnostics;
import casebook.testing.SiteFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which words a glossary link covers and which entry it leads to. */
class GlossaryLinksTest {
    static final MarkdownRenderer MD = DefaultTheme.renderer();

    /** The real glossary's trouble spot: an alias that is part of a longer term of another entry. */
    static final GlossaryTerms EN = new GlossaryTerms(List.of(
            new GlossaryTerms.Term("public health center", "public-health-center"),
            new GlossaryTerms.Term("health center", "community-health-center"),
            new GlossaryTerms.Term("public health nurse", "public-health-nurse"),
            new GlossaryTerms.Term("core city", "core-city"),
            new GlossaryTerms.Term("  prefecture ", "prefecture"),
            new GlossaryTerms.Term("approach", "approach")));

    static final GlossaryTerms JA = new GlossaryTerms(
            List.of(new GlossaryTerms.Term("保健所", "public-health-center"), new GlossaryTerms.Term("保健", "health")));

    static Document render(String body, String lang, GlossaryTerms terms) {
        Diagnostics d = new Diagnostics();
        RenderedBody b = MD.render(
                new RenderRequest(
                        Path.of("p.md"),
                        lang,
                        body,
                        5,
                        null,
                        null,
                        Map.of(),
                        terms,
                        "../glossary/index.html",
                        !lang.equals("ja")),
                d);
        assertEquals(List.of(), d.kept());
        return Jsoup.parseBodyFragment(b.html());
    }

    static List<String> links(Document doc) {
        return doc.select("a.term").stream()
                .map(a -> a.text() + " -> " + a.attr("href").replaceAll(".*#", "#"))
                .toList();
    }

    @Test
    void theLongestTermWinsWhereTermsOverlapEvenWhenTheLongerOneIsAlreadyLinked() {
        Document doc =
                render("The public health center helps.\n\nTwo public health centers and a health center.\n", "en", EN);
        assertEquals(
                List.of("public health center -> #public-health-center", "health center -> #community-health-center"),
                links(doc));
        // the second paragraph's "public health centers" stays plain text: no link inside it
        Element second = doc.select("p").get(1);
        assertEquals(
                "Two public health centers and a ",
                second.ownText().replace("  ", " ").substring(0, 32));
        assertEquals(1, second.select("a").size());
    }

    @Test
    void aTermInsideALongerOneIsNeverLinkedToTheWrongEntry() {
        // "health center" appears only inside "public health center(s)": it must not be linked at all
        Document doc = render("Public health centers, public health centers and public health centers.\n", "en", EN);
        assertEquals(List.of("Public health centers -> #public-health-center"), links(doc));
    }

    @Test
    void englishTermsMatchWholeWordsAndCoverTheirPlural() {
        Document doc = render("Three public health nurses, two core cities, approaches and prefectures.\n", "en", EN);
        assertEquals(
                List.of(
                        "public health nurses -> #public-health-nurse",
                        "core cities -> #core-city",
                        "approaches -> #approach",
                        "prefectures -> #prefecture"),
                links(doc));
        assertEquals(
                List.of(),
                links(render("A nursery, a prefectural office, the approachable staff, a subprefecture.\n", "en", EN)));
        // a capital letter counts at the start of a sentence, not inside a name
        assertEquals(
                List.of("Prefectures -> #prefecture"),
                links(render("Saitama Prefecture. Prefectures differ.\n", "en", EN)));
    }

    @Test
    void aLinkNeitherBeginsNorEndsWithASpace() {
        Document doc = render("In each\nprefecture there is one.\n", "en", EN);
        Element a = doc.selectFirst("a.term");
        assertEquals("prefecture", a.text());
        String html = a.outerHtml();
        assertTrue(html.contains(">prefecture</a>"), html);
    }

    @Test
    void japaneseTermsNeedNoWordBoundaryAndTheLongestWins() {
        Document doc = render("市の保健所と保健センター、保健所の保健師。\n", "ja", JA);
        assertEquals(List.of("保健所 -> #public-health-center", "保健 -> #health"), links(doc));
        // 保健 is linked at its own use (保健センター), not inside 保健所
        assertEquals("保健", doc.select("a.term").get(1).text());
        assertTrue(doc.select("a.term").get(1).nextSibling().toString().startsWith("センター"));
    }

    @Test
    void nextFindsTheEarliestLongestWholeWordMatch() {
        GlossaryTerms.Hit h = EN.next("the public health centers' staff", 0);
        assertEquals("public-health-center", h.term().id());
        assertEquals("public health centers", "the public health centers' staff".substring(h.start(), h.end()));
        assertNull(EN.next("healthcare centers", 0));
        assertNull(EN.next("", 0));
        assertEquals(
                List.of(
                        "public health center",
                        "public health nurse",
                        "health center",
                        "prefecture",
                        "core city",
                        "approach"),
                EN.terms().stream().map(GlossaryTerms.Term::form).toList());
    }

    @Test
    void aBuiltSiteLinksTheEntryTheReaderMeans(@TempDir Path tmp) throws Exception {
        Path content = SiteFixture.write(
                tmp.resolve("content"), "-- site.yaml --\n" + SiteFixture.SITE_YAML + "order: [a]\n" + """
                -- glossary.yaml --
                - id: public-health-center
                  ja: 保健所
                  en: public health center
                  definition: {ja: 公的機関, en: A public agency}
                - id: community-health-center
                  ja: 地域保健センター
                  en: community health center
                  aliases:
                    en: [health center]
                  definition: {ja: 市町村の施設, en: A municipal facility}
                -- a/index.ja.md --
                ---
                title: A
                ---

                保健所と地域保健センター。保健所は二つ。
                -- a/index.en.md --
                ---
                title: A
                ---

                The public health center and the community health center. Two public health centers.
                """);
        Path out = tmp.resolve("site");
        var r = SiteFixture.build(content, out);
        assertEquals(List.of(), SiteFixture.errors(r), SiteFixture.messages(r));
        Document en = Jsoup.parse(Files.readString(out.resolve("en/a/index.html")));
        assertEquals(
                List.of(
                        "public health center -> #public-health-center",
                        "community health center -> #community-health-center"),
                links(en));
        Document ja = Jsoup.parse(Files.readString(out.resolve("ja/a/index.html")));
        assertEquals(List.of("保健所 -> #public-health-center", "地域保健センター -> #community-health-center"), links(ja));
    }
}
