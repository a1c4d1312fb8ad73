package casebook.booklet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The booklet's changes to the pages' HTML that are about typesetting, on small documents. */
class BookletHtmlTest {

    private static Document glued(String body, String lang) {
        Document d = Jsoup.parse("<html lang=\"" + lang + "\"><body>" + body + "</body></html>");
        d.outputSettings().prettyPrint(false);
        BookletHtml.glueParentheses(d, lang);
        return d;
    }

    @Test
    void aShortParenthesisedRunOfTheOtherLanguageIsKeptWithItsBrackets() {
        Document d = glued("<p>a Disease Control Division (<span lang=\"ja\">疾病対策課</span>), responsible</p>", "en");
        assertEquals(
                "<p>a Disease Control Division <span class=\"nobr\">(<span lang=\"ja\">疾病対策課</span>)</span>,"
                        + " responsible</p>",
                d.body().html());
        assertEquals("a Disease Control Division (疾病対策課), responsible", d.body().text(), "the text is unchanged");
    }

    @Test
    void fullWidthBracketsTooButNotALongRunNorThePagesOwnLanguageNorOneWithoutBrackets() {
        assertEquals(
                "<p>本文<span class=\"nobr\">（<span lang=\"en\">WHO</span>）</span>です</p>",
                glued("<p>本文（<span lang=\"en\">WHO</span>）です</p>", "ja").body().html());
        String longRun = "<p>x (<span lang=\"ja\">" + "あ".repeat(BookletHtml.GLUED_MAX + 1) + "</span>) y</p>";
        assertEquals(longRun, glued(longRun, "en").body().html(), "a long run may still break inside");
        String own = "<p>x (<span lang=\"en\">term</span>) y</p>";
        assertEquals(own, glued(own, "en").body().html());
        String bare = "<p>x <span lang=\"ja\">疾病対策課</span> y</p>";
        assertEquals(bare, glued(bare, "en").body().html());
    }

    @Test
    void aRunThatOpensALongerParenthesisKeepsItsOpeningBracket() {
        assertEquals(
                "<p>Nimo-Houkatsu <span class=\"nobr\">(<span lang=\"ja\">にも包括</span></span>; the system that covers"
                        + " it)</p>",
                glued("<p>Nimo-Houkatsu (<span lang=\"ja\">にも包括</span>; the system that covers it)</p>", "en")
                        .body()
                        .html());
        assertEquals(
                "<p>as named <span class=\"nobr\"><span lang=\"ja\">協議の場</span>)</span> there</p>",
                glued("<p>as named <span lang=\"ja\">協議の場</span>) there</p>", "en")
                        .body()
                        .html(),
                "and a run that closes one its closing bracket");
    }
}
