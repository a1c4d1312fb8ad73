package casebook.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the JSON the index files hold (objects, arrays, strings, whole numbers): enough for {@link Searcher}. */
final class Json {
    private final String s;
    private int i;

    private Json(String s, int from) {
        this.s = s;
        this.i = from;
    }

    /** The argument list of an index file {@code casebookSearch.x(a, b);}: the values between the parentheses. */
    static List<Object> arguments(String js) {
        Json j = new Json(js, js.indexOf('(') + 1);
        List<Object> out = new ArrayList<>();
        while (true) {
            out.add(j.value());
            j.space();
            char c = js.charAt(j.i++);
            if (c == ')') {
                return out;
            }
            if (c != ',') {
                throw new IllegalArgumentException("expected , or ) at " + (j.i - 1));
            }
        }
    }

    private void space() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private Object value() {
        space();
        char c = s.charAt(i);
        if (c == '{') {
            i++;
            Map<String, Object> m = new LinkedHashMap<>();
            space();
            if (s.charAt(i) == '}') {
                i++;
                return m;
            }
            while (true) {
                space();
                String k = string();
                space();
                i++; // :
                m.put(k, value());
                space();
                if (s.charAt(i++) == '}') {
                    return m;
                }
            }
        }
        if (c == '[') {
            i++;
            List<Object> l = new ArrayList<>();
            space();
            if (s.charAt(i) == ']') {
                i++;
                return l;
            }
            while (true) {
                l.add(value());
                space();
                if (s.charAt(i++) == ']') {
                    return l;
                }
            }
        }
        if (c == '"') {
            return string();
        }
        int start = i;
        while (i < s.length() && (s.charAt(i) == '-' || Character.isDigit(s.charAt(i)))) {
            i++;
        }
        return Long.parseLong(s.substring(start, i));
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        i++;
        while (true) {
            char c = s.charAt(i++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> sb.append(e);
            }
        }
    }
}
