package casebook.frontmatter;

import casebook.diag.Diagnostics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML into {@link YamlNode}s that remember their positions, so that schema problems found
 * later (an unknown key, a wrong type) point at the right line. Syntax errors become one diagnostic
 * at SnakeYAML's problem mark. {@code lineOffset} shifts positions for YAML embedded in a file
 * (front matter starts on line 2 of its page).
 *
 * <p>Limits, each reported at the line where it is exceeded (docs/security.md): no aliases
 * ({@code *name}), so neither a self-reference ({@code &r [*r]}) nor an alias bomb can be written;
 * lists and maps nested at most {@value #MAX_DEPTH} deep; at most {@value #MAX_CHARS} characters of
 * YAML in one file or block. Editors' YAML (site settings, data, front matter, the glossary, container
 * bodies) has no use for any of them.
 */
public final class YamlReader {
    private YamlReader() {}

    /** Lists and maps inside one another, at most. */
    public static final int MAX_DEPTH = 20;
    /** Characters of YAML in one file (or front matter, or container body), at most. */
    public static final int MAX_CHARS = 1 << 20;

    private static final LoaderOptions OPTIONS = new LoaderOptions();

    static {
        OPTIONS.setAllowDuplicateKeys(true); // reported below with a position instead of an exception
        // SnakeYAML's own limits, as a second line behind ours (aliases never reach the composer)
        OPTIONS.setMaxAliasesForCollections(0);
        OPTIONS.setAllowRecursiveKeys(false);
        OPTIONS.setNestingDepthLimit(MAX_DEPTH + 5);
        OPTIONS.setCodePointLimit(MAX_CHARS + 1);
    }
    /** Resolves plain scalars' tags (int, bool, null...); only read while composing, so one serves all threads. */
    private static final Resolver RESOLVER = new Resolver();

    /** The plain scalars that are booleans (YAML 1.2's core schema); SnakeYAML's YAML 1.1 also takes yes/no/on/off. */
    private static final Set<String> BOOLEANS = Set.of("true", "True", "TRUE", "false", "False", "FALSE");

    /** The parsed document, or null after reporting a syntax error. An empty document is an empty map. */
    public static YamlNode read(String text, Path display, int lineOffset, Diagnostics diagnostics) {
        if (text.length() > MAX_CHARS) {
            diagnostics.error(
                    display,
                    1 + lineOffset,
                    1,
                    "YAML longer than " + MAX_CHARS + " characters",
                    "keep settings and data short; long text belongs in the page's Markdown");
            return null;
        }
        Node root;
        try {
            // a Composer straight on the text: a new Yaml() per document would also build a constructor,
            // a representer and a resolver each time, none of which we need per document
            root = new Composer(new Guard(new ParserImpl(new StreamReader(text), OPTIONS)), RESOLVER, OPTIONS)
                    .getSingleNode();
        } catch (Refused e) {
            Mark mark = e.mark;
            diagnostics.error(display, mark.getLine() + 1 + lineOffset, mark.getColumn() + 1, e.getMessage(), e.hint);
            return null;
        } catch (MarkedYAMLException e) {
            YamlSyntax.Explained plain = YamlSyntax.explain(e, text, lineOffset);
            if (plain != null) {
                diagnostics.error(
                        display, plain.line() + 1 + lineOffset, plain.col() + 1, plain.message(), plain.hint());
                return null;
            }
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 1 : mark.getLine() + 1 + lineOffset;
            int col = mark == null ? 1 : mark.getColumn() + 1;
            String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            diagnostics.error(
                    display,
                    line,
                    col,
                    "YAML syntax error: " + problem + context,
                    "check indentation and quoting on this line or the one before; values containing ': ' or starting with"
                            + " a quote, '[', '{' or '*' need quotes");
            return null;
        } catch (YAMLException e) {
            diagnostics.error(display, 1 + lineOffset, 1, "YAML error: " + e.getMessage(), null);
            return null;
        }
        if (root == null) {
            return new YamlNode(new LinkedHashMap<String, YamlNode>(), 1 + lineOffset, 1);
        }
        return convert(root, null, display, lineOffset, diagnostics);
    }

