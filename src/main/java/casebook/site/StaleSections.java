package casebook.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stale-section notices of every translated page, by language and slug, filled by
 * {@code casebook.check.TranslationChecker} (slugs in parallel) and read by the page templates. Safe for concurrent use.
 */
public final class StaleSections {
    private final Map<String, List<StaleSection>> byPage;

    public StaleSections() {
        this(new ConcurrentHashMap<>());
    }

    private StaleSections(Map<String, List<StaleSection>> byPage) {
        this.byPage = byPage;
    }

    /** The notices of one page; empty when it has none. */
    public List<StaleSection> of(String lang, String slug) {
        return byPage.getOrDefault(key(lang, slug), List.of());
    }

    /** Records a page's notices, or forgets its old ones when {@code sections} is empty. */
    public void put(String lang, String slug, List<StaleSection> sections) {
        if (sections.isEmpty()) {
            byPage.remove(key(lang, slug));
        } else {
            byPage.put(key(lang, slug), sections);
        }
    }

    /** A copy (in insertion order) that later changes to this one do not affect. */
    public StaleSections copy() {
        return new StaleSections(new ConcurrentHashMap<>(new LinkedHashMap<>(byPage)));
    }

    private static String key(String lang, String slug) {
        return lang + "/" + slug;
    }
}
