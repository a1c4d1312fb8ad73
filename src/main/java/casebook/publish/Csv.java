package casebook.publish;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV as Japanese spreadsheet users open it: UTF-8 with a byte-order mark (without it Excel reads the file
 * as Shift_JIS), CRLF line ends, fields quoted as RFC 4180 says (only when they hold a comma, a quote or a
 * line break; quotes doubled). A null cell is empty.
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
            String v = c == null ? "" : c instanceof BigDecimal b ? b.toPlainString() : String.valueOf(c);
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                s.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                s.append(v);
            }
        }
        s.append("\r\n");
    }
}
