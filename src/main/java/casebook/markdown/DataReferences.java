package casebook.markdown;

import casebook.diag.Suggestions;
import casebook.frontmatter.YamlNode;
import casebook.text.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Data references ({@code {{ data.key }}}) in a Markdown segment's text, replaced by the value in the
 * page's data.yaml before the text is parsed. A missing key, a key holding a list or a set of keys, and a
 * {@code {{} that starts no reference (outside code and escapes) are reported at their line and column.
 */
final class DataReferences {
    private static final Pattern DATA_REF = Pattern.compile("\\{\\{\\s*data\\.([A-Za-z0-9_.-]+)\\s*\\}\\}");

    /** What a malformed reference most likely meant: "{{data. key}}", "{{ data.key }" and the like. */
    private static final Pattern MEANT = Pattern.compile("\\{\\{\\s*data\\s*\\.\\s*([A-Za-z0-9_.-]+)");

    /** A "{{" that names data: a reference, however mistyped. */
    private static final Pattern DATA = Pattern.compile("\\{\\{\\s*data\\b");

    private DataReferences() {}

    /**
     * The text with every data reference replaced (by nothing, after reporting, when it cannot be), each
     * replacement recorded in {@code offsets} so that positions in the text as parsed are reported at the text as
     * written.
     */
    static String substitute(String text, int startLine, PageState state, SourceOffsets offsets) {
        if (text.indexOf("{{") < 0) {
            return text;
        }
        TextIndex idx = new TextIndex(text, startLine); // read only when a position is needed
        RenderRequest r = state.request;
        Matcher m = DATA_REF.matcher(text);
        StringBuilder out = new StringBuilder();
        int checked = 0;
        while (m.find()) {
            reportMalformed(idx, checked, m.start(), state);
            checked = m.end();
            YamlNode value = lookup(r.data(), m.group(1));
            if (value == null && r.dataUnreadable()) {
                m.appendReplacement(out, "");
                offsets.replaced(m.start(), m.end(), out.length(), 0);
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
                } else if (r.dataDisplay() == null) {
                    state.diagnostics.error(
                            r.display(),
                            line,
                            column,
                            "data key \"" + m.group(1) + "\" is not in a data.yaml (this page has none)",
                            "create data.yaml beside this page with the line \"" + m.group(1) + ": <value>\"");
                } else {
                    String[] why = missing(r.data(), m.group(1));
                    state.diagnostics.error(
                            r.display(),
                            line,
                            column,
                            "data key \"" + m.group(1) + "\" is not in " + r.dataDisplay() + why[0],
                            why[1]);
                }
                m.appendReplacement(out, "");
                offsets.replaced(m.start(), m.end(), out.length(), 0);
            } else {
                String v = value.value() instanceof Long n ? Formats.number(n) : value.text();
                if (v.indexOf('|') >= 0 && inTableRow(text, m.start(), m.end())) {
                    v = v.replace("|", "\\|"); // a "|" in the value is text in its cell, not a new column
                }
                m.appendReplacement(out, "");
                offsets.replaced(m.start(), m.end(), out.length(), v.length());
                out.append(v);
            }
        }
        m.appendTail(out);
        reportMalformed(idx, checked, text.length(), state);
        return out.toString();
    }

    /**
     * Whether the line holding the reference {@code [start, end)} may be a table row: it has a "|" of its own. (A "\\|"
     * in a paragraph still reads as "|", so escaping there changes nothing a reader sees.)
     */
    private static boolean inTableRow(String text, int start, int end) {
        int from = text.lastIndexOf('\n', start - 1) + 1;
        int to = text.indexOf('\n', end);
        to = to < 0 ? text.length() : to;
        return text.substring(from, start).indexOf('|') >= 0
                || text.substring(end, to).indexOf('|') >= 0;
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

    /**
     * Where the path of a reference that found nothing stops, and what to write instead: the message's tail
     * and the hint. A dotted path goes into maps only ({@code tools.validator}); a list's items have no key.
     */
    private static String[] missing(YamlNode data, String path) {
        String[] parts = path.split("\\.");
        YamlNode n = data;
        String at = "";
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            YamlNode next = n.get(part);
            if (next != null) {
                at = at.isEmpty() ? part : at + "." + part;
                n = next;
                continue;
            }
            if (n.isList()) {
                return new String[] {
                    ": \"" + at + "\" is a list, and the items of a list cannot be referenced",
                    "refer to a key that holds one value" + referable(data, "", "data.yaml")
                            + ("basic_info".equals(at) ? "; show basic_info with :::basic-info" : "")
                            + "; or write the value under a key of its own in data.yaml"
                };
            }
            if (!n.isMap()) {
                return new String[] {
                    ": \"" + at + "\" holds one value, not keys", "refer to it as {{ data." + at + " }}"
                };
            }
            String item = at.isEmpty() && parts.length == 1 ? listItemNamed(n, part) : null;
            if (item != null) {
                // {{ data.population }}: the figure is an item of a list such as basic_info, not a key
                return new String[] {
                    ": \"" + part + "\" is an item of the list \"" + item + "\" (item: " + part
                            + "), and the items of a list cannot be referenced",
                    ("basic_info".equals(item) ? "show basic_info with :::basic-info, or " : "")
                            + "write the value under a key of its own in data.yaml (\"" + part
                            + "_text: …\") and refer to that"
                };
            }
            String s = Suggestions.closest(part, n.map().keySet());
            String where = at.isEmpty() ? (parts.length > 1 ? ": data.yaml" : "") : ": \"" + at + "\"";
            return new String[] {
                where
                        + (where.isEmpty() ? "" : " has no key \"" + part + "\"")
                        + (s != null ? "; did you mean \"" + s + "\"?" : ""),
                "refer to a key that holds one value" + referable(n, at, at.isEmpty() ? "data.yaml" : "\"" + at + "\"")
                        + (parts.length == 1 ? "; or add \"" + path + ": <value>\" to data.yaml" : "")
            };
        }
        return new String[] {"", "correct the key"};
    }

    /** The top-level list of {@code data} holding an entry {@code item: name}, or null. */
    private static String listItemNamed(YamlNode data, String name) {
        if (!data.isMap()) {
            return null;
        }
        for (Map.Entry<String, YamlNode> e : data.map().entrySet()) {
            if (!e.getValue().isList()) {
                continue;
            }
            for (YamlNode entry : e.getValue().list()) {
                YamlNode item = entry.isMap() ? entry.get("item") : null;
                if (item != null && name.equals(item.text())) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    /** The references a map offers, for a hint: its keys holding one value, and its maps as "key.…". */
    private static String referable(YamlNode map, String prefix, String name) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, YamlNode> e : map.map().entrySet()) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isScalar()) {
                out.add("{{ data." + key + " }}");
            } else if (e.getValue().isMap()) {
                out.add("{{ data." + key + ".… }}");
            }
        }
        return out.isEmpty() ? " (" + name + " has none)" : "; " + name + " has " + String.join(", ", out);
    }

    /**
     * A "{{" between two data references that starts none: an error when it names data (the page would show
     * a mistyped reference, braces and all), a warning otherwise.
     */
    private static void reportMalformed(TextIndex idx, int from, int to, PageState state) {
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
            Matcher meant = MEANT.matcher(shown);
            if (!DATA.matcher(shown).lookingAt()) {
                // braces that do not name data may be meant as text: a warning (--strict makes it an error)
                state.diagnostics.warning(
                        state.request.display(),
                        idx.lines().line(i),
                        idx.lines().column(i),
                        "\"" + shown + "\" is not a data reference and is published as written",
                        "write a data reference as {{ data.key }} (the key as in data.yaml, no spaces inside it); to"
                                + " show \"{{\" as text, write \\{{");
                continue;
            }
            // a mistyped data reference: the page would show it, braces and all
            state.diagnostics.error(
                    state.request.display(),
                    idx.lines().line(i),
                    idx.lines().column(i),
                    "\"" + shown + "\" is not a data reference: as written, its braces would show on the page",
                    (meant.lookingAt()
                                    ? "write it as {{ data." + meant.group(1) + " }}: "
                                    : "write a data reference as ")
                            + "two braces on each side, \"data.\" and the key with no space inside them; to show"
                            + " \"{{\" as text, write \\{{");
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
