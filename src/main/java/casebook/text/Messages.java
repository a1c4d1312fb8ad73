package casebook.text;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The theme's messages: its UI strings per language, each a dotted key ({@code keypoint.title}) with its text,
 * as {@code casebook.theme.MessagesLoader} read them from {@code themes/<name>/i18n/<lang>.yaml}. "Messages" is
 * their one name: templates read one language's as {@code messages["key"]} ({@link #of}), the Markdown stage as
 * {@code RenderRequest.message(key)}, the open data as {@code OpenData.message(lang, key)}.
 *
 * <p>Immutable, and equal to another with the same languages, keys and texts ({@code serve}'s memos compare their
 * inputs by {@code equals}). Languages and keys keep the order they were given in.
 */
public final class Messages {
    private final Map<String, Map<String, String>> byLanguage;

    /** The messages {@code byLanguage} holds (language → key → text), copied. */
    public Messages(Map<String, Map<String, String>> byLanguage) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> e : byLanguage.entrySet()) {
            copy.put(
                    Objects.requireNonNull(e.getKey()), Collections.unmodifiableMap(new LinkedHashMap<>(e.getValue())));
        }
        this.byLanguage = Collections.unmodifiableMap(copy);
    }

    /** One language's messages, key → text (empty for a language the theme has none for); unmodifiable. */
    public Map<String, String> of(String lang) {
        Map<String, String> m = byLanguage.get(lang);
        return m == null ? Map.of() : m;
    }

    /** The text of {@code key} in {@code lang}, or null when there is none. */
    public String get(String lang, String key) {
        return of(lang).get(key);
    }

    /** The text of {@code key} in {@code lang}, or {@code fallback} when there is none. */
    public String get(String lang, String key, String fallback) {
        return of(lang).getOrDefault(key, fallback);
    }

    /** The languages, in the order they were loaded. */
    public Set<String> languages() {
        return byLanguage.keySet();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Messages m && byLanguage.equals(m.byLanguage));
    }

    @Override
    public int hashCode() {
        return byLanguage.hashCode();
    }

    @Override
    public String toString() {
        return "Messages" + byLanguage;
    }
}
