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

    /** The 47 prefectures, so that a place name breaks after its prefecture: 「埼玉県｜川口市」, 「埼玉県立｜精神保健福祉センター」. */
    private static final Pattern PREFECTURE = Pattern.compile("(北海道|青森県|岩手県|宮城県|秋田県|山形県|福島県|茨城県|栃木県|群馬県|埼玉県"
            + "|千葉県|東京都|神奈川県|新潟県|富山県|石川県|福井県|山梨県|長野県|岐阜県|静岡県|愛知県|三重県|滋賀県|京都府|大阪府|兵庫県"
            + "|奈良県|和歌山県|鳥取県|島根県|岡山県|広島県|山口県|徳島県|香川県|愛媛県|高知県|福岡県|佐賀県|長崎県|熊本県|大分県|宮崎県"
            + "|鹿児島県|沖縄県)(立)?(?=\\p{IsHan})");

    /**
     * {@link #text} for the name of a place or an organisation (a case's name): a kanji compound has no change of
     * script inside it, so a break is also allowed after a prefecture's name (and its 立) where another kanji follows.
     * Only for names: in running text 「埼玉県内」 is one word.
     */
    public static String name(String escaped) {
        String t = text(escaped);
        return t == null ? null : PREFECTURE.matcher(t).replaceAll("$1$2" + WBR);
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
