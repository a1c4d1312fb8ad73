package casebook.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The output check finds what it is for, and lets the theme's own head through. */
class PublishedHtmlTest {
    static final String HEAD =
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                    + "<link rel=\"stylesheet\" href=\"../assets/style.css\"><link rel=\"canonical\" href=\"https://example.jp/ja/\">"
                    + "<script src=\"../assets/casebook.js\" defer></script></head><body>";

    @Test
    void theThemesOwnPageIsClean() {
        assertEquals(
                List.of(),
                PublishedHtml.findings(
                        "p",
                        HEAD
                                + "<p><a href=\"../b/index.html\">b</a> <a href=\"mailto:x@example.jp\">m</a>"
                                + " <a href=\"https://example.jp/a@b?c=d@e#f@g\">at signs after the host</a></p></body></html>"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "<a href=\"javascript:alert(1)\">x</a>",
                "<a href=\"java&#x09;script:x\">x</a>",
                "<a href=\" JAVASCRIPT:x\">x</a>",
                "<img src=\"data:image/svg+xml,x\">",
                "<p onclick=\"x()\">x</p>",
                "<div style=\"background:url(x.png)\">",
                "<p style=\"width:expression(alert(1))\">",
                "<base href=\"https://evil.example/\">",
                "<meta http-equiv=\"refresh\" content=\"0\">",
                "<form action=\"https://evil.example/\"></form>",
                "<iframe srcdoc=\"x\"></iframe>",
                "<object data=\"x\"></object>",
                "<embed src=\"x\">",
                "<svg><animate></animate></svg>",
                "<a xlink:href=\"javascript:x\">x</a>",
                "<style>p{}</style>",
                "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
                "<input autofocus>",
                "<form><button formaction=\"vbscript:x\">",
                "<svg><a href=\"https://example.jp/\"><text>x</text></a></svg>",
                "<svg><use href=\"#x\"></use></svg>",
                "<svg><image href=\"x.png\"></image></svg>",
                "<svg><foreignObject><p>x</p></foreignObject></svg>",
                "<svg><rect fill=\"url(#g)\"></rect></svg>",
                "<svg><set attributeName=\"x\"></set></svg>",
                "<a href=\"//evil.example/x\">x</a>",
                "<a href=\"/\\evil.example\">x</a>",
                "<a href=\"\\\\evil.example\">x</a>",
                "<a href=\"\t/\\evil.example\">x</a>",
                "<a href=\"https://www.mhlw.go.jp@evil.example/\">x</a>",
                "<a href=\"https:\\\\user:pw@intranet.example\">x</a>",
                "<a href=\"HTTP://a&#64;evil.example\">x</a>"
            })
    void everyScriptCapableFormIsFound(String bad) {
        assertFalse(PublishedHtml.findings("p", HEAD + bad + "</body></html>").isEmpty(), bad);
    }

    @Test
    void aScriptFromAnotherSiteInTheHeadIsFound() {
        assertFalse(PublishedHtml.findings(
                        "p", HEAD.replace("../assets/casebook.js", "https://evil.example/x.js") + "</body></html>")
                .isEmpty());
    }

    /** The self-contained 404 page carries the theme's stylesheet inline; a CSS-only filter uses radio buttons. */
    @Test
    void anInlineStylesheetInTheHeadThatLoadsNothingAndAFormlessRadioButtonAreClean() {
        assertEquals(
                List.of(),
                PublishedHtml.findings(
                        "p",
                        HEAD.replace("</head>", "<style>p{color:#000}</style></head>")
                                + "<input type=\"radio\" name=\"f\" id=\"f1\"><label for=\"f1\">x</label></body></html>"));
    }

    /** The theme's search box: a GET form to the site's own search page with a search field and a button. */
    @Test
    void theThemesSearchFormIsClean() {
        assertEquals(
                List.of(),
                PublishedHtml.findings(
                        "p",
                        HEAD + "<form role=\"search\" action=\"../search/index.html\""
                                + " method=\"get\"><label for=\"q\">Search</label><input type=\"search\" id=\"q\" name=\"q\">"
                                + "<button type=\"submit\">Search</button></form></body></html>"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<form role=\"search\" action=\"https://evil.example/\" method=\"get\"></form>",
                "<form role=\"search\" action=\"../search/index.html\" method=\"post\"></form>",
                "<form action=\"../search/index.html\" method=\"get\"></form>",
                "<form role=\"search\" action=\"../s.html\" method=\"get\"><input type=\"password\" name=\"p\"></form>",
                "<form role=\"search\" action=\"../s.html\" method=\"get\"><button formaction=\"https://evil.example/\">x</button></form>",
                "<form role=\"search\" action=\"../s.html\" method=\"get\" target=\"_blank\"></form>"
            })
    void aFormThatIsNotTheSearchFormIsFound(String bad) {
        assertFalse(PublishedHtml.findings("p", HEAD + bad + "</body></html>").isEmpty(), bad);
    }

    /** A chart drawn by the build: shapes and text in an inline svg, labelled for screen readers. */
    @Test
    void aChartOfShapesAndTextIsClean() {
        assertEquals(
                List.of(),
                PublishedHtml.findings(
                        "p",
                        HEAD + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\""
                                + " role=\"img\" aria-labelledby=\"t d\"><title id=\"t\">T</title><desc id=\"d\">D</desc><g class=\"bar\">"
                                + "<rect x=\"0\" y=\"0\" width=\"5\" height=\"2\"></rect><line x1=\"0\" x2=\"0\" y1=\"0\" y2=\"9\"></line>"
                                + "<text x=\"1\" y=\"8\">5<tspan>.0</tspan></text></g></svg></body></html>"));
    }

    /**
     * A chart's label that names an untranslated case keeps the name's language ({@code <tspan lang="ja">}, as
     * {@code BarChart} writes it): allowed on the svg elements that hold text, and on no other.
     */
    @Test
    void theLanguageOfAChartLabelIsAllowedOnTextOnly() {
        String svg = HEAD + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" role=\"img\">";
        assertEquals(
                List.of(),
                PublishedHtml.findings(
                        "p",
                        svg
                                + "<title lang=\"ja\">T</title><text x=\"1\" y=\"8\" lang=\"en\"><tspan lang=\"ja\">みどり野市</tspan>"
                                + " 48,213</text></svg></body></html>"));
        assertEquals(
                List.of("p: <rect> has the attribute lang, not allowed in an inline svg"),
                PublishedHtml.findings("p", svg + "<rect lang=\"ja\" width=\"1\"></rect></svg></body></html>"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<style>p{background:url(https://evil.example/x)}</style>",
                "<style>@import 'x.css';</style>",
                "<style>p{width:expr/**/ession(alert(1))}</style>"
            })
    void anInlineStylesheetInTheHeadThatLoadsSomethingIsFound(String style) {
        assertFalse(
                PublishedHtml.findings("p", HEAD.replace("</head>", style + "</head>") + "</body></html>")
                        .isEmpty(),
                style);
    }

    /** The self-contained 404 page carries the theme's SVG favicon inline, as a base64 data: URL in a head icon link. */
    @Test
    void theInlineSvgFaviconInTheHeadIsClean() {
        assertEquals(
                List.of(),
                PublishedHtml.findings(
                        "p",
                        HEAD.replace(
                                        "</head>",
                                        "<link rel=\"icon\" href=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\" type=\"image/svg+xml\"></head>")
                                + "</body></html>"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<link rel=\"icon\" href=\"data:text/html;base64,PHNjcmlwdD4=\">",
                "<link rel=\"stylesheet\" href=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\">",
                "<link rel=\"icon\" href=\"data:image/svg+xml,<svg onload=alert(1)>\">"
            })
    void anyOtherDataUrlInTheHeadIsFound(String link) {
        assertFalse(
                PublishedHtml.findings("p", HEAD.replace("</head>", link + "</head>") + "</body></html>")
                        .isEmpty(),
                link);
    }

    @Test
    void anInlineIconInTheBodyIsFound() {
        assertFalse(PublishedHtml.findings(
                        "p",
                        HEAD + "<link rel=\"icon\" href=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\"></body></html>")
                .isEmpty());
    }
}
