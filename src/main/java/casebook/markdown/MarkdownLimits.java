package casebook.markdown;

import casebook.diag.Diagnostics;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The limits on Markdown that keep parsing and rendering linear and within the thread's stack
 * (docs/security.md, "Limits"). Each is reported as an error at the line where it is exceeded; what
 * exceeds it is left out of the page (the build fails, so nothing is published).
 * <ul>
 * <li>{@value #MAX_DEPTH} levels of nesting: block quotes, list items, emphasis and links inside one
 *     another (and, in {@link ContainerSplitter}, {@code :::} containers inside one another). A line
 *     that opens far deeper than that is removed before Flexmark sees it (Flexmark's list parsing is
 *     quadratic in the depth); the tree is then walked, without recursion, and anything deeper than
 *     the limit is cut off before {@link AstRenderer}, which recurses, writes it.</li>
 * <li>{@value #MAX_MARKUP_RUN} characters of {@code - * _ | :} (and spaces) at the start of a line:
 *     Flexmark's thematic-break and table-separator patterns recurse once per character and overflow
 *     the stack at a few thousand.</li>
 * <li>{@value #MAX_INLINE_CHARS} characters in one paragraph, heading or table cell
 *     ({@link LinearInlineParser}): Flexmark's inline parser is quadratic on some unclosed constructs.</li>
 * <li>{@value #MAX_EMPHASIS_RUNS} runs of {@code *} or {@code _} in one paragraph, and
 *     {@value #LINK_SCAN_BUDGET} characters scanned for link addresses in one paragraph
 *     ({@link LinearInlineParser}).</li>
 * <li>{@value #MAX_BODY_CHARS} characters in one page body ({@link ContainerSplitter}).</li>
 * </ul>
 */
final class MarkdownLimits {
    /** Block quotes, list items, emphasis, links and {@code :::} containers inside one another, at most. */
    static final int MAX_DEPTH = 32;
    /** A line opening more levels than this (a rough upper bound from its markers and indentation) is not parsed. */
    static final int PRESCAN_DEPTH = 2 * MAX_DEPTH;
    /** Leading {@code - * _ | :} characters, spaces and tabs on one line, at most. */
    static final int MAX_MARKUP_RUN = 500;
    /** Characters of one paragraph, heading or table cell, at most. */
    static final int MAX_INLINE_CHARS = 10_000;
    /** Runs of {@code *} or {@code _} in one paragraph, heading or table cell, at most. */
    static final int MAX_EMPHASIS_RUNS = 1_000;
    /** Characters scanned for link addresses in one paragraph, heading or table cell, at most. */
    static final long LINK_SCAN_BUDGET = 1_000_000;
    /** Characters of one page body, at most. */
    static final int MAX_BODY_CHARS = 1_000_000;

    static final String DEPTH_MESSAGE = "nested more than " + MAX_DEPTH + " levels deep";
    static final String DEPTH_HINT =
            "block quotes, lists, emphasis and containers need a few levels at most;" + " flatten the structure";

    private MarkdownLimits() {}

    /**
     * Parses one Markdown segment within the limits: lines that break them are blanked first (so line
     * numbers stay as they were), and the tree is cut below {@link #MAX_DEPTH}. Every problem is reported
     * once per segment, at its line.
     */
    static Document parse(Parser parser, String text, int startLine, PageState state) {
        Path display = state.request.display();
        Diagnostics d = state.diagnostics;
        int[] blankedDeep = {-1};
        String checked = prescan(text, startLine, display, d, blankedDeep);
        Document doc = parser.parse(checked);
        int tooLong = LinearInlineParser.TOO_LONG.get(doc);
        if (tooLong >= 0) {
            d.error(
                    display,
                    lineOf(checked, tooLong, startLine),
                    1,
                    "paragraph of more than " + MAX_INLINE_CHARS
                            + " characters without a blank line; its Markdown is not read",
                    "split it with blank lines");
        }
        int tooComplex = LinearInlineParser.TOO_COMPLEX.get(doc);
        if (tooComplex >= 0) {
            d.error(
                    display,
                    lineOf(checked, tooComplex, startLine),
                    1,
                    "paragraph too complex to read: more than " + MAX_EMPHASIS_RUNS
                            + " runs of * or _, or many links without their closing ')'",
                    "close each link as [text](address), and split the paragraph with blank lines");
        }
        // reported where the tree first goes too deep; failing that (the prescan removed all of it), at the first line
        // removed
        if (!cutDeep(doc, text, startLine, display, d) && blankedDeep[0] >= 0) {
            d.error(display, blankedDeep[0], 1, DEPTH_MESSAGE, DEPTH_HINT);
        }
        return doc;
    }

    /**
     * The text with each line that breaks a line limit blanked. A line too long a run of markup is
     * reported here; the first line opening too deep is stored in {@code firstDeepLine} for the caller.
     */
    static String prescan(String text, int startLine, Path display, Diagnostics d, int[] firstDeepLine) {
        StringBuilder out = null;
        boolean runReported = false;
        String fence = null;
        int line = startLine;
        for (int pos = 0; pos < text.length(); line++) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = text.length();
            }
            String f = fence(text, pos, end);
            if (fence != null) {
                if (fence.equals(f)) {
                    fence = null;
                }
            } else if (f != null) {
                fence = f;
            } else {
                boolean blank = false;
                if (nestingEstimate(text, pos, end) > PRESCAN_DEPTH) {
                    blank = true;
                    if (firstDeepLine[0] < 0) {
                        firstDeepLine[0] = line;
                    }
                }
                if (markupRun(text, pos, end) > MAX_MARKUP_RUN) {
                    blank = true;
                    if (!runReported) {
                        d.error(
                                display,
                                line,
                                1,
                                "line starting with more than " + MAX_MARKUP_RUN
                                        + " of the characters - * _ | : (a rule or table separator this long cannot be read)",
                                "three hyphens make a rule (---), and a table separator needs three per column (|---|---|)");
                    }
                    runReported = true;
                }
                if (blank) {
                    if (out == null) {
                        out = new StringBuilder(text);
                    }
                    for (int i = pos; i < end; i++) {
                        out.setCharAt(i, ' ');
                    }
                }
            }
            pos = end + 1;
        }
        return out == null ? text : out.toString();
    }

    /** {@code ```} or {@code ~~~} when the line opens or closes a fenced code block, else null. */
    private static String fence(String text, int from, int to) {
        int i = from;
        while (i < to && i - from < 3 && text.charAt(i) == ' ') {
            i++;
        }
        if (text.startsWith("```", i) && i + 3 <= to) {
            return "```";
        }
        if (text.startsWith("~~~", i) && i + 3 <= to) {
            return "~~~";
        }
        return null;
    }

    /**
     * An upper bound, roughly, of the nesting a line opens: its block quote and list markers, plus half
     * its indentation (a nested list item is indented at least two columns more than its parent). Lines
     * without a marker open nothing.
     */
    static int nestingEstimate(String text, int from, int to) {
        int markers = 0;
        int columns = 0;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == ' ') {
                columns++;
                i++;
            } else if (c == '\t') {
                columns += 4;
                i++;
            } else if (c == '>') {
                markers++;
                i++;
            } else if ((c == '-' || c == '*' || c == '+') && (i + 1 == to || isSpace(text.charAt(i + 1)))) {
                markers++;
                columns--; // the space a marker needs
                i++;
            } else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < to && j - i < 9 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                    j++;
                }
                if (j < to
                        && (text.charAt(j) == '.' || text.charAt(j) == ')')
                        && (j + 1 == to || isSpace(text.charAt(j + 1)))) {
                    markers++;
                    columns--;
                    i = j + 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return markers == 0 ? 0 : markers + Math.max(0, columns) / 2;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    /** The number of {@code - * _ | :} characters, spaces and tabs at the start of a line. */
    static int markupRun(String text, int from, int to) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c != '-' && c != '*' && c != '_' && c != '|' && c != ':' && c != ' ' && c != '\t') {
                break;
            }
            i++;
        }
        return i - from;
    }

    /**
     * Walks the tree without recursion and unlinks every node deeper than {@link #MAX_DEPTH} levels
     * (or, for nodes that are no level themselves, deeper than four times that in the tree), reporting
     * the first at its line. Returns whether anything was cut.
     */
    private static boolean cutDeep(Document doc, String text, int startLine, Path display, Diagnostics d) {
        ArrayDeque<Node> nodes = new ArrayDeque<>();
        ArrayDeque<int[]> depths = new ArrayDeque<>(); // {levels, tree depth}
        nodes.push(doc);
        depths.push(new int[] {0, 0});
        Node first = null;
        List<Node> cut = new ArrayList<>();
        while (!nodes.isEmpty()) {
            Node n = nodes.pop();
            int[] at = depths.pop();
            int levels = at[0] + (isLevel(n) ? 1 : 0);
            int tree = at[1] + 1;
            if (levels > MAX_DEPTH || tree > 4 * MAX_DEPTH) {
                if (first == null || n.getStartOffset() < first.getStartOffset()) {
                    first = n;
                }
                cut.add(n);
                continue;
            }
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                nodes.push(c);
                depths.push(new int[] {levels, tree});
            }
        }
        if (first != null) {
            d.error(display, lineOf(text, first.getStartOffset(), startLine), 1, DEPTH_MESSAGE, DEPTH_HINT);
        }
        for (Node n : cut) {
            n.unlink();
        }
        return first != null;
    }

    private static boolean isLevel(Node n) {
        return n instanceof BlockQuote
                || n instanceof ListItem
                || n instanceof Emphasis
                || n instanceof StrongEmphasis
                || n instanceof Link
                || n instanceof Image;
    }

    /** The file line of an offset into a segment's text, which starts on {@code startLine}. */
    private static int lineOf(String text, int offset, int startLine) {
        int line = startLine;
        for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
            line++;
        }
        return line;
    }
}
