package casebook.pipeline;

import casebook.diag.Diagnostics;
import casebook.frontmatter.SiteConfig;
import casebook.publish.CaseFigures;
import casebook.text.Messages;
import casebook.theme.PageRenderer;
import java.util.Arrays;
import java.util.List;

/**
 * {@code serve}'s memo around the listings stage ({@link ListingStage.Views}, {@link OpenDataPages.Tables}):
 * a listing page's HTML (a language's top, the glossary, landing, 404, search, comparison, open data) is rendered
 * again only when its view (template and view model, the PDF booklets' links among them) or the theme changed;
 * the open data files and the content of the comparison and open-data pages are made again only when the site's
 * settings, the cases' figures (with their titles and labels) or the UI strings changed. The view models are
 * made on every rebuild, as a one-off build makes them: a hit is what rendering them again would give.
 */
final class ListingMemo {
    private final Memo<String, byte[]> views = new Memo<>();
    private final Memo<String, OpenDataPages.Made> tables = new Memo<>();

    /** The HTML of the listing page at {@code path}, reused while its view and theme are last time's. */
    byte[] render(Theme theme, PageRenderer pages, String path, PageRenderer.View view, Diagnostics d) {
        List<Object> inputs = Arrays.asList(theme, view);
        return views.get(path, inputs, d, local -> pages.render(view, local));
    }

    /** The open data files and the pages' content, reused while the settings, the cases and the UI strings are equal. */
    OpenDataPages.Made tables(SiteConfig config, List<CaseFigures> cases, Messages messages) {
        return tables.get(
                "tables",
                Arrays.asList(config, cases, messages),
                new Diagnostics(),
                local -> OpenDataPages.make(config, cases, messages));
    }

    void clear() {
        views.clear();
        tables.clear();
    }
}
