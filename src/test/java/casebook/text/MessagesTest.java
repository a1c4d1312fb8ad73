package casebook.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The theme's messages as one value: read by language and key, unchangeable, equal by their texts. */
class MessagesTest {
    private static Map<String, Map<String, String>> raw() {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        m.put("ja", new TreeMap<>(Map.of("nav.home", "ホーム", "unit.people", "{n}人")));
        m.put("en", new TreeMap<>(Map.of("nav.home", "Home", "unit.people", "{n} people")));
        return m;
    }

    @Test
    void readsOneLanguageOrOneKey() {
        Messages m = new Messages(raw());
        assertEquals(Map.of("nav.home", "Home", "unit.people", "{n} people"), m.of("en"));
        assertEquals("ホーム", m.get("ja", "nav.home"));
        assertNull(m.get("en", "nav.skip"));
        assertEquals("Skip", m.get("en", "nav.skip", "Skip"));
        assertEquals("Home", m.get("en", "nav.home", "fallback"));
        assertEquals(Map.of(), m.of("fr"), "a language the theme has no messages for reads as empty");
        assertNull(m.get("fr", "nav.home"));
    }

    @Test
    void keepsTheOrderOfLanguagesAndKeys() {
        Messages m = new Messages(raw());
        assertEquals(List.of("ja", "en"), List.copyOf(m.languages()));
        assertEquals(List.of("nav.home", "unit.people"), List.copyOf(m.of("ja").keySet()));
    }

    @Test
    void isACopyThatCannotBeChanged() {
        Map<String, Map<String, String>> source = raw();
        Messages m = new Messages(source);
        source.get("en").put("nav.home", "Changed");
        source.put("de", Map.of());
        assertEquals("Home", m.get("en", "nav.home"), "later changes to the loaded map do not reach the value");
        assertEquals(List.of("ja", "en"), List.copyOf(m.languages()));
        assertThrows(UnsupportedOperationException.class, () -> m.of("en").put("nav.home", "x"));
        assertThrows(UnsupportedOperationException.class, () -> m.languages().remove("ja"));
    }

    @Test
    void equalByValueSoServesMemosFindIt() {
        Map<String, Map<String, String>> other = new HashMap<>();
        other.put("en", new HashMap<>(Map.of("unit.people", "{n} people", "nav.home", "Home")));
        other.put("ja", new HashMap<>(Map.of("unit.people", "{n}人", "nav.home", "ホーム")));
        assertEquals(new Messages(raw()), new Messages(other));
        assertEquals(new Messages(raw()).hashCode(), new Messages(other).hashCode());
        other.get("en").put("nav.home", "Start");
        assertNotEquals(new Messages(raw()), new Messages(other), "one text changed");
    }
}
