package casebook.theme;

import java.io.Writer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link Writer} that encodes what a template writes straight into UTF-8 bytes, the form a page is
 * published in. Writing into a {@link java.io.StringWriter} and encoding its string afterwards copies
 * each page three more times: the buffer is widened to UTF-16 at the first Japanese character, copied
 * into a {@code String}, then encoded. Bytes are the same as {@code String.getBytes(UTF_8)} gives,
 * including a lone surrogate written as {@code ?}. One template run is written by one thread, so
 * nothing here is synchronised (a {@code StringWriter} locks on every small write).
 */
final class Utf8Writer extends Writer {
    /** Chars encoded per capacity check: a page is written in pieces far smaller than this anyway. */
    private static final int CHUNK = 8192;

    private byte[] buf;
    private int n;
    /** A high surrogate whose low half has not been written yet; 0 if none. */
    private char pending;

    Utf8Writer(int capacity) {
        buf = new byte[capacity];
    }

    @Override
    public void write(int c) {
        ensure(4);
        put((char) c);
    }

    @Override
    public void write(char[] cs, int off, int len) {
        Objects.checkFromIndexSize(off, len, cs.length);
        for (int from = off, end = off + len; from < end; from += CHUNK) {
            int to = Math.min(end, from + CHUNK);
            ensure((to - from) * 3 + 4);
            for (int i = from; i < to; i++) {
                put(cs[i]);
            }
        }
    }

    @Override
    public void write(String s) {
        write(s, 0, s.length());
    }

    @Override
    public void write(String s, int off, int len) {
        Objects.checkFromIndexSize(off, len, s.length());
        for (int from = off, end = off + len; from < end; from += CHUNK) {
            writeChunk(s, from, Math.min(end, from + CHUNK));
        }
    }

    private void writeChunk(String s, int from, int to) {
        ensure((to - from) * 3 + 4);
        byte[] b = buf;
        int k = n;
        int i = from;
        if (pending == 0) {
            // the common case: ASCII, one byte per char, no surrogate bookkeeping
            while (i < to) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    break;
                }
                b[k++] = (byte) c;
                i++;
            }
        }
        n = k;
        for (; i < to; i++) {
            put(s.charAt(i));
        }
    }

    @Override
    public Utf8Writer append(CharSequence s) {
        String str = String.valueOf(s);
        write(str, 0, str.length());
        return this;
    }

    @Override
    public Utf8Writer append(CharSequence s, int start, int end) {
        String str = (s == null ? "null" : s).subSequence(start, end).toString();
        write(str, 0, str.length());
        return this;
    }

    @Override
    public Utf8Writer append(char c) {
        write(c);
        return this;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    /** The bytes written so far (a lone high surrogate at the very end becomes {@code ?}). */
    byte[] toByteArray() {
        if (pending != 0) {
            ensure(1);
            buf[n++] = '?';
            pending = 0;
        }
        return Arrays.copyOf(buf, n);
    }

    private void put(char c) {
        if (pending != 0) {
            char high = pending;
            pending = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(high, c);
                buf[n++] = (byte) (0xF0 | cp >> 18);
                buf[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buf[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buf[n++] = (byte) (0x80 | cp & 0x3F);
                return;
            }
            buf[n++] = '?';
        }
        if (c < 0x80) {
            buf[n++] = (byte) c;
        } else if (c < 0x800) {
            buf[n++] = (byte) (0xC0 | c >> 6);
            buf[n++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)) {
            pending = c;
        } else if (Character.isLowSurrogate(c)) {
            buf[n++] = '?';
        } else {
            buf[n++] = (byte) (0xE0 | c >> 12);
            buf[n++] = (byte) (0x80 | c >> 6 & 0x3F);
            buf[n++] = (byte) (0x80 | c & 0x3F);
        }
    }

    private void ensure(int more) {
        if (n + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
        }
    }
}
