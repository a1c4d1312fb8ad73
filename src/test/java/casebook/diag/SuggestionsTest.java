package casebook.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    @Test
    void transposedLettersSuggestTheKnownKey() {
        assertEquals("title", Suggestions.closest("titel", List.of("title", "label", "order")));
        assertEquals("keypoint", Suggestions.closest("keypiont", List.of("keypoint", "note")));
    }

    @Test
    void unrelatedWordsSuggestNothing() {
        assertNull(Suggestions.closest("banana", List.of("title", "label", "order")));
    }

    @Test
    void diagnosticsPrintAsPathLineColumn() {
        Diagnostics d = new Diagnostics();
        d.error(Path.of("content/a/index.ja.md"), 12, 3, "unknown key", "rename it");
        assertEquals(
                "content/a/index.ja.md:12:3: error: unknown key (fix: rename it)",
                d.kept().get(0).toString());
        assertEquals(1, d.errorCount());
    }

    @Test
    void theListIsCappedButTheCountIsExact() {
        Diagnostics d = new Diagnostics(2);
        for (int i = 0; i < 5; i++) {
            d.warning(Path.of("a"), i + 1, 1, "w", null);
        }
        assertEquals(2, d.kept().size());
        assertEquals(5, d.warningCount());
        assertEquals(3, d.dropped());
    }
}
