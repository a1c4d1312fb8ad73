package casebook.publish;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader for the tests, written apart from {@link Csv}: records end with CRLF, a field in quotes
 * may hold commas, quotes (doubled) and line breaks; a bare CR or LF outside quotes, or a quote inside an
 * unquoted field, is an error (Excel and most readers would split such a file differently).
 */
final class CsvParser {
    private CsvParser() {}

    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        boolean fieldStart = true;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        f.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    i++;
                    char n = i < text.length() ? text.charAt(i) : '\r';
                    if (n != ',' && n != '\r') {
                        throw new IllegalArgumentException("text after a closing quote at " + i);
                    }
                    continue;
                }
                f.append(c);
                i++;
                continue;
            }
            if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
                i++;
                continue;
            }
            if (c == '"') {
                throw new IllegalArgumentException("quote inside an unquoted field at " + i);
            }
            if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
                fieldStart = true;
                i++;
                continue;
            }
            if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    throw new IllegalArgumentException("CR without LF at " + i);
                }
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                fieldStart = true;
                i += 2;
                continue;
            }
            if (c == '\n') {
                throw new IllegalArgumentException("LF without CR at " + i);
            }
            f.append(c);
            fieldStart = false;
            i++;
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed quote");
        }
        if (f.length() > 0 || !row.isEmpty()) {
            throw new IllegalArgumentException("last record has no CRLF");
        }
        return rows;
    }
}
