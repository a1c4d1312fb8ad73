package casebook.markdown;

import casebook.frontmatter.YamlNode;
import casebook.text.Formats;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Data references ({@code {{ data.key }}}) in a Markdown segment's text, replaced by the value in the
 * page's data.yaml before the text is parsed. A missing key, a key holding a list or a set of keys, and a
 * {@code {{} that starts no reference (outside code and escapes) are reported at their line and column.
 */
final class DataReferences {
    private static final Pattern DATA_REF = Pattern.compile("\\{\\{\\s*data\\.([A-Za-z0-9_.-]+)\\s*\\}\\}");

    private DataReferences() {}

    /** The text with every data reference replaced (by nothing, after reporting, when it cannot be). */
    static String substitute(String text, int startLine, PageState state) {
        if (text.indexOf("{{") < 0) {
            return text;
        }
        TextIndex idx = new TextIndex(text, startLine); // read only when a position is needed
        RenderRequest r = state.request;
        Matcher m = DATA_REF.matcher(text);
        StringBuilder out = new StringBuilder();
        int checked = 0;
        while (m.find()) {
            warnMalformed(idx, checked, m.start(), state);
            checked = m.end();
            YamlNode value = lookup(r.data(), m.group(1));
            if (value == null && r.dataUnreadable()) {
                m.appendReplacement(out, "");
            } else if (value == null || !value.isScalar()) {
                int line = idx.lines().line(m.start());
                int column = idx.lines().column(m.start());
                if (value != null && value.value() != null) {
                    state.diagnostics.error(
                            r.display(),
                            line,
                            column,
                            "data key \"" + m.group(1)
                                    + "\" in " + r.dataDisplay() + " holds a "
                                    + (value.isList() ? "list" : "set of keys")
                                    + ", not one value",
                            "refer to one value inside it (e.g. {{ data." + m.group(1) + ".<key> }}),"
                                    + " or show it with a container such as :::basic-info");
                } else {
                    state.diagnostics.error(
                            r.display(),
                            line,
                            column,
                            "data key \"" + m.group(1) + "\" is not in "
                                    + (r.dataDisplay() == null ? "a data.yaml (this page has none)" : r.dataDisplay()),
                            "add \"" + m.group(1) + ": <value>\" to data.yaml beside this page, or correct the key");
                }
                m.appendReplacement(out, "");
            } else {
                String v = value.value() instanceof Long n ? Formats.number(n) : value.text();
                m.appendReplacement(out, Matcher.quoteReplacement(v));
            }
        }
        m.appendTail(out);
        warnMalformed(idx, checked, text.length(), state);
        return out.toString();
    }

    /** The value at a dotted path ({@code a.b.c}) of the data, or null. */
    static YamlNode lookup(YamlNode data, String path) {
        YamlNode n = data;
        for (String part : path.split("\\.")) {
            if (n == null) {
                return null;
            }
            n = n.get(part);
        }
        return n;
    }

    /** A "{{" between two data references that starts none: a mistyped reference would be published as it is. */
    private static void warnMalformed(TextIndex idx, int from, int to, PageState state) {
        String text = idx.text;
        for (int i = text.indexOf("{{", from); i >= 0 && i < to; i = text.indexOf("{{", i + 2)) {
            if (idx.inCodeOrEscaped(i)) {
                continue;
            }
            // what was meant: up to the first "}}", the next "{{" or the end of the line, at most 40 characters
            // searches bounded by those 40 characters, so a long line of "{{" stays linear
            int end = Math.min(text.length(), i + 40);
            for (int k = i; k < end; k++) {
                if (text.charAt(k) == '\n') {
                    end = k;
                    break;
                }
            }
            int next = text.indexOf("{{", i + 2);
            if (next >= 0 && next < end) {
                end = next;
            }
            for (int k = i + 2; k + 2 <= end; k++) {
                if (text.charAt(k) == '}' && text.charAt(k + 1) == '}') {
                    end = k + 2;
                    break;
                }
            }
            String shown = text.substring(i, end);
            state.diagnostics.warning(
                    state.request.display(),
                    idx.lines().line(i),
                    idx.lines().column(i),
                    "\"" + shown + "\" is not a data reference and is published as written",
                    "write a data reference as {{ data.key }} (the key as in data.yaml, no spaces inside it)");
        }
    }

    /**
     * A segment's raw text read once: its lines, the backticks before each offset and whether each line
     * starts inside a fenced code block. Positions of many references then cost O(log n) each, not a
     * scan from the start of the text (quadratic for thousands of references).
     */
    private static final class TextIndex {
        final String text;
        private final int startLine;
        private LineMap lines;
        private int[] ticks;
        private boolean[] fenced;

        TextIndex(String text, int startLine) {
            this.text = text;
            this.startLine = startLine;
        }

        LineMap lines() {
            if (lines == null) {
                lines = new LineMap(text, startLine);
            }
            return lines;
        }

        private void read() {
            LineMap lines = lines();
            ticks = new int[text.length() + 1];
            for (int i = 0; i < text.length(); i++) {
                ticks[i + 1] = ticks[i] + (text.charAt(i) == '`' ? 1 : 0);
            }
            int n = lines.lines();
            fenced = new boolean[n];
            boolean inFence = false;
            for (int k = 0; k < n; k++) {
                fenced[k] = inFence;
                int end = k + 1 < n ? lines.start(k + 1) - 1 : text.length();
                String l = text.substring(lines.start(k), end).stripLeading();
                if (l.startsWith("```") || l.startsWith("~~~")) {
                    inFence = !inFence;
                }
            }
        }

        /**
         * Whether the "{{" at {@code i} is example text rather than a mistyped reference: escaped with a
         * backslash, inside a code span (an odd number of backticks before it on its line), on an indented
         * code line, or inside a fenced code block. A close reading of Markdown, not a full one: at worst a
         * warning is not given.
         */
        boolean inCodeOrEscaped(int i) {
            if (i > 0 && text.charAt(i - 1) == '\\') {
                return true;
            }
            if (ticks == null) {
                read();
            }
            int line = lines.index(i);
            int lineStart = lines.start(line);
            int ticksBefore = ticks[i] - ticks[lineStart];
            if (ticksBefore % 2 == 1 || text.startsWith("    ", lineStart) || text.startsWith("\t", lineStart)) {
                return true;
            }
            return fenced[line];
        }
    }
}
