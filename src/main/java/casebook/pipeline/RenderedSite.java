package casebook.pipeline;

import casebook.site.Page;
import casebook.site.Site;
import casebook.site.StaleSections;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The site after the page stage: every page and language top with its rendered body (outline, ids
 * and links; HTML only when {@code serve} keeps it), and the stale-section notices of the translations.
 */
record RenderedSite(Site site, StaleSections stale) {

    /** Every page in every language, language tops excluded. */
    List<Page> pages() {
        List<Page> all = new ArrayList<>();
        for (Map<String, Page> byLang : site.pages().values()) {
            all.addAll(byLang.values());
        }
        return all;
    }
}
