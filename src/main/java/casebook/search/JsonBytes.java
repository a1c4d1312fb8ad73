package casebook.search;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A file of the index written straight as UTF-8 bytes: ASCII pieces, and strings as {@link IndexBuilder#json}
 * writes them (the same escapes), encoded as {@link String#getBytes} with UTF-8 encodes them (a surrogate
 * without its pair becomes {@code ?}). Saves making the JSON as a string first and encoding it after.
 */
final class JsonBytes {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] b;
    private int at;
    /** A string's characters, read from here rather than from the string (one loop for every kind of string). */
    private char[] chars = new char[256];

    JsonBytes(int capacity) {
        b = new byte[capacity];
    }

    /** Appends ASCII text as it is. */
    JsonBytes ascii(byte[] text) {
        room(text.length);
        System.arraycopy(text, 0, b, at, text.length);
        at += text.length;
        return this;
    }

    JsonBytes ascii(char c) {
        room(1);
        b[at++] = (byte) c;
        return this;
    }

    JsonBytes number(int n) {
        return ascii(Integer.toString(n).getBytes(StandardCharsets.US_ASCII));
    }

    /** Appends {@code s} as a JSON string: {@link IndexBuilder#json(String)} in UTF-8. */
    JsonBytes string(String s) {
        int n = s.length();
        if (chars.length < n + 1) {
            chars = new char[Math.max(n + 1, chars.length * 2)];
        }
        char[] a = chars;
        s.getChars(0, n, a, 0);
        a[n] = 0; // the unit after the last, looked at after a high surrogate: no low surrogate
        room(n * 6 + 2);
        byte[] out = b;
        int k = at;
        out[k++] = '"';
        for (int i = 0; i < n; i++) {
            char c = a[i];
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&') {
                    out[k++] = (byte) c;
                } else {
                    k = escape(out, k, c);
                }
            } else if (c < 0x800) {
                out[k++] = (byte) (0xC0 | c >> 6);
                out[k++] = (byte) (0x80 | c & 0x3F);
            } else if (c == 0x2028 || c == 0x2029) {
                k = escape(out, k, c);
            } else if (!Character.isSurrogate(c)) {
                out[k++] = (byte) (0xE0 | c >> 12);
                out[k++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[k++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && Character.isLowSurrogate(a[i + 1])) {
                int cp = Character.toCodePoint(c, a[++i]);
                out[k++] = (byte) (0xF0 | cp >> 18);
                out[k++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[k++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[k++] = (byte) (0x80 | cp & 0x3F);
            } else {
                out[k++] = '?'; // as String.getBytes writes a surrogate without its pair
            }
        }
        out[k++] = '"';
        at = k;
        return this;
    }

    private static int escape(byte[] out, int k, char c) {
        out[k++] = '\\';
        switch (c) {
            case '"' -> out[k++] = '"';
            case '\\' -> out[k++] = '\\';
            case '\n' -> out[k++] = 'n';
            default -> {
                out[k++] = 'u';
                out[k++] = HEX[c >> 12 & 15];
                out[k++] = HEX[c >> 8 & 15];
                out[k++] = HEX[c >> 4 & 15];
                out[k++] = HEX[c & 15];
            }
        }
        return k;
    }

    private void room(int n) {
        if (at + n > b.length) {
            b = Arrays.copyOf(b, Math.max(b.length * 2, at + n));
        }
    }

    /** The bytes written. */
    byte[] bytes() {
        return Arrays.copyOf(b, at);
    }
}
