package casebook.site;

import casebook.frontmatter.PageMeta;
import casebook.frontmatter.YamlNode;
import casebook.markdown.RenderedBody;
import casebook.text.Urls;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    /** A piece of a page's text that is not in its Markdown body, and the file, line and column where it starts. */
    public record Text(Path file, int line, int column, String text) {}

    /**
     * The page's text outside its body, to report a problem found in it at its place: the title and label of its
     * front matter, then every text value of its data file in file order.
     */
    public List<Text> textOutsideBody() {
        List<Text> texts = new ArrayList<>();
        if (meta != null && meta.title() != null) {
            texts.add(new Text(display, Math.max(1, meta.titleLine()), 1, meta.title()));
        }
        if (meta != null && meta.label() != null) {
            texts.add(new Text(display, Math.max(1, meta.labelLine()), 1, meta.label()));
        }
        if (data != null && dataDisplay != null) {
            addScalars(data, texts);
        }
        return texts;
    }

    private void addScalars(YamlNode node, List<Text> texts) {
        if (node.isMap()) {
            node.map().values().forEach(v -> addScalars(v, texts));
        } else if (node.isList()) {
            node.list().forEach(v -> addScalars(v, texts));
        } else if (node.value() instanceof String s) {
            texts.add(new Text(dataDisplay, node.line(), node.column(), s));
        }
    }

    public Page withRendered(RenderedBody r) {
        return new Page(slug, lang, meta, display, body, bodyStartLine, data, dataDisplay, r);
    }
}
