package casebook.site;

import casebook.frontmatter.SiteConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The assembled site: the config, the collection's slugs in reading order, and for each language its
 * pages by slug. {@code homes} holds each language's top-page introduction (may be absent).
 * {@code unloaded} holds the page files that exist but could not be loaded, so that later checks do not
 * report them a second time as missing.
 */
public record Site(
        SiteConfig config,
        List<String> order,
        Map<String, Map<String, Page>> pages,
        Map<String, Page> homes,
        Glossary glossary,
        Map<String, Integer> positions,
        Set<Path> unloaded) {

    public Site(
            SiteConfig config,
            List<String> order,
            Map<String, Map<String, Page>> pages,
            Map<String, Page> homes,
            Glossary glossary) {
        this(config, order, pages, homes, glossary, Set.of());
    }

    /** @param unloaded page files that exist but could not be loaded (their errors already reported) */
    public Site(
            SiteConfig config,
            List<String> order,
            Map<String, Map<String, Page>> pages,
            Map<String, Page> homes,
            Glossary glossary,
            Set<Path> unloaded) {
        this(config, order, pages, homes, glossary, positionsOf(order), Set.copyOf(unloaded));
    }

    private static Map<String, Integer> positionsOf(List<String> order) {
        Map<String, Integer> m = new HashMap<>(order.size() * 2);
        for (int i = 0; i < order.size(); i++) {
            m.put(order.get(i), i);
        }
        return Map.copyOf(m);
    }

    /**
     * A language's pages as a site holds them: iterated in slug order, looked up by slug (many times per
     * page) through a hash.
     */
    public static Map<String, Page> bySlug(Map<String, Page> pages) {
        return new LinkedHashMap<>(pages instanceof SortedMap ? pages : new TreeMap<>(pages));
    }

    /** The page in a language, or null when it is not translated (yet). */
    public Page page(String lang, String slug) {
        Map<String, Page> byLang = pages.get(lang);
        return byLang == null ? null : byLang.get(slug);
    }

    /**
     * The previous page of the collection in reading order that exists in this language, or null.
     * Pages about the site itself ({@code group: about}, such as the accessibility statement) are not
     * part of the reading sequence: they have no previous/next links and are skipped by others'.
     */
    public Page previous(String lang, String slug) {
        return neighbour(lang, slug, -1);
    }

    public Page next(String lang, String slug) {
        return neighbour(lang, slug, 1);
    }

    private Page neighbour(String lang, String slug, int step) {
        int i = positions.getOrDefault(slug, -1);
        Page self = page(lang, slug);
        if (i < 0 || self != null && isAbout(self)) {
            return null;
        }
        for (int k = i + step; k >= 0 && k < order.size(); k += step) {
            Page p = page(lang, order.get(k));
            if (p != null && !isAbout(p)) {
                return p;
            }
        }
        return null;
    }

    /** The group of pages about the site itself; it needs no entry in site.yaml's groups. */
    public static final String ABOUT = "about";

    public static boolean isAbout(Page p) {
        return ABOUT.equals(p.meta().group());
    }
}
