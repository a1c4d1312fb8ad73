package casebook.publish;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A small JSON writer for the open data: maps (in their own order), lists, strings, numbers (Long, Integer,
 * BigDecimal, written as numbers), booleans and null, indented by two spaces, with a final line end.
 * Strings escape quotes, backslashes and control characters; everything else is written as UTF-8.
 */
public final class Json {
    private Json() {}

    public static String write(Object value) {
        StringBuilder s = new StringBuilder();
        value(s, value, 0);
        return s.append('\n').toString();
    }

    private static void value(StringBuilder s, Object v, int depth) {
        if (v == null) {
            s.append("null");
        } else if (v instanceof String str) {
            string(s, str);
        } else if (v instanceof BigDecimal b) {
            s.append(b.toPlainString());
        } else if (v instanceof Long || v instanceof Integer || v instanceof Boolean) {
            s.append(v);
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                s.append("{}");
                return;
            }
            s.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                indent(s, depth + 1);
                string(s, String.valueOf(e.getKey()));
                s.append(": ");
                value(s, e.getValue(), depth + 1);
                s.append(++i < m.size() ? ",\n" : "\n");
            }
            indent(s, depth);
            s.append('}');
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                s.append("[]");
                return;
            }
            s.append("[\n");
            for (int i = 0; i < l.size(); i++) {
                indent(s, depth + 1);
                value(s, l.get(i), depth + 1);
                s.append(i + 1 < l.size() ? ",\n" : "\n");
            }
            indent(s, depth);
            s.append(']');
        } else {
            throw new IllegalArgumentException(
                    "no JSON form for " + v.getClass().getName());
        }
    }

    private static void indent(StringBuilder s, int depth) {
        for (int i = 0; i < depth; i++) {
            s.append("  ");
        }
    }

    private static void string(StringBuilder s, String v) {
        s.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        s.append('"');
    }
}
