package casebook.markdown;

import casebook.diag.Diagnostics;
import casebook.diag.Suggestions;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a page body into Markdown and fenced containers ({@code :::name [title]} … {@code :::}),
 * line by line, so that no construct depends on indentation. Fenced code blocks are skipped, so a
 * {@code :::} inside a code sample stays text. An unclosed or unknown container is reported at the
 * line that opened it. Containers nest at most {@link MarkdownLimits#MAX_DEPTH} deep: an opening line
 * deeper than that is reported and left out with its closing line; a body longer than
 * {@link MarkdownLimits#MAX_BODY_CHARS} is reported and not rendered.
 */
public final class ContainerSplitter {
    private static final Pattern OPEN = Pattern.compile("^:::\\s*([A-Za-z][A-Za-z0-9-]*)\\s*(.*?)\\s*$");
    private static final Pattern CLOSE = Pattern.compile("^:::\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");

    private ContainerSplitter() {}

    private static final class Open {
        final String name;
        final String title;
        final int line;
        final List<Segment> children = new ArrayList<>();
        final StringBuilder raw = new StringBuilder();
        final StringBuilder md = new StringBuilder();
        int mdStart;

        Open(String name, String title, int line) {
            this.name = name;
            this.title = title;
            this.line = line;
            this.mdStart = line + 1;
        }

        void flush() {
            if (md.length() > 0 && !md.toString().isBlank()) {
                children.add(new Segment.Markdown(md.toString(), mdStart));
            }
            md.setLength(0);
        }
    }

    public static List<Segment> split(String body, int firstLine, Path display, List<String> known, Diagnostics d) {
        if (body.length() > MarkdownLimits.MAX_BODY_CHARS) {
            d.error(
                    display,
                    firstLine,
                    1,
                    "page body longer than " + MarkdownLimits.MAX_BODY_CHARS + " characters; it is not rendered",
                    "split it into several pages");
            return List.of();
        }
        if (body.indexOf(":::") < 0) {
            return List.of(new Segment.Markdown(body, firstLine));
        }
        Deque<Open> stack = new ArrayDeque<>();
        Open root = new Open("", "", firstLine - 1);
        stack.push(root);
        String fence = null;
        int lineNo = firstLine;
        int tooDeep = 0; // containers opened beyond the limit and not yet closed: their lines are left out
        int pos = 0;
        while (pos < body.length()) {
            int end = body.indexOf('\n', pos);
            String line = end < 0 ? body.substring(pos) : body.substring(pos, end);
            pos = end < 0 ? body.length() : end + 1;
            Open top = stack.peek();
            Matcher fm = FENCE.matcher(line);
            if (fence != null) {
                if (fm.find() && fm.group(1).equals(fence)) {
                    fence = null;
                }
            } else if (fm.find()) {
                fence = fm.group(1);
            } else if (CLOSE.matcher(line).matches() && tooDeep > 0) {
                tooDeep--;
                lineNo++;
                continue;
            } else if (CLOSE.matcher(line).matches() && stack.size() > 1) {
                stack.pop();
                top.flush();
                Open parent = stack.peek();
                parent.children.add(new Segment.Container(
                        top.name, top.title, top.line, top.line + 1, top.raw.toString(), List.copyOf(top.children)));
                parent.mdStart = lineNo + 1;
                for (Open o : stack) {
                    if (o != root) {
                        o.raw.append(line).append('\n');
                    }
                }
                lineNo++;
                continue;
            } else if (CLOSE.matcher(line).matches()) {
                d.error(
                        display,
                        lineNo,
                        1,
                        "\":::\" closes a container, but none is open",
                        "remove this line, or open a container above it (e.g. :::note)");
                lineNo++;
                continue;
            } else {
                Matcher m = OPEN.matcher(line);
                if (m.matches() && (tooDeep > 0 || stack.size() > MarkdownLimits.MAX_DEPTH)) {
                    if (tooDeep++ == 0) {
                        d.error(
                                display,
                                lineNo,
                                1,
                                "containers " + MarkdownLimits.DEPTH_MESSAGE,
                                MarkdownLimits.DEPTH_HINT);
                    }
                    lineNo++;
                    continue;
                }
                if (m.matches()) {
                    String name = m.group(1);
                    if (!known.contains(name)) {
                        String s = Suggestions.closest(name, known);
                        d.error(
                                display,
                                lineNo,
                                m.start(1) + 1,
                                "unknown container \":::" + name + "\""
                                        + (s != null ? "; did you mean \":::" + s + "\"?" : ""),
                                "known containers: " + String.join(", ", known));
                    }
                    for (Open o : stack) {
                        if (o != root) {
                            o.raw.append(line).append('\n');
                        }
                    }
                    top.flush();
                    stack.push(new Open(name, m.group(2), lineNo));
                    lineNo++;
                    continue;
                }
            }
            if (top.md.length() == 0) {
                top.mdStart = lineNo;
            }
            top.md.append(line).append('\n');
            for (Open o : stack) {
                if (o != root) {
                    o.raw.append(line).append('\n');
                }
            }
            lineNo++;
        }
        while (stack.size() > 1) {
            Open o = stack.pop();
            d.error(
                    display,
                    o.line,
                    1,
                    "container \":::" + o.name + "\" is never closed",
                    "add a line holding only \":::\" where the " + o.name + " ends");
            o.flush();
            stack.peek()
                    .children
                    .add(new Segment.Container(
                            o.name, o.title, o.line, o.line + 1, o.raw.toString(), List.copyOf(o.children)));
        }
        root.flush();
        return root.children;
    }
}
