package casebook.site;

import casebook.frontmatter.SiteConfig;
import java.util.List;
import java.util.Map;

/**
 * The assembled site: the config, the collection's slugs in reading order, and for each language its
 * pages by slug. {@code homes} holds each language's top-page introduction (may be absent).
 */
public record Site(SiteConfig config, List<String> order, Map<String, Map<String, Page>> pages,
                   Map<String, Page> homes, Glossary glossary) {

    /** The page in a language, or null when it is not translated (yet). */
    public Page page(String lang, String slug) {
        Map<String, Page> byLang = pages.get(lang);
        return byLang == null ? null : byLang.get(slug);
    }

    /** The previous page in reading order that exists in this language, or null. */
    public Page previous(String lang, String slug) {
        int i = order.indexOf(slug);
        for (int k = i - 1; k >= 0; k--) if (page(lang, order.get(k)) != null) return page(lang, order.get(k));
        return null;
    }

    public Page next(String lang, String slug) {
        int i = order.indexOf(slug);
        for (int k = i + 1; k >= 1 && k < order.size(); k++) if (page(lang, order.get(k)) != null) return page(lang, order.get(k));
        return null;
    }
}
