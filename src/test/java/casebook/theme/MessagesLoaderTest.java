package casebook.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.diag.Diagnostics;
import casebook.text.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The theme's i18n files read into one {@link Messages} value, nested keys flattened to dotted ones. */
class MessagesLoaderTest {
    @TempDir
    Path dir;

    @Test
    void flattensEachLanguageAndWarnsOfAKeyOneLanguageLacks() throws Exception {
        Path i18n = Files.createDirectories(dir.resolve("i18n"));
        Files.writeString(i18n.resolve("ja.yaml"), "nav:\n  home: ホーム\n  skip: 本文へ\nunit:\n  people: \"{n}人\"\n");
        Files.writeString(i18n.resolve("en.yaml"), "nav:\n  home: Home\nunit:\n  people: \"{n} people\"\n");
        Diagnostics d = new Diagnostics();
        Messages m = MessagesLoader.load(i18n, List.of("ja", "en"), d, dir);
        assertEquals(Map.of("nav.home", "ホーム", "nav.skip", "本文へ", "unit.people", "{n}人"), m.of("ja"));
        assertEquals("{n} people", m.get("en", "unit.people"));
        assertEquals(List.of("ja", "en"), List.copyOf(m.languages()));
        assertEquals(0, d.errorCount());
        assertEquals(1, d.warningCount());
        String warning = d.kept().get(0).toString();
        assertTrue(warning.contains("\"nav.skip\" is missing (it exists for ja)"), warning);
        assertTrue(warning.contains("en.yaml"), warning);

        Messages again = MessagesLoader.load(i18n, List.of("ja", "en"), new Diagnostics(), dir);
        assertEquals(m, again, "the same files load to an equal value, so serve's memos reuse their work");
        Files.writeString(i18n.resolve("en.yaml"), "nav:\n  home: Start\nunit:\n  people: \"{n} people\"\n");
        assertNotEquals(
                m,
                MessagesLoader.load(i18n, List.of("ja", "en"), new Diagnostics(), dir),
                "a changed text is a different value");
    }

    @Test
    void aLanguageWithoutAFileIsAnErrorAndReadsAsEmpty() throws Exception {
        Path i18n = Files.createDirectories(dir.resolve("i18n"));
        Files.writeString(i18n.resolve("ja.yaml"), "nav:\n  home: ホーム\n");
        Diagnostics d = new Diagnostics();
        Messages m = MessagesLoader.load(i18n, List.of("ja", "en"), d, dir);
        assertEquals(1, d.errorCount());
        String all = d.kept().toString();
        assertTrue(all.contains("en.yaml:1:1: error: the theme has no UI strings for language \"en\""), all);
        assertEquals(Map.of(), m.of("en"));
        assertEquals("ホーム", m.get("ja", "nav.home"));
    }
}
