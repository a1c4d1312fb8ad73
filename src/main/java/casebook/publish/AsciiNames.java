package casebook.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * File names a portal accepts: the published tree may hold only printable ASCII names (many portals' upload
 * tools, web servers and zip tools mangle others). For a name that is not, {@link #suggest} offers an ASCII
 * one: full-width letters and digits made half-width, accents dropped, every other run of characters
 * but ASCII letters, digits, '.', '_' and '-' replaced by a hyphen, and a few common words in English
 * ({@code 図1.png} → {@code figure-1.png}); when no letter is left, "file-" and a short hash keep the name distinct.
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

    /**
     * The characters a published file name may hold besides ASCII letters and digits (an allowlist): none that
     * Windows refuses in a file name ({@code \\ / : * ? " < > |}; a {@code :} in a zip entry even makes an
     * alternate data stream there) and none that gives a URL a meaning of its own ({@code # %}).
     */
    static final String NAME_PUNCTUATION = " !$&'()+,-.;=@[]^_`{}~";

    /** Names Windows keeps for devices, with or without an extension ({@code aux.png} opens no file there). */
    private static final Pattern DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

    /**
     * Why the ASCII path {@code path} (segments separated by {@code /}) cannot be published as it is, or null when
     * every segment is a name that every file system, unzip tool and portal takes: only ASCII letters, digits and
     * {@link #NAME_PUNCTUATION}, not ending in a dot or a space (Windows drops them), and not a device name.
     */
    public static String unportable(String path) {
        for (String segment : path.split("/", -1)) {
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                boolean letterOrDigit = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
                if (!letterOrDigit && NAME_PUNCTUATION.indexOf(c) < 0) {
                    return "\"" + c + "\" is not allowed in a published file name: Windows refuses \\ / : * ? \" < > |"
                            + " (a portal or an unzip tool there fails or writes another file), and # and % change"
                            + " what a link means";
                }
            }
            if (segment.endsWith(".") || segment.endsWith(" ")) {
                return "\"" + segment + "\" ends with a dot or a space, which Windows drops from a file name";
            }
            if (DEVICE.matcher(segment).matches()) {
                return "\"" + segment + "\" is the name of a device on Windows, where no file can have it";
            }
        }
        return null;
    }

    /** {@link #suggest}, made publishable when the suggestion itself would not be ({@code aux.png} → {@code file-aux.png}). */
    public static String suggestPortable(String name) {
        String s = suggest(name);
        return s.isEmpty() || unportable(s) != null ? "file-" + s : s;
    }

    /**
     * Common words of the names of a collection's files, in English: {@code 図1.png} is suggested as
     * {@code figure-1.png}. Longer words first, so that 写真 is read as one word.
     */
    static final Map<String, String> WORDS = wordTable();

    private static Map<String, String> wordTable() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("参考資料", "reference");
        m.put("写真", "photo");
        m.put("資料", "document");
        m.put("別紙", "attachment");
        m.put("図", "figure");
        m.put("表", "table");
        return Collections.unmodifiableMap(m);
    }

    /**
     * An ASCII name for the last segment of {@code path} (the folder is kept as it is): the words of
     * {@link #WORDS} in English, the digits and ASCII letters kept; when letters of the name are left that
     * have no such reading, a short hash of the name is added so that two such names stay distinct; and
     * when no letter is left at all, {@code file-} and the hash.
     */
    public static String suggest(String name) {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? ascii(name.substring(dot + 1)) : "";
        String words = base;
        for (Map.Entry<String, String> w : WORDS.entrySet()) {
            words = words.replace(w.getKey(), " " + w.getValue() + " ");
        }
        String a = dropRepeats(ascii(words));
        if (a.chars().noneMatch(Character::isLetter)) {
            a = "file-" + hash(base) + (a.isEmpty() ? "" : "-" + a);
        } else if (!words.equals(base) && hasOtherLetters(words)) {
            a = a + "-" + hash(base);
        }
        return ext.isEmpty() ? a : a + "." + ext;
    }

    /** Whether letters are left that {@link #ascii} drops (a kanji with no reading in the table). */
    private static boolean hasOtherLetters(String s) {
        String n = Normalizer.normalize(Normalizer.normalize(s, Normalizer.Form.NFKC), Normalizer.Form.NFD);
        return n.codePoints().anyMatch(c -> c >= 0x80 && Character.isLetter(c));
    }

    /** "figure-figure-2" → "figure-2": a word the name already had in English is not repeated. */
    private static String dropRepeats(String s) {
        String[] parts = s.split("-", -1);
        StringBuilder out = new StringBuilder();
        String last = null;
        for (String p : parts) {
            if (p.equalsIgnoreCase(last) && p.chars().anyMatch(Character::isLetter)) {
                continue;
            }
            out.append(out.length() == 0 && last == null ? "" : "-").append(p);
            last = p;
        }
        return out.toString();
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
