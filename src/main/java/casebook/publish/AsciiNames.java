package casebook.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * File names a portal accepts: the published tree may hold only printable ASCII names (many portals' upload
 * tools, web servers and zip tools mangle others). For a name that is not, {@link #suggest} offers an ASCII
 * one: full-width letters and digits made half-width, accents dropped, every other run of characters
 * but ASCII letters, digits, '.', '_' and '-' replaced by a hyphen; when no letter is left, "file-" and a short hash keep the
 * name distinct.
 */
public final class AsciiNames {
    private AsciiNames() {}

    /** Whether every character of {@code path} is printable ASCII (a space included). */
    public static boolean isAscii(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** An ASCII name for the last segment of {@code path} (the folder is kept as it is). */
    public static String suggest(String name) {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? ascii(name.substring(dot + 1)) : "";
        String a = ascii(base);
        if (a.chars().noneMatch(Character::isLetter)) {
            a = "file-" + hash(base) + (a.isEmpty() ? "" : "-" + a);
        }
        return ext.isEmpty() ? a : a + "." + ext;
    }

    private static String ascii(String s) {
        String n = Normalizer.normalize(Normalizer.normalize(s, Normalizer.Form.NFKC), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder();
        boolean gap = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-')) {
                if (gap && out.length() > 0) {
                    out.append('-');
                }
                gap = false;
                out.append(c);
            } else {
                gap = true;
            }
        }
        return out.toString().replaceAll("^[-.]+|[-.]+$", "");
    }

    private static String hash(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
