package casebook.safety;

import java.util.Locale;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * The one rule for every URL that reaches a page (Markdown links, images, autolinks, reference
 * definitions, raw HTML attributes, data values, site.yaml): an <b>allowlist</b>. A URL may be a
 * relative reference (a path, {@code ?query} or {@code #fragment}) or use one of the schemes
 * {@code http}, {@code https}, {@code mailto} and {@code tel}; anything else ({@code javascript:},
 * {@code vbscript:}, {@code data:}, {@code file:}, …) is refused, and so is a reference without a scheme
 * that a browser reads as the name of another host ({@code //host/}, {@code /\host}, {@code \\host}:
 * {@link #leadsToAnotherHost}), and an {@code http(s)} address with a user name or password
 * before its host ({@code https://www.mhlw.go.jp@evil.example/} leads to {@code evil.example}).
 *
 * <p>The scheme is read the way a browser reads it, not as written: HTML entities are decoded
 * ({@code java&Tab;script:}, {@code &#x6A;avascript:}, {@code javascript&colon;}), ASCII tab, line feed
 * and carriage return are removed wherever they are, leading and trailing C0 controls and spaces are
 * stripped, and the scheme is compared case-insensitively in {@link Locale#ROOT} (a Turkish default
 * locale does not turn {@code JAVASCRIPT} into something else). Decoding entities a second time, on a
 * value that was already decoded, can only reveal more of a scheme, never hide one, so values are
 * always decoded here whether or not the caller already did. For the same reason of caution a URL that
 * still holds a control character after this, or whose letters spell a refused scheme once invisible
 * characters (zero-width spaces and the like) are taken out, is refused too.
 */
public final class UrlPolicy {
    /** The schemes a page may link to, lower case. */
    public static final Set<String> SCHEMES = Set.of("http", "https", "mailto", "tel");
    /** Why a URL is refused, as every message says it. */
    public static final String RULE = "only http, https, mailto, tel and relative links reach a page";
    /** What to do instead, for the hint of a diagnostic. */
    public static final String HINT =
            "link to a web page (https://…), an e-mail address (mailto:…), a phone number (tel:…)"
                    + " or a page or file of this collection (../slug/, figure.png)";

    private UrlPolicy() {}

    /** Whether {@code url} may reach a page. */
    public static boolean allows(String url) {
        if (url == null) {
            return true;
        }
        String seen = browserForm(url);
        for (int i = 0; i < seen.length(); i++) {
            if (seen.charAt(i) < 0x20 || seen.charAt(i) == 0x7f) {
                return false;
            }
        }
        String scheme = schemeOf(seen);
        if (scheme != null && !SCHEMES.contains(scheme) || scheme == null && namesAHost(seen)) {
            return false;
        }
        if (credentialsHost(seen) != null) {
            return false;
        }
        // an allowed scheme is spelt in ASCII letters only, which the second reading leaves as they are
        String hidden = schemeOf(withoutInvisibles(seen));
        return hidden == null || SCHEMES.contains(hidden);
    }

    /**
     * The scheme a browser would use for {@code url}, lower case, or null for a relative reference
     * (which includes protocol-relative {@code //host/} references).
     */
    public static String scheme(String url) {
        return url == null ? null : schemeOf(browserForm(url));
    }

    /** Why a resource that loads by itself (a picture, a video's poster) must be a file of the site. */
    public static final String RESOURCE_RULE =
            "a picture or anything else the browser loads by itself comes from the site's own files only, so that"
                    + " nothing is loaded from another site, which would learn who reads the page";

    /** The fix for a resource from another site. */
    public static final String RESOURCE_HINT =
            "save the image in the page's folder and link it relatively, e.g. figure1.png";

    /**
     * Whether {@code url}, allowed as a link, would load something from another site when used where the browser
     * loads it without a click ({@code img src}, {@code poster}, …): any allowed URL that is not relative.
     */
    public static boolean loadsFromAnotherSite(String url) {
        return url != null && allows(url) && !isRelative(url);
    }

    /** Whether {@code url} is a reference into this site: relative, with no scheme and no host. */
    public static boolean isRelative(String url) {
        if (url == null) {
            return false;
        }
        String seen = browserForm(url);
        return schemeOf(seen) == null
                && !seen.startsWith("//")
                && !seen.startsWith("\\\\")
                && !seen.startsWith("/\\")
                && !seen.startsWith("\\/");
    }

    /**
     * Whether {@code url} has no scheme but leads to another host, as a browser reads it: {@code //host/},
     * {@code ///host}, {@code /\host}, {@code \\host} (the WHATWG URL parser reads a backslash as a slash
     * in http(s) URLs, and takes out tabs and newlines and leading spaces first). Such a link takes the page's
     * scheme, which is {@code file:} when the site is opened from disk, so it cannot be held to the list of
     * schemes: it is refused ({@link #allows}), and an editor writes the full address instead.
     */
    public static boolean leadsToAnotherHost(String url) {
        if (url == null) {
            return false;
        }
        String seen = browserForm(url);
        return schemeOf(seen) == null && namesAHost(seen);
    }

    private static boolean namesAHost(String seen) {
        return seen.length() >= 2 && isSlash(seen.charAt(0)) && isSlash(seen.charAt(1));
    }

    private static boolean isSlash(char c) {
        return c == '/' || c == '\\';
    }

    /** The rule {@code url} breaks, for a message. */
    public static String rule(String url) {
        if (leadsToAnotherHost(url)) {
            return OTHER_HOST_RULE;
        }
        String host = url == null ? null : credentialsHost(browserForm(url));
        return host == null
                ? RULE
                : CREDENTIALS_RULE + ": it leads to " + shown(host) + ", the host after the @, while a reader takes the"
                        + " part before it for the site (and a password there would be published)";
    }

    /**
     * Why a web address with a user name or password is refused: {@code https://www.mhlw.go.jp@evil.example/}
     * reads like the ministry's address but leads to {@code evil.example}, and {@code https://user:pass@host/}
     * would publish the password.
     */
    public static final String CREDENTIALS_RULE = "a web address may not carry a user name or password before an @";

    /**
     * The host an {@code http(s)} URL (already in its {@link #browserForm}) leads to when its authority carries a
     * user name or password ({@code https://www.mhlw.go.jp@evil.example/} leads to {@code evil.example}), or null
     * when it carries none. Read as the WHATWG URL parser reads a special URL: any slashes and backslashes after
     * the scheme are skipped, and the authority ends at the first {@code /}, {@code \}, {@code ?} or {@code #}.
     */
    private static String credentialsHost(String seen) {
        String scheme = schemeOf(seen);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return null;
        }
        int i = scheme.length() + 1;
        while (i < seen.length() && isSlash(seen.charAt(i))) {
            i++;
        }
        int end = i;
        while (end < seen.length() && "/\\?#".indexOf(seen.charAt(end)) < 0) {
            end++;
        }
        int at = seen.lastIndexOf('@', end - 1);
        return at < i ? null : seen.substring(at + 1, end);
    }

    /** Why a link to another host without a scheme is refused. */
    public static final String OTHER_HOST_RULE =
            "a link to another site must say its scheme (a browser reads //, /\\ and \\\\ at the start as the"
                    + " name of a host)";

    /** The message of a refused URL: it names the URL (control characters shown as escapes) and the rule. */
    public static String message(String what, String url) {
        return what + " \"" + shown(url) + "\" is not allowed: " + rule(url);
    }

    /** {@code url} as a browser reads an attribute value: entities decoded, tabs and newlines out, ends trimmed. */
    public static String browserForm(String url) {
        String s = url.indexOf('&') >= 0 ? Parser.unescapeEntities(url, true) : url;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                sb.append(c);
            }
        }
        int from = 0;
        int to = sb.length();
        while (from < to && sb.charAt(from) <= 0x20) {
            from++;
        }
        while (to > from && sb.charAt(to - 1) <= 0x20) {
            to--;
        }
        return sb.substring(from, to);
    }

    /** The URL for a message: control characters as \t, \n, \r, \\u0000, and at most 100 characters. */
    public static String shown(String url) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < url.length() && sb.length() < 100; i++) {
            char c = url.charAt(i);
            switch (c) {
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '"' -> sb.append("\\\"");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.length() >= 100 && url.length() > 100 ? sb + "…" : sb.toString();
    }

    /** A scheme (RFC 3986: a letter, then letters, digits, +, - or .) followed by ':', lower case; else null. */
    private static String schemeOf(String s) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
            return null;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return s.substring(0, i).toLowerCase(Locale.ROOT);
            }
            if (!(isAsciiLetter(c) || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
                return null;
            }
        }
        return null;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** The text without whitespace, control and format characters (zero-width spaces, soft hyphens, BOMs). */
    private static String withoutInvisibles(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            if (Character.isWhitespace(c)
                    || Character.isSpaceChar(c)
                    || type == Character.CONTROL
                    || type == Character.FORMAT) {
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
