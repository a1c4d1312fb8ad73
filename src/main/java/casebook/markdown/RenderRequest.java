package casebook.markdown;

import casebook.frontmatter.YamlNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything the Markdown stage needs to render one page body.
 *
 * @param display       the page file as printed in diagnostics
 * @param lang          the page's language code
 * @param body          the Markdown after the front matter
 * @param bodyStartLine 1-based line of the body's first line in the file
 * @param data          the page's data.yaml (or null), for {@code {{data.key}}}, basic-info and key points
 * @param dataDisplay   data.yaml as printed in diagnostics (or null)
 * @param messages      the theme's messages in this language ({@code Messages.of(lang)}: container headings,
 *                      units, dates)
 * @param glossary      terms to link on first use, for this language
 * @param glossaryHref  relative URL of the glossary page from this page (e.g. {@code ../glossary/})
 * @param markJapanese  wrap Japanese runs in {@code <span lang="ja">} (true on non-Japanese pages)
 * @param sitePages     the collection's pages in every language, for a body that lists them
 *                      ({@code :::page-results}); empty for any other page
 */
public record RenderRequest(
        Path display,
        String lang,
        String body,
        int bodyStartLine,
        YamlNode data,
        Path dataDisplay,
        Map<String, String> messages,
        GlossaryTerms glossary,
        String glossaryHref,
        boolean markJapanese,
        List<SitePage> sitePages) {

    /** One page of the collection in one language: its output path ({@code ja/saitama/index.html}), language and title. */
    public record SitePage(String path, String lang, String title) {}

    /** A request for a body that lists no other page. */
    public RenderRequest(
            Path display,
            String lang,
            String body,
            int bodyStartLine,
            YamlNode data,
            Path dataDisplay,
            Map<String, String> messages,
            GlossaryTerms glossary,
            String glossaryHref,
            boolean markJapanese) {
        this(
                display,
                lang,
                body,
                bodyStartLine,
                data,
                dataDisplay,
                messages,
                glossary,
                glossaryHref,
                markJapanese,
                List.of());
    }

    /** A data.yaml is there but could not be read (its syntax error is reported already): say nothing more of it. */
    public boolean dataUnreadable() {
        return data == null && dataDisplay != null;
    }

    /** The theme's UI string {@code key} in this page's language, or the key itself when the theme has none. */
    public String message(String key) {
        String v = messages.get(key);
        return v == null ? key : v;
    }
}
