package casebook.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.cli.Arguments;
import casebook.cli.UsageException;
import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The site's own addresses in site.yaml ({@code portal}, {@code base_url}) are absolute http(s) URLs with a
 * host: anything else is an error at its line and column, and the build publishes nothing.
 */
class SiteAddressesTest {
    @TempDir
    Path tmp;

    private BuildResult build(String line) throws Exception {
        Path content = SiteFixture.write(
                tmp.resolve("content"),
                "-- site.yaml --\n" + SiteFixture.SITE_YAML + line + "\n"
                        + "-- a/index.ja.md --\n---\ntitle: ページA\n---\n\n本文。\n");
        return SiteFixture.build(content, tmp.resolve("site"));
    }

    /** The line (the 6th of site.yaml), the column and the message expected there. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "portal: nimohoukatsu.mhlw.go.jp | 9 | portal must be an absolute URL (http:// or https:// and a host), not \"nimohoukatsu.mhlw.go.jp\"",
                "portal: 12 | 9 | portal must be an absolute URL (http:// or https:// and a host), not \"12\"",
                "portal: \"http://a b/\" | 9 | portal must be an absolute URL (http:// or https:// and a host), not \"http://a b/\"",
                "portal: \"../../../etc\" | 9 | portal must be an absolute URL (http:// or https:// and a host), not \"../../../etc\"",
                "portal: \"//evil.example\" | 9 | portal \"//evil.example\" is not allowed: a link to another site must say its scheme",
                "portal: !!binary aGk= | 9 | portal must be an absolute URL (http:// or https:// and a host), not \"aGk=\"",
                "portal: [\"https://x\"] | 1 | portal must be one web address, not a list",
                "portal: {a: https://x/} | 1 | portal must be one web address, not a map",
                "portal: \"https://\" | 9 | portal must be an absolute URL (http:// or https:// and a host), not \"https://\"",
                "base_url: example.go.jp/casebook/ | 11 | base_url must be an absolute URL (http:// or https:// and a host), not \"example.go.jp/casebook/\"",
                "base_url: [\"https://x/\"] | 1 | base_url must be one web address, not a list",
                // every page's address is base_url with its path appended, so a query or fragment would swallow it
                "base_url: \"https://example.jp/cb/?lang=ja\" | 11 | base_url must be the address of the site's folder, without a ?query or #fragment, not \"https://example.jp/cb/?lang=ja\"",
                "base_url: \"https://example.jp/cb/#top\" | 11 | base_url must be the address of the site's folder, without a ?query or #fragment, not \"https://example.jp/cb/#top\"",
                "base_url: \"https://user:pw@example.jp/cb/\" | 11 | base_url \"https://user:pw@example.jp/cb/\" is not allowed: a web address may not carry a user name or password before an @: it leads to example.jp",
                "portal: \"https://nimohoukatsu.mhlw.go.jp@evil.example/\" | 9 | portal \"https://nimohoukatsu.mhlw.go.jp@evil.example/\" is not allowed: a web address may not carry a user name or password before an @: it leads to evil.example"
            })
    void refusedAtItsLine(String line, int column, String message) throws Exception {
        BuildResult r = build(line);
        String site = tmp.resolve("content/site.yaml").toString().replace('\\', '/');
        String expected = site + ":6:" + column + ": error: " + message;
        String messages = SiteFixture.messages(r);
        assertTrue(messages.contains(expected), () -> "expected\n" + expected + "\nin\n" + messages);
        assertEquals(1, SiteFixture.errors(r).size(), messages);
        assertFalse(Files.exists(tmp.resolve("site")), "a failed build publishes nothing");
    }

    /** The same rules for {@code --base-url} on the command line: a usage error (exit 2) before anything is read. */
    @ParameterizedTest(name = "--base-url {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://example.jp/cb/?lang=ja | must be the address of the site's folder, without a ?query or #fragment",
                "https://example.jp/cb/#top | must be the address of the site's folder, without a ?query or #fragment",
                "https://www.mhlw.go.jp@evil.example/ | may not carry a user name or password before an @"
            })
    void theCommandLinesBaseUrlFollowsTheSameRules(String url, String message) {
        UsageException e =
                assertThrows(UsageException.class, () -> Arguments.parse(new String[] {"build", "--base-url", url}));
        assertTrue(e.getMessage().startsWith("--base-url"), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void anAbsolutePortalIsLinked() throws Exception {
        BuildResult r = build("portal: https://nimohoukatsu.mhlw.go.jp/");
        assertFalse(r.diagnostics().hasErrors(), SiteFixture.messages(r));
        Document html = Jsoup.parse(tmp.resolve("site/ja/a/index.html").toFile(), "UTF-8");
        List<String> hrefs = html.select("a[href^=https://nimohoukatsu]").eachAttr("href");
        assertFalse(hrefs.isEmpty(), html.outerHtml());
    }
}
