package casebook.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Break opportunities between Japanese phrases, for headings, titles and table headers: a browser may otherwise
 * break a line between any two characters (「セン／ター」), and {@code word-break: auto-phrase} is not available in
 * every browser. With {@code word-break: keep-all} the line breaks only at the {@code <wbr>} this class inserts
 * (or, as a last resort, anywhere, with {@code overflow-wrap: anywhere}).
 *
 * <p>No dictionary: a phrase (bunsetsu) is approximated from the change of script. A break is allowed after a run
 * of hiragana before kanji or katakana (「にも｜対応した｜地域包括」), between kanji and katakana
 * (「地域包括｜ケアシステムの」), after punctuation and the middle dot, after a closing bracket unless a particle
 * follows it (「にも包括」の), and before opening brackets. Digits,
 * Latin letters and the long-vowel mark never start a break, so 「6年度」, 「8050問題」 and 「センター」 stay whole.
 */
public final class Phrases {
    private Phrases() {}

    private static final String WBR = "<wbr>";
    private static final int OTHER = 0, HIRAGANA = 1, KATAKANA = 2, KANJI = 3, OPEN = 4, CLOSE = 5, BRACKET = 6;

    /** Inserts {@code <wbr>} into plain text that is already HTML-escaped (entities are ASCII and never split). */
    public static String text(String escaped) {
        if (escaped == null || !Cjk.containsJapanese(escaped)) {
            return escaped;
        }
        StringBuilder out = new StringBuilder(escaped.length() + 32);
        int prev = OTHER;
        for (int i = 0; i < escaped.length(); ) {
            int c = escaped.codePointAt(i);
            int k = kind(c, prev);
            if (i > 0 && breakBetween(prev, k)) {
                out.append(WBR);
            }
            out.appendCodePoint(c);
            prev = k;
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /** The element names whose text gets break opportunities in a page body. */
    private static final Pattern ELEMENTS = Pattern.compile("(<(h[1-6]|th)\\b[^>]*>)(.*?)(</\\2>)", Pattern.DOTALL);

    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    /** Inserts break opportunities into the text (never the tags) of every heading and table header of an HTML fragment. */
    public static String headings(String html) {
        if (html == null || !Cjk.containsJapanese(html)) {
            return html;
        }
        Matcher m = ELEMENTS.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 256);
        int last = 0;
        while (m.find()) {
            out.append(html, last, m.start())
                    .append(m.group(1))
                    .append(html(m.group(3)))
                    .append(m.group(4));
            last = m.end();
        }
        return out.append(html, last, html.length()).toString();
    }

    /** Break opportunities in the text nodes of an inline HTML fragment. */
    public static String html(String inline) {
        Matcher t = TAG.matcher(inline);
        StringBuilder out = new StringBuilder(inline.length() + 32);
        int last = 0;
        while (t.find()) {
            out.append(text(inline.substring(last, t.start()))).append(t.group());
            last = t.end();
        }
        return out.append(text(inline.substring(last))).toString();
    }

    private static int kind(int c, int prev) {
        if (c == 0x30FC || c == 0x3005 || c == 0x309D || c == 0x309E || c == 0x30FD || c == 0x30FE) {
            return prev;
        } // ー 々 ゝ ヽ: part of the run
        switch (c) {
            case '「', '『', '（', '［', '〈', '《', '【', '〔', '｛', '“' -> {
                return OPEN;
            }
            case '」', '』', '）', '］', '〉', '》', '】', '〕', '｝', '”' -> {
                return BRACKET;
            }
            case '、', '。', '・', '，', '．', '！', '？', '：', '；' -> {
                return CLOSE;
            }
            default -> {}
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        if (s == Character.UnicodeScript.HIRAGANA) {
            return HIRAGANA;
        }
        if (s == Character.UnicodeScript.KATAKANA) {
            return KATAKANA;
        }
        if (s == Character.UnicodeScript.HAN) {
            return KANJI;
        }
        return OTHER;
    }

    private static boolean breakBetween(int prev, int cur) {
        if (cur == CLOSE || cur == BRACKET || prev == OPEN) {
            return false;
        } // never before closing punctuation, after an opening bracket
        if (prev == BRACKET) {
            return cur != HIRAGANA;
        } // after a closing bracket, unless a particle follows (「…」の)
        if (prev == CLOSE || cur == OPEN) {
            return true;
        } // after punctuation and the middle dot, before a bracket
        if (prev == HIRAGANA) {
            return cur == KANJI || cur == KATAKANA;
        }
        return prev == KANJI && cur == KATAKANA || prev == KATAKANA && cur == KANJI;
    }
}
