package casebook.publish;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV as Japanese spreadsheet users open it: UTF-8 with a byte-order mark (without it Excel reads the file
 * as Shift_JIS), CRLF line ends, fields quoted as RFC 4180 says (only when they hold a comma, a quote or a
 * line break; quotes doubled). A null cell is empty.
 *
 * <p><b>No formulas.</b> A spreadsheet runs a cell that begins with {@code =}, {@code +}, {@code -} or {@code @} (and,
 * after a tab or line break, whatever follows) as a formula, so a title such as {@code =HYPERLINK("http://…")} in
 * data.yaml or front matter would become a live link or a command in the reader's spreadsheet (CSV injection, as
 * OWASP describes it). The rule is an allowlist: a text cell is written as it is only when its first character is
 * a letter or a digit (in any script, full-width ones included) or an opening bracket or quotation mark
 * ({@code （}, {@code 「}, {@code (}, {@code "}); any other text cell gets a leading apostrophe ({@code '=1+1}),
 * which spreadsheets show as text and do not display. Numbers ({@link Long}, {@link Integer}, {@link BigDecimal})
 * are written as numbers, never prefixed, so a negative number stays a number. A text cell holding a semicolon or
 * a tab is quoted too, so a spreadsheet that splits on them (its list separator) does not start a new cell there.
 * The JSON beside the CSV carries every text exactly as written.
 */
public final class Csv {
    private Csv() {}

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    public static byte[] write(List<String> header, List<List<Object>> rows) {
        StringBuilder s = new StringBuilder();
        line(s, List.copyOf(header));
        for (List<Object> r : rows) {
            line(s, r);
        }
        byte[] text = s.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(text, 0, out, BOM.length, text.length);
        return out;
    }

    private static void line(StringBuilder s, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            Object c = cells.get(i);
            String v = c == null
                    ? ""
                    : c instanceof BigDecimal b
                            ? b.toPlainString()
                            : c instanceof Long || c instanceof Integer ? String.valueOf(c) : text(String.valueOf(c));
            if (v.indexOf(',') >= 0
                    || v.indexOf('"') >= 0
                    || v.indexOf('\n') >= 0
                    || v.indexOf('\r') >= 0
                    || v.indexOf(';') >= 0
                    || v.indexOf('\t') >= 0) {
                s.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                s.append(v);
            }
        }
        s.append("\r\n");
    }

    /** A text cell as the class comment says: as it is when it starts with a letter, digit or opening mark, else after an apostrophe. */
    static String text(String v) {
        if (v.isEmpty()) {
            return v;
        }
        int cp = v.codePointAt(0);
        int type = Character.getType(cp);
        if (Character.isLetterOrDigit(cp)
                || type == Character.START_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION
                || cp == '"') {
            return v;
        }
        return "'" + v;
    }
}
