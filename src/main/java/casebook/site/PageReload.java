package casebook.site;

import casebook.diag.Diagnostics;
import casebook.frontmatter.FrontMatter;
import casebook.frontmatter.PageMeta;
import casebook.frontmatter.YamlNode;
import casebook.frontmatter.YamlReader;
import casebook.source.ContentScanner;
import casebook.source.TextDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Re-reads one saved page file for {@code serve}'s page-only update: the page with its new body, or null
 * when anything but the body changed or has a problem (then a full build reads and reports it).
 */
public final class PageReload {
    private PageReload() { }

    /** Re-reads a page file; null when its front matter changed or has problems (a full build reports them). */
    public static Page reload(Page old, Path file, Path cwd) {
        ContentScanner scanner = new ContentScanner(cwd);
        try {
            Diagnostics local = new Diagnostics();
            String text = TextDecoder.decode(Files.readAllBytes(file), scanner.display(file), local);
            if (text == null) return null;
            FrontMatter fm = FrontMatter.split(text);
            if (fm == null) return null;
            YamlNode node = YamlReader.read(fm.yaml(), old.display(), fm.yamlStartLine() - 1, local);
            if (node == null) return null;
            PageMeta meta = PageMeta.from(node, old.display(), fm.yamlStartLine(), local);
            // a placeholder is reported by the full build's assembly stage, which this path skips
            Placeholders.scan(old.display(), text, old.lang(), "", false, local);
            if (meta == null || local.errorCount() + local.warningCount() > 0 || !meta.equals(old.meta())) return null;
            return new Page(old.slug(), old.lang(), meta, old.display(), fm.body(), fm.bodyStartLine(), old.data(), old.dataDisplay(), null);
        } catch (IOException e) {
            return null;
        }
    }

}
