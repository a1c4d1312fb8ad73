package casebook.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.safety.UrlPolicy;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The URL allowlist on its own: what a browser would follow decides, not what is written. */
class UrlPolicyTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://nimohoukatsu.mhlw.go.jp/",
                "http://example.jp/a?b=c#d",
                "HTTPS://EXAMPLE.JP/",
                "mailto:info@example.go.jp",
                "tel:+81-3-1234-5678",
                "../hasuda/",
                "../hasuda/#basic-info",
                "#note-1",
                "?page=2",
                "figure1.png",
                "./plan.pdf",
                "",
                "/x//y",
                "./\\x",
                "2024:report.pdf",
                "a b/c.pdf",
                "../x/?q=a:b",
                "https://example.jp/?next=javascript:alert(1)",
                " https://example.jp/ ",
                // an @ after the host is part of the path, query or fragment, not a user name
                "https://example.jp/a@b",
                "https://example.jp/?u=a@b",
                "https://example.jp/#a@b",
                "https://example.jp\\a@b",
                "mailto:a@example.jp?cc=b@example.jp"
            })
    void allowed(String url) {
        assertTrue(UrlPolicy.allows(url), url);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "JAVASCRIPT:alert(1)",
                "JaVaScRiPt:alert(1)",
                " javascript:alert(1)",
                "\u0001javascript:alert(1)",
                "java\tscript:alert(1)",
                "java\nscript:alert(1)",
                "java\rscript:alert(1)",
                "java&Tab;script:alert(1)",
                "java&NewLine;script:alert(1)",
                "javascript&colon;alert(1)",
                "&#106;avascript:alert(1)",
                "&#0000106&#0000097vascript:alert(1)",
                "&#x6A;avascript:alert(1)",
                "&#x6a&#x61vascript:alert(1)",
                "jav&#x09;ascript:alert(1)",
                "jav&#x0A;ascript:alert(1)",
                "java\0script:alert(1)",
                "vbscript:msgbox(1)",
                "livescript:alert(1)",
                "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
                "data:image/svg+xml,<svg onload=alert(1)>",
                "file:///etc/passwd",
                "jar:file:x.jar!/",
                "ftp://example.jp/",
                "blob:https://example.jp/1",
                "java\u200bscript:alert(1)",
                "  \t javascript:alert(1)",
                "x:y",
                "javascript\u0000:alert(1)",
                "\u00a0javascript:alert(1)",
                "\ufeffjavascript:alert(1)",
                "//example.jp/x",
                "//evil.example/x",
                "///evil.example",
                "/\\evil.example",
                "\\/evil.example",
                "\\\\evil.example",
                "\t/\\evil.example",
                " //evil.example",
                "/\n/evil.example",
                "&#47;/evil.example",
                "&sol;&bsol;evil.example",
                // entity forms of the cheat sheet not listed above
                "&#X6A;avascript:alert(1)",
                "javascript&#58alert(1)",
                "javascript&#x3A;alert(1)",
                "&#1;javascript:alert(1)",
                "&#14;javascript:alert(1)",
                "javas\u0000cript:alert(1)",
                // a user name or password before the host: reads as one site, leads to another, or publishes a password
                "https://www.mhlw.go.jp@evil.example/",
                "https://user:secret@intranet.example/",
                "HTTP://a@evil.example",
                "https:\\\\www.mhlw.go.jp@evil.example",
                "https:www.mhlw.go.jp@evil.example",
                "https://www.mhlw.go.jp&#64;evil.example/",
                "https://a@b@evil.example/x",
                "ht&Tab;tps://a@evil.example/",
                "https://a%40b@evil.example/"
            })
    void refused(String url) {
        assertFalse(UrlPolicy.allows(url), UrlPolicy.shown(url));
    }

    @Test
    void theSchemeIsComparedInTheRootLocaleWhateverTheDefault() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(new Locale("tr"));
            assertFalse(UrlPolicy.allows("JAVASCRIPT:alert(1)"));
            assertFalse(UrlPolicy.allows("jAvAsCrIpT:alert(1)"));
            assertFalse(UrlPolicy.allows("VBSCRIPT:msgbox(1)"));
            assertTrue(UrlPolicy.allows("MAILTO:INFO@EXAMPLE.JP"));
            assertTrue(UrlPolicy.allows("HTTPS://EXAMPLE.JP/"));
            assertEquals("mailto", UrlPolicy.scheme("MAILTO:x@example.jp"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void relativeReferencesHaveNoScheme() {
        assertNull(UrlPolicy.scheme("../a/"));
        assertNull(UrlPolicy.scheme("#x"));
        assertEquals("javascript", UrlPolicy.scheme("java&Tab;script:x"));
        assertTrue(UrlPolicy.isRelative("../a/"));
        assertFalse(UrlPolicy.isRelative("//evil.example/"));
        assertTrue(UrlPolicy.leadsToAnotherHost("/\\evil.example"));
        assertFalse(UrlPolicy.leadsToAnotherHost("https://example.jp/"));
        assertFalse(UrlPolicy.leadsToAnotherHost("/etc/passwd"));
        assertTrue(UrlPolicy.message("link target", "//evil.example/").contains("must say its scheme"));
        assertFalse(UrlPolicy.isRelative("https://example.jp/"));
    }

    @Test
    void aUserNameBeforeTheHostIsRefusedNamingTheHostItLeadsTo() {
        assertEquals(
                "portal \"https://www.mhlw.go.jp@evil.example/\" is not allowed: " + UrlPolicy.CREDENTIALS_RULE
                        + ": it leads to evil.example, the host after the @, while a reader takes the part before it"
                        + " for the site (and a password there would be published)",
                UrlPolicy.message("portal", "https://www.mhlw.go.jp@evil.example/"));
        assertEquals(
                UrlPolicy.RULE,
                UrlPolicy.rule("https://example.jp/a@b"),
                "an @ in the path is not a user name (allowed, and the rule is the general one)");
    }

    @Test
    void theMessageNamesTheUrlAndTheRuleWithControlCharactersVisible() {
        assertEquals(
                "link target \"java\\tscript:x\" is not allowed: only http, https, mailto, tel and relative links reach a page",
                UrlPolicy.message("link target", "java\tscript:x"));
    }
}