    /** A limit of this class, met at {@code mark}. */
    private static final class Refused extends RuntimeException {
        final transient Mark mark;
        final String hint;

        Refused(String message, String hint, Mark mark) {
            super(message, null, false, false);
            this.hint = hint;
            this.mark = mark;
        }
    }

    /**
     * The parser's events as they are, except that an alias, or a list or map nested deeper than
     * {@link #MAX_DEPTH}, stops the document before the composer builds anything from it.
     */
    private static final class Guard implements Parser {
        private final Parser parser;
        private int depth;

        Guard(Parser parser) {
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            check(parser.peekEvent());
            return parser.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return check(parser.peekEvent());
        }

        @Override
        public Event getEvent() {
            Event e = check(parser.getEvent());
            if (e.is(Event.ID.MappingStart) || e.is(Event.ID.SequenceStart)) {
                if (++depth > MAX_DEPTH) {
                    throw new Refused(
                            "YAML nested more than " + MAX_DEPTH + " levels deep",
                            "flatten the lists and maps: editors' YAML needs a few levels at most",
                            e.getStartMark());
                }
            } else if (e.is(Event.ID.MappingEnd) || e.is(Event.ID.SequenceEnd)) {
                depth--;
            }
            return e;
        }

        private static Event check(Event e) {
            if (e instanceof AliasEvent a) {
                throw new Refused(
                        "YAML aliases (*" + a.getAnchor() + ") are not supported here",
                        "write the value out in full where it is needed; anchors (&name) and aliases (*name) are not"
                                + " used in casebook's YAML",
                        a.getStartMark());
            }
            return e;
        }
    }

    /** @param keyNode the key {@code node} is the value of, or null */
    private static YamlNode convert(Node node, Node keyNode, Path display, int lineOffset, Diagnostics diagnostics) {
        int line = node.getStartMark().getLine() + 1 + lineOffset;
        int col = node.getStartMark().getColumn() + 1;
        int at = keyNode == null ? line : keyNode.getStartMark().getLine() + 1 + lineOffset;
        int atCol = keyNode == null ? col : keyNode.getStartMark().getColumn() + 1;
        int endLine = node.getEndMark().getLine() + 1 + lineOffset;
        int endCol = node.getEndMark().getColumn() + 1;
        if (node instanceof MappingNode m) {
            Map<String, YamlNode> map = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                Node k = t.getKeyNode();
                String key = k instanceof ScalarNode s ? s.getValue() : String.valueOf(k);
                if (map.containsKey(key)) {
                    diagnostics.error(
                            display,
                            k.getStartMark().getLine() + 1 + lineOffset,
                            k.getStartMark().getColumn() + 1,
                            "duplicate key \"" + key + "\": it is already set at line "
                                    + map.get(key).keyLine(),
                            "keep one of the two entries, or rename this one if it was meant to be another key");
                }
                map.put(key, convert(t.getValueNode(), k, display, lineOffset, diagnostics));
            }
            return new YamlNode(map, line, col, at, atCol, endLine, endCol);
        }
        if (node instanceof SequenceNode s) {
            List<YamlNode> list = new ArrayList<>();
            for (Node child : s.getValue()) {
                list.add(convert(child, null, display, lineOffset, diagnostics));
            }
            return new YamlNode(list, line, col, at, atCol, endLine, endCol);
        }
        ScalarNode s = (ScalarNode) node;
        String v = s.getValue();
        Tag tag = s.getTag();
        Object value = v;
        if (Tag.NULL.equals(tag)) {
            value = null;
        } else if (Tag.BOOL.equals(tag)) {
            // YAML 1.2's booleans only: yes, no, on and off stay text (a data value "no" is not false)
            value = BOOLEANS.contains(v) ? Boolean.valueOf(v.equalsIgnoreCase("true")) : v;
        } else if (Tag.INT.equals(tag)) {
            try {
                value = Long.valueOf(v.replace("_", ""));
            } catch (NumberFormatException e) {
                value = v;
            }
        }
        return new YamlNode(value, line, col, at, atCol, endLine, endCol);
    }
}
