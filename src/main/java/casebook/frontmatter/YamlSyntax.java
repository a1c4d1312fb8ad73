package casebook.frontmatter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * SnakeYAML's syntax errors in an editor's words: what is wrong, where it really is (a tab's own
 * column, the line that lost its space after a colon) and what to do. A problem not listed here keeps
 * SnakeYAML's wording, prefixed with "YAML syntax error", and a general hint.
 */
final class YamlSyntax {
    private YamlSyntax() {}

    /** One explained syntax error; {@code line} and {@code col} count from 0, as SnakeYAML's marks do. */
    record Explained(int line, int col, String message, String hint) {}

    /** {@code key:value} without the space YAML needs after the colon (a URL's {@code https://} is not one). */
    private static final Pattern NO_SPACE =
            Pattern.compile("^\\s*(?:-\\s+)?([\\p{L}\\p{N}_][\\p{L}\\p{N}_-]*):(?![\\s/])(\\S.*)$");
    /** A line's key: its indentation, an optional list dash, the key and its colon. */
    private static final Pattern KEY = Pattern.compile("^( *)(?:- +)?([^\\s:#'\"\\[{-][^:#]*?):(?:\\s|$)");

    /**
     * The error in plain words, or null to keep SnakeYAML's. {@code lineOffset} is the file's line count before
     * the YAML starts (front matter: 1), added to the lines a message names.
     */
    static Explained explain(MarkedYAMLException e, String text, int lineOffset) {
        Explained quote = unclosedQuote(e, text);
        if (quote != null) {
            return quote;
        }
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        if (mark == null || e.getProblem() == null) {
            return null;
        }
        String problem = e.getProblem();
        String[] lines = text.split("\n", -1);
        int line = mark.getLine();
        int col = mark.getColumn();
        if (problem.startsWith("found character '\\t(TAB)'") || charAt(lines, line, col) == '\t') {
            return new Explained(
                    line, col, "a tab character: YAML allows only spaces here", "replace the tab with spaces");
        }
        if (problem.startsWith("found character '") && problem.contains("cannot start any token")) {
            char c = charAt(lines, line, col);
            return new Explained(
                    line,
                    col,
                    "a YAML value cannot start with '" + c + "'",
                    "put the value in double quotes, e.g. \"" + c + "…\"");
        }
        if (problem.equals("mapping values are not allowed here")) {
            return mappingValue(lines, line, col, lineOffset);
        }
        if (problem.equals("could not find expected ':'") && e.getContextMark() != null) {
            int at = e.getContextMark().getLine();
            Explained noSpace = noSpace(lines, at);
            if (noSpace != null) {
                return noSpace;
            }
            String t = lineAt(lines, at).strip();
            return new Explained(
                    at,
                    e.getContextMark().getColumn(),
                    "\"" + shorten(t) + "\" is not written as \"key: value\", but the lines around it are",
                    "add \": \" after the key; if the line continues the value above, join it to that line");
        }
        if (problem.startsWith("expected <block end>, but found ")) {
            return blockEnd(
                    lines, line, col, problem.substring("expected <block end>, but found ".length()), lineOffset);
        }
        return null;
    }

    /**
     * A quoted value whose closing quote never comes: SnakeYAML reads on to the end of the text and reports
     * there; the place to fix is where the quote opens (its context mark).
     */
    private static Explained unclosedQuote(MarkedYAMLException e, String text) {
        Mark open = e.getContextMark();
        if (open == null
                || e.getContext() == null
                || !e.getContext().contains("scanning a quoted scalar")
                || e.getProblem() == null
                || !(e.getProblem().contains("end of stream") || e.getProblem().contains("document separator"))) {
            return null;
        }
        char q = charAt(text.split("\n", -1), open.getLine(), open.getColumn());
        String mark = q == '\'' ? "'" : "\"";
        return new Explained(
                open.getLine(),
                open.getColumn(),
                "the quote (" + mark + ") that opens here is never closed, so YAML reads everything after it as"
                        + " one value",
                "close it with the same quote mark (" + mark + ") at the end of the value on this line, or remove"
                        + " it");
    }

