package casebook.markdown;

import java.util.Arrays;

/**
 * Where a segment's text as parsed differs from the text as the editor wrote it: each data reference
 * ({@code {{ data.key }}}) replaced by its value, which is seldom as long as the reference. Maps an offset
 * into the parsed text back to the written text, so that a problem found after a reference on the same
 * line (a link, a heading id, raw HTML) is reported at the column the editor sees. An offset inside a
 * value maps to the start of its reference.
 */
final class SourceOffsets {
    /** The text was parsed as written. */
    static final SourceOffsets NONE = new SourceOffsets();

    private int n;
    /** Per replacement, in order: where its value starts and ends in the parsed text, and its reference in the written text. */
    private int[] parsedStart = new int[0];

    private int[] parsedEnd = new int[0];
    private int[] sourceEnd = new int[0];
    private int[] sourceStart = new int[0];

    /** Records that the written text from {@code sourceStart} to {@code sourceEnd} became {@code length} characters at {@code parsedStart}. */
    void replaced(int sourceStart, int sourceEnd, int parsedStart, int length) {
        if (this == NONE) {
            throw new IllegalStateException("NONE is shared");
        }
        if (n == this.parsedStart.length) {
            int size = Math.max(4, n * 2);
            this.parsedStart = Arrays.copyOf(this.parsedStart, size);
            this.parsedEnd = Arrays.copyOf(this.parsedEnd, size);
            this.sourceStart = Arrays.copyOf(this.sourceStart, size);
            this.sourceEnd = Arrays.copyOf(this.sourceEnd, size);
        }
        this.parsedStart[n] = parsedStart;
        this.parsedEnd[n] = parsedStart + length;
        this.sourceStart[n] = sourceStart;
        this.sourceEnd[n] = sourceEnd;
        n++;
    }

    boolean isEmpty() {
        return n == 0;
    }

    /** The offset in the written text of an offset in the parsed text. */
    int source(int parsed) {
        if (n == 0) {
            return parsed;
        }
        // the last replacement that starts at or before the offset (replacements are recorded in order)
        int lo = 0;
        int hi = n - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (parsedStart[mid] <= parsed) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) {
            return parsed;
        }
        if (parsed < parsedEnd[found]) {
            return sourceStart[found];
        }
        return sourceEnd[found] + (parsed - parsedEnd[found]);
    }
}
