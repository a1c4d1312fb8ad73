package casebook.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicPublisherTest {
    @TempDir Path tmp;

    @Test
    void publishReplacesTheWholeFolderAndLeavesNoTemporaries() throws IOException {
        Path out = tmp.resolve("site");
        Files.createDirectories(out.resolve("old"));
        Files.writeString(out.resolve("old/stale.html"), "stale");
        Files.createDirectories(tmp.resolve("site.tmp-999/x"));   // leftover of an interrupted run
        OutputTree tree = new OutputTree();
        tree.put("index.html", "new");
        tree.put("ja/a/index.html", "a");
        AtomicPublisher.publish(tree, out);
        assertEquals("new", Files.readString(out.resolve("index.html")));
        assertEquals("a", Files.readString(out.resolve("ja/a/index.html")));
        assertFalse(Files.exists(out.resolve("old/stale.html")), "files of the previous build are gone");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(1, s.count(), "only site/ remains");
        }
        assertTrue(Files.isDirectory(out));
    }
}
