package casebook.booklet;

import com.openhtmltopdf.extend.FSTextBreaker;
import java.text.BreakIterator;
import java.util.Locale;

/**
 * Line breaking for the booklet: the JDK's line-break opportunities, less those that Japanese typesetting rules
 * (禁則処理, JIS X 4051) forbid: no line starts with a closing bracket, a comma or full stop, a small kana, the
 * long-vowel mark or an iteration mark, and none ends with an opening bracket. openhtmltopdf asks this breaker
 * where a line may end.
 */
final class Kinsoku implements FSTextBreaker {
    /** Characters a line may not start with (行頭禁則). */
    static final String NO_START =
            "、。，．,.・：；:;？！?!ー‐゠–〜～…‥」』）］｝〕〉》】〙〗)]}>’”" + "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻ゝゞヽヾ％%";
    /** Characters a line may not end with (行末禁則). */
    static final String NO_END = "「『（［｛〔〈《【〘〖([{‘“";

    private final BreakIterator base = BreakIterator.getLineInstance(Locale.JAPANESE);
    private String text = "";

    @Override
    public void setText(String newText) {
        text = newText;
        base.setText(newText);
    }

    @Override
    public int next() {
        int b = base.next();
        while (b != BreakIterator.DONE && b < text.length() && !allowed(text, b)) {
            b = base.next();
        }
        return b;
    }

    /** Whether a line may break before index {@code i} of {@code s}. */
    static boolean allowed(String s, int i) {
        if (i <= 0 || i >= s.length()) {
            return true;
        }
        return NO_START.indexOf(s.charAt(i)) < 0 && NO_END.indexOf(s.charAt(i - 1)) < 0;
    }
}