    /** A ": " where no key can start: a missing space above, a value holding ": ", or a line indented too far. */
    private static Explained mappingValue(String[] lines, int line, int col, int lineOffset) {
        Explained noSpace = noSpace(lines, previous(lines, line));
        if (noSpace != null) {
            return noSpace;
        }
        String here = lineAt(lines, line);
        int first = indexOfColon(here);
        if (first >= 0 && first < col) {
            Matcher k = KEY.matcher(here);
            String example = k.find()
                    ? k.group(2).strip() + ": \""
                            + here.substring(k.end()).strip().replace("\"", "\\\"") + "\""
                    : null;
            return new Explained(
                    line,
                    col,
                    "this value holds \": \" (a colon and a space), which YAML reads as the start of another key",
                    "put the whole value in double quotes" + (example == null ? "" : ": " + example));
        }
        int indent = indentOf(here);
        String key = keyOf(here);
        int above = previous(lines, line);
        String aboveKey = above < 0 ? null : keyOf(lineAt(lines, above));
        String name = key == null ? "this line" : "\"" + key + ":\"";
        if (aboveKey == null) {
            return new Explained(
                    line,
                    indent,
                    name + " is indented further than line " + (above + 1 + lineOffset)
                            + ", so YAML reads it as more of the value" + " on that line",
                    "indent it by as many spaces as the other keys at its level; if the colon belongs to the text, put"
                            + " the whole text in double quotes");
        }
        return new Explained(
                line,
                indent,
                name + " is indented further than \"" + aboveKey + ":\" on line " + (above + 1 + lineOffset)
                        + ", so YAML reads it as more of the value of \"" + aboveKey + "\"",
                "start " + name + " in the same column as \"" + aboveKey + ":\", "
                        + after(keyColumn(lineAt(lines, above)))
                        + "; if the colon belongs to the text, put the whole text in double quotes");
    }

    /** A line (or list item) that is not lined up with the keys or items around it. */
    private static Explained blockEnd(String[] lines, int line, int col, String found, int lineOffset) {
        String here = lineAt(lines, line);
        int indent = indentOf(here);
        if (found.equals("'-'")) {
            return new Explained(
                    line,
                    col,
                    "a list item (\"- …\") where YAML expects another \"key: value\" at this indentation",
                    "put the list under a key ending in ':' on the line above it, indented further than that key; or"
                            + " remove the \"- \" and write \"key: value\"");
        }
        if (found.equals("'<scalar>'")) {
            return new Explained(
                    line,
                    col,
                    "text after the end of a value: a quote or bracket before it ended the value early",
                    "inside '…' write a single quote twice (''), inside \"…\" write \\\"; or put the whole value in the"
                            + " other kind of quotes");
        }
        if (here.startsWith("- ", indent) || here.strip().equals("-")) {
            int item = line - 1;
            while (item >= 0 && !lineAt(lines, item).stripLeading().startsWith("-")) {
                item--;
            }
            return new Explained(
                    line,
                    col,
                    "this list item starts after " + spaces(indent) + ", which lines it up with no list above it",
                    "indent it by exactly as many spaces as the other items of its list"
                            + (item < 0
                                    ? ""
                                    : ": the item on line " + (item + 1 + lineOffset) + " has "
                                            + spaces(indentOf(lineAt(lines, item))) + " before it"));
        }
        String key = keyOf(here);
        String name = key == null ? "this line" : "\"" + key + ":\"";
        int above = previous(lines, line);
        String aboveKey = above < 0 ? null : keyOf(lineAt(lines, above));
        String like = aboveKey == null
                ? ""
                : ": \"" + aboveKey + ":\" on line " + (above + 1 + lineOffset) + " has "
                        + spaces(keyColumn(lineAt(lines, above))) + " before it";
        if (found.equals("'?'")) {
            return new Explained(
                    line,
                    col,
                    name + " is a \"key: value\" among list items (\"- …\") at the same indentation",
                    "start it with \"- \" to make it a new list item, or indent it to line up with the keys of the item"
                            + " above" + like);
        }
        return new Explained(
                line,
                col,
                name + " starts after " + spaces(indent) + ", which lines it up with no key above it",
                "indent it by exactly as many spaces as the other keys at its level" + like);
    }

    /** The key of {@code line} written without a space after its colon, or null. */
    private static Explained noSpace(String[] lines, int line) {
        if (line < 0) {
            return null;
        }
        Matcher m = NO_SPACE.matcher(lineAt(lines, line));
        if (!m.matches()) {
            return null;
        }
        return new Explained(
                line,
                m.end(1),
                "no space after the colon of \"" + m.group(1) + ":\", so YAML does not read it as a key",
                "put a space after the colon: " + m.group(1) + ": " + m.group(2).strip());
    }

    private static int previous(String[] lines, int line) {
        for (int i = line - 1; i >= 0; i--) {
            String t = lineAt(lines, i).strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                return i;
            }
        }
        return -1;
    }

    private static String keyOf(String line) {
        Matcher m = KEY.matcher(line);
        return m.find() ? m.group(2).strip() : null;
    }

    /** The column where a line's key starts: its indentation plus a list dash and its spaces. */
    private static int keyColumn(String line) {
        Matcher m = KEY.matcher(line);
        return m.find() ? m.start(2) : indentOf(line);
    }

    private static int indexOfColon(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ':' && (i + 1 == line.length() || line.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String lineAt(String[] lines, int line) {
        if (line < 0 || line >= lines.length) {
            return "";
        }
        String l = lines[line];
        return l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
    }

    private static char charAt(String[] lines, int line, int col) {
        String l = lineAt(lines, line);
        return col >= 0 && col < l.length() ? l.charAt(col) : '\0';
    }

    private static String after(int n) {
        return n == 0 ? "at the start of the line" : "after " + spaces(n);
    }

    private static String spaces(int n) {
        return n + (n == 1 ? " space" : " spaces");
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
