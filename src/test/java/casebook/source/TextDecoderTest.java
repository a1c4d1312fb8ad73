package casebook.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.diag.Diagnostics;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
    @Test
    void bomIsDroppedAndLineEndingsNormalised() {
        Diagnostics d = new Diagnostics();
        String s = TextDecoder.decode("\uFEFFa\r\nb\rc\n".getBytes(StandardCharsets.UTF_8), Path.of("f"), d);
        assertEquals("a\nb\nc\n", s);
        assertEquals(0, d.errorCount());
    }

    @Test
    void shiftJisIsReportedAtItsLineWithTheFix() {
        Diagnostics d = new Diagnostics();
        byte[] bytes = "title\n日本語\n".getBytes(Charset.forName("Shift_JIS"));
        assertNull(TextDecoder.decode(bytes, Path.of("p.md"), d));
        String m = d.kept().get(0).toString();
        assertTrue(m.startsWith("p.md:2:1: error: file is not UTF-8"), m);
        assertTrue(m.contains("Save with Encoding > UTF-8"), m);
    }

    @Test
    void editorLeftoversAreIgnored() {
        assertTrue(ContentScanner.isIgnored(Path.of("a/index.ja.md~")));
        assertTrue(ContentScanner.isIgnored(Path.of("a/.index.ja.md.swp")));
        assertTrue(ContentScanner.isIgnored(Path.of("a/index.ja.md.bak")));
        assertTrue(!ContentScanner.isIgnored(Path.of("a/index.ja.md")));
    }
}
