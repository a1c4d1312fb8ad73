package casebook.frontmatter;

import java.util.List;
import java.util.Map;

/**
 * A YAML value with the 1-based line and column where it starts. {@code value} is a
 * {@code Map<String, YamlNode>} (insertion-ordered), a {@code List<YamlNode>}, a {@code Long}, a
 * {@code Boolean}, a {@code String} or null. {@code keyLine} and {@code keyColumn} are where the key this
 * value was written under starts (a block list or map starts on the line after its key), or {@code line}
 * and {@code column} if none. {@code endLine} and {@code endColumn} are just past its last character (for a quoted
 * scalar, past the closing quote), so a scalar's source text can be found again in its file.
 */
public record YamlNode(Object value, int line, int column, int keyLine, int keyColumn, int endLine, int endColumn) {

    public YamlNode(Object value, int line, int column) {
        this(value, line, column, line, column);
    }

    public YamlNode(Object value, int line, int column, int keyLine, int keyColumn) {
        this(value, line, column, keyLine, keyColumn, line, column);
    }

    @SuppressWarnings("unchecked")
    public Map<String, YamlNode> map() {
        return value instanceof Map<?, ?> m ? (Map<String, YamlNode>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public List<YamlNode> list() {
        return value instanceof List<?> l ? (List<YamlNode>) l : List.of();
    }

    public boolean isMap() {
        return value instanceof Map;
    }

    public boolean isList() {
        return value instanceof List;
    }

    public boolean isScalar() {
        return !(value instanceof Map) && !(value instanceof List) && value != null;
    }

    public YamlNode get(String key) {
        return map().get(key);
    }

    /** The scalar as text, or null for maps, lists and null. */
    public String text() {
        return isScalar() ? String.valueOf(value) : null;
    }

    public String text(String key) {
        YamlNode n = get(key);
        return n == null ? null : n.text();
    }
}
