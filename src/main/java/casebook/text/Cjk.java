package casebook.text;

import java.util.regex.Pattern;

/** Character classes for Japanese text. */
public final class Cjk {
    private Cjk() {}

    /** A run of Japanese (kanji, kana, CJK punctuation, full-width forms), spaces inside the run included. */
    private static final String CHAR =
            "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\u3000-\\u303F\\uFF01-\\uFF60\\uFFE0-\\uFFEE"
                    + "\\u30FB\\u30FC\\u203B\\u2460-\\u24FF\\u25A0-\\u25FF]";

    /**
     * A run of Japanese (kanji, kana, CJK punctuation, full-width forms); spaces and digits inside a run
     * (第3部, 佐野 美貴) stay part of it.
     */
    public static final Pattern RUN = Pattern.compile(CHAR + "+(?:[ \\u3000]*[0-9]*[ \\u3000]*" + CHAR + "+)*");

    /** True for characters of East Asian scripts and full-width punctuation, around which a line break is not a space. */
    public static boolean isWide(int c) {
        if (c < 0x2E80) {
            return c == 0x203B || c >= 0x2460 && c <= 0x24FF || c >= 0x25A0 && c <= 0x25FF;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN
                || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA
                || c >= 0x3000 && c <= 0x303F
                || c >= 0xFF00 && c <= 0xFFEF
                || c == 0x30FC
                || c == 0x30FB;
    }

    public static boolean containsJapanese(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x2E80 && isWide(c)) {
                return true;
            }
        }
        return false;
    }
}
