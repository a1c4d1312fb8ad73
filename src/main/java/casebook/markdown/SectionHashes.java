package casebook.markdown;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hash of each level-2 section's Markdown source ("_intro" for text before the first one), so a
 * translation can record which version of each section it was made from. Computed on first use: only
 * pages that a translation records hashes for (and {@code mark-translated}) need them, and hashing every
 * body of a large site costs more than the rest of its Markdown analysis.
 */
public final class SectionHashes {
    private final String body;
    private final int bodyStartLine;
    private final List<OutlineHeading> headings;
    private volatile Map<String, String> hashes;

    SectionHashes(String body, int bodyStartLine, List<OutlineHeading> headings) {
        this.body = body;
        this.bodyStartLine = bodyStartLine;
        this.headings = headings;
    }

    /** Section id to hash, in document order. */
    public Map<String, String> get() {
        Map<String, String> h = hashes;
        if (h == null) {
            hashes = h = Collections.unmodifiableMap(compute());
        }
        return h;
    }

    private Map<String, String> compute() {
        List<Integer> cuts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        cuts.add(0);
        ids.add("_intro");
        // offsets of the level-2 headings' lines in the body
        int line = bodyStartLine;
        int offset = 0;
        for (OutlineHeading h : headings) {
            if (h.level() != 2) {
                continue;
            }
            while (line < h.line() && offset >= 0) {
                offset = body.indexOf('\n', offset);
                if (offset >= 0) {
                    offset++;
                }
                line++;
            }
            if (offset < 0 || line != h.line()) {
                break;
            }
            cuts.add(offset);
            ids.add(h.id());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < cuts.size(); i++) {
            int from = cuts.get(i);
            int to = i + 1 < cuts.size() ? cuts.get(i + 1) : body.length();
            String section = normalise(body, from, to);
            if (i == 0 && section.isEmpty()) {
                continue;
            }
            out.put(ids.get(i), hash(section));
        }
        return out;
    }

    /** A section's text with each line stripped of surrounding whitespace, and blank lines at either end dropped. */
    private static String normalise(String body, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        int p = from;
        while (p < to) {
            int end = body.indexOf('\n', p);
            if (end < 0 || end > to) {
                end = to;
            }
            int a = p, b = end;
            while (a < b && Character.isWhitespace(body.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(body.charAt(b - 1))) {
                b--;
            }
            out.append(body, a, b).append('\n');
            p = end + 1;
        }
        return out.toString().strip();
    }

    /** The first 12 hex digits of the SHA-256 of the text's UTF-8 bytes. */
    public static String hash(String text) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] d = sha256.digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d, 0, 6);
    }
}
