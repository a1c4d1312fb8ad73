package casebook.source;

import casebook.diag.Diagnostics;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Decodes bytes as strict UTF-8. A UTF-8 BOM is dropped and CRLF/CR become LF. Bytes that are not
 * UTF-8 (typically a file saved as Shift_JIS by a Windows editor) become one error naming the line
 * and the fix, and the file is skipped.
 */
public final class TextDecoder {
    private TextDecoder() {}

    /** The decoded text, or null after reporting an error. */
    public static String decode(byte[] bytes, Path display, Diagnostics diagnostics) {
        int start =
                bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF
                        ? 3
                        : 0;
        // the JDK's lenient decoder is much faster and agrees with the strict one on valid UTF-8; it turns
        // invalid bytes into U+FFFD, so only text holding one (rare) is decoded again, strictly
        String fast = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return normaliseLineEndings(fast);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidOffset(bytes, start);
            int line = 1;
            int col = 1;
            for (int i = start; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    col = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    col++;
                }
            }
            diagnostics.error(
                    display,
                    line,
                    col,
                    "file is not UTF-8 (byte 0x"
                            + Integer.toHexString(bytes[bad] & 0xff).toUpperCase() + " at byte offset " + bad
                            + "); it looks like Shift_JIS or another legacy encoding",
                    "save the file as UTF-8 (in Notepad: File > Save As > Encoding: UTF-8; in VS Code: click the"
                            + " encoding in the status bar > Save with Encoding > UTF-8)");
            return null;
        }
        return normaliseLineEndings(text);
    }

    static String normaliseLineEndings(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
    static int firstInvalidOffset(byte[] b, int from) {
        int i = from;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int n = c < 0x80
                    ? 0
                    : (c >> 5) == 0x6 && c >= 0xC2 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E && c <= 0xF4 ? 3 : -1;
            if (n < 0 || i + n >= b.length + (n == 0 ? 1 : 0) && n > 0) {
                return i;
            }
            for (int k = 1; k <= n; k++) {
                if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += n + 1;
        }
        return Math.max(from, b.length - 1);
    }
}
