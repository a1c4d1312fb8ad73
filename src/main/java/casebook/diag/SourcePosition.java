package casebook.diag;

import java.nio.file.Path;

/**
 * A 1-based line and column in a file. Line 0 means "the file as a whole" (for problems such as an
 * undecodable file, where no line applies); it is printed as line 1, column 1.
 */
public record SourcePosition(Path file, int line, int column) implements Comparable<SourcePosition> {

    public static SourcePosition of(Path file, int line, int column) {
        return new SourcePosition(file, Math.max(1, line), Math.max(1, column));
    }

    public static SourcePosition start(Path file) {
        return new SourcePosition(file, 1, 1);
    }

    /** The path as printed: relative, with forward slashes, so messages read the same on Windows. */
    public String displayPath() {
        return file.toString().replace('\\', '/');
    }

    @Override
    public String toString() {
        return displayPath() + ":" + line + ":" + column;
    }

    @Override
    public int compareTo(SourcePosition o) {
        int c = displayPath().compareTo(o.displayPath());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }
}
