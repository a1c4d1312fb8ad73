package casebook.theme;

import java.io.Writer;

/**
 * A {@link Writer} into a {@link StringBuilder}. {@link java.io.StringWriter} appends to a
 * {@link StringBuffer}, which takes a lock on each of the hundreds of small writes a template makes per
 * page; one template run is only ever written by one thread, so this takes none.
 */
final class TextWriter extends Writer {
    private final StringBuilder out;

    TextWriter(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    @Override public void write(int c) { out.append((char) c); }

    @Override public void write(char[] buf, int off, int len) { out.append(buf, off, len); }

    @Override public void write(String s) { out.append(s); }

    @Override public void write(String s, int off, int len) { out.append(s, off, off + len); }

    @Override public Writer append(CharSequence s) {
        out.append(s);
        return this;
    }

    @Override public Writer append(CharSequence s, int start, int end) {
        out.append(s, start, end);
        return this;
    }

    @Override public Writer append(char c) {
        out.append(c);
        return this;
    }

    @Override public void flush() { }

    @Override public void close() { }

    @Override public String toString() { return out.toString(); }
}
