package casebook.site;

import casebook.frontmatter.PageMeta;
import casebook.frontmatter.YamlNode;
import casebook.markdown.RenderedBody;
import casebook.text.Urls;
import java.nio.file.Path;

/**
 * One page in one language. {@code slug} is "" for a language's top page. {@code path} is its output
 * file relative to the site root ({@code ja/saitama/index.html}).
 */
public record Page(
        String slug,
        String lang,
        PageMeta meta,
        Path display,
        String body,
        int bodyStartLine,
        YamlNode data,
        Path dataDisplay,
        RenderedBody rendered) {

    public String path() {
        return Urls.page(lang, slug);
    }

    public Page withRendered(RenderedBody r) {
        return new Page(slug, lang, meta, display, body, bodyStartLine, data, dataDisplay, r);
    }
}
