package casebook.markdown;

import java.util.Arrays;

/**
 * Line starts of one text, found once, so the line and column of any offset are a binary search.
 * Every position the Markdown stage finds as an offset goes through one: a parsed segment's (a node's
 * offset in the Flexmark document) and a segment's raw text (a data reference before parsing). The scans
 * that walk a text line by line ({@link ContainerSplitter}, {@link MarkdownLimits#prescan},
 * {@link DialogueBlock}) count their lines as they go instead. {@code firstLine} is the file line of the
 * text's first line.
 */
final class LineMap {
    private final int[] starts;
    private final int firstLine;

    LineMap(CharSequence text, int firstLine) {
        this.firstLine = firstLine;
        int[] found = new int[64];
        int n = 1;
        if (text instanceof String s) {
            for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
                if (n == found.length) {
                    found = Arrays.copyOf(found, n * 2);
                }
                found[n++] = i + 1;
            }
        } else {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) != '\n') {
                    continue;
                }
                if (n == found.length) {
                    found = Arrays.copyOf(found, n * 2);
                }
                found[n++] = i + 1;
            }
        }
        starts = Arrays.copyOf(found, n);
    }

    /** The 0-based line of an offset within the text. */
    int index(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i : -i - 2;
    }

    /** The offset where the 0-based line {@code index} starts. */
    int start(int index) {
        return starts[index];
    }

    /** The number of lines. */
    int lines() {
        return starts.length;
    }

    /** The file line of an offset. */
    int line(int offset) {
        return index(offset) + firstLine;
    }

    /** The 1-based column of an offset. */
    int column(int offset) {
        return offset - starts[index(offset)] + 1;
    }
}
