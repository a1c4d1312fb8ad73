package casebook.text;

import casebook.safety.UrlPolicy;
import java.util.ArrayDeque;

/** How internal links are written in the output: folder links get an explicit index.html, so they work from disk. */
public final class LinkTargets {
    private LinkTargets() {}

    /**
     * True for links into the site itself: not empty, no scheme and not protocol-relative, read as a
     * browser reads them ({@link casebook.safety.UrlPolicy#isRelative}).
     */
    public static boolean isInternal(String url) {
        return !url.isEmpty() && UrlPolicy.isRelative(url);
    }

    /** {@code ../saitama/#x} becomes {@code ../saitama/index.html#x}; other URLs are returned unchanged. */
    public static String withIndexFile(String url) {
        if (!isInternal(url) || url.startsWith("#")) {
            return url;
        }
        int cut = url.length();
        int q = url.indexOf('?');
        int h = url.indexOf('#');
        if (q >= 0) {
            cut = q;
        }
        if (h >= 0 && h < cut) {
            cut = h;
        }
        String path = url.substring(0, cut);
        if (path.endsWith("/")) {
            return path + Urls.INDEX + url.substring(cut);
        }
        if (path.equals("..") || path.equals(".") || path.endsWith("/..") || path.endsWith("/.")) {
            return path + "/" + Urls.INDEX + url.substring(cut);
        }
        return url;
    }

    /** Resolves {@code rel} against the folder of {@code from}; null if it climbs above the root. */
    public static String resolve(String from, String rel) {
        ArrayDeque<String> parts = new ArrayDeque<>();
        String[] base = from.split("/");
        for (int i = 0; i < base.length - 1; i++) {
            parts.addLast(base[i]);
        }
        String[] segs = rel.split("/", -1);
        for (int i = 0; i < segs.length; i++) {
            String s = segs[i];
            if (s.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else if (!s.equals(".") && !s.isEmpty()) {
                parts.addLast(s);
            }
        }
        String joined = String.join("/", parts);
        return rel.endsWith("/") && !joined.isEmpty() ? joined + "/" : joined;
    }
}
