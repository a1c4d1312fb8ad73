package casebook.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Break opportunities between Japanese phrases, for headings, titles, table headers and other title-like text: a
 * browser may otherwise break a line between any two characters (「セン／ター」), and {@code word-break: auto-phrase}
 * is not available in every browser. With {@code word-break: keep-all} the line breaks only at the {@code <wbr>}
 * this class inserts (or, as a last resort, anywhere, with {@code overflow-wrap: anywhere}).
 *
 * <p>No dictionary: a phrase (bunsetsu) is approximated from the change of script. A break is allowed
 * <ul>
 * <li>after a run of hiragana before kanji or katakana (「にも｜対応した｜地域包括」), between kanji and katakana
 * (「地域包括｜ケアシステムの」), and between Japanese and Latin letters (「ステーション｜SODAかわぐち」; not before a
 * particle: 「SODAが」);</li>
 * <li>after punctuation and the middle dot, before an opening bracket, and after a closing bracket unless a particle
 * follows it (「にも包括」の);</li>
 * <li>in an organisation's name, after a prefecture (and its 立) and after a department (部, 局) that a section
 * (課, 室) follows: 「埼玉県｜福祉部｜障害者福祉推進課」, 「埼玉県立｜精神保健福祉｜センター」.</li>
 * </ul>
 * and never
 * <ul>
 * <li>after okurigana, one hiragana of the i or e row between kanji: 「取り組む」, 「受け入れ」, 「話し合い」 (a
 * particle (の が を に へ と で や は も な) or a verb's u-row ending still ends its phrase: 「担う｜役割」);</li>
 * <li>before a single kanji suffix after katakana, Latin letters or a hiragana that is not a particle, at the end or
 * before a particle: 「とらえ方」, 「進め方を」, 「センター長」, 「PDF版」;</li>
 * <li>inside a bracketed term of up to {@value #SHORT_BRACKET} characters: 「にも包括」;</li>
 * <li>before a closing wave dash or after an opening one (「～官民でつくる上昇気流～」), or after a closing bracket
 * that a particle follows (「にも包括」の): the two characters are wrapped in {@code <span class="nobr">} (the theme
 * sets {@code white-space: nowrap}), since {@code keep-all} does not hold punctuation; the text itself is
 * unchanged.</li>
 * </ul>
 * Digits never start a break, so 「6年度」 and 「8050問題」 stay whole, and neither does the long-vowel mark
 * (「センター」).
 */
public final class Phrases {
    private Phrases() {}

    private static final String WBR = "<wbr>";
    /** Marks two characters that are held together; each pair becomes {@code <span class="nobr">}. */
    private static final char JOINER = '\u2060';

    private static final Pattern HELD = Pattern.compile("(.)\u2060(.)", Pattern.DOTALL);
    /** A bracketed term of at most this many characters stays whole. */
    static final int SHORT_BRACKET = 10;

    private static final int OTHER = 0,
            HIRAGANA = 1,
            KATAKANA = 2,
            KANJI = 3,
            OPEN = 4,
            CLOSE = 5,
            BRACKET = 6,
            LATIN = 7;
    /** Hiragana that end a phrase when they stand alone between kanji (particles, and な of 「必要な支援」). */
    private static final String PARTICLES = "のがをにへとでやはもな";
    /**
     * Okurigana that a compound goes on after (the i and e rows: 「取り組む」, 「受け入れ」, 「話し合い」); a verb's
     * u-row ending ends its phrase (「担う｜役割」, 「取り組む｜必要性」).
     */
    private static final String OKURIGANA = "いきぎしじちぢひびぴみりえけげせぜてねべぺめれ";

    /** Inserts {@code <wbr>} into plain text that is already HTML-escaped (entities are ASCII and never split). */
    public static String text(String escaped) {
        if (escaped == null || !Cjk.containsJapanese(escaped)) {
            return escaped;
        }
        int[] cp = escaped.codePoints().toArray();
        int n = cp.length;
        int[] kind = new int[n];
        for (int i = 0; i < n; i++) {
            kind[i] = kind(cp, i, i == 0 ? OTHER : kind[i - 1]);
        }
        boolean[] whole = shortBrackets(cp, kind);
        StringBuilder out = new StringBuilder(escaped.length() + 32);
        for (int i = 0; i < n; i++) {
            if (i > 0
                    && !whole[i]
                    && !Character.isWhitespace(cp[i - 1])
                    && breakBetween(kind[i - 1], kind[i])
                    && !heldTogether(cp, kind, i)) {
                out.append(WBR);
            }
            boolean tilde = isTilde(cp[i]);
            if (tilde && kind[i] == BRACKET) {
                out.append(JOINER);
            }
            out.appendCodePoint(cp[i]);
            if (tilde && kind[i] == OPEN && i + 1 < n && !Character.isWhitespace(cp[i + 1])
                    || kind[i] == BRACKET && i + 1 < n && kind[i + 1] == HIRAGANA) {
                out.append(JOINER);
            } // a browser may break after a closing bracket even with keep-all: 「にも包括」⁠の
        }
        // every break ORGANISATION finds is next to a 部, 局 or 立: most text has none, and skips the pattern
        String t = hasAnyOf(out, "部局立") ? ORGANISATION.matcher(out).replaceAll(WBR) : out.toString();
        return t.indexOf(JOINER) < 0 ? t : HELD.matcher(t).replaceAll("<span class=\"nobr\">$1$2</span>");
    }

    private static boolean hasAnyOf(CharSequence s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The 47 prefectures. */
    private static final String PREFECTURES = "(?:北海道|青森県|岩手県|宮城県|秋田県|山形県|福島県|茨城県|栃木県|群馬県|埼玉県"
            + "|千葉県|東京都|神奈川県|新潟県|富山県|石川県|福井県|山梨県|長野県|岐阜県|静岡県|愛知県|三重県|滋賀県|京都府|大阪府|兵庫県"
            + "|奈良県|和歌山県|鳥取県|島根県|岡山県|広島県|山口県|徳島県|香川県|愛媛県|高知県|福岡県|佐賀県|長崎県|熊本県|大分県|宮崎県"
            + "|鹿児島県|沖縄県)";

    /**
     * Where an organisation's name may break inside a kanji compound (each alternative matches an empty place):
     * after a prefecture's 立 (「埼玉県立｜精神保健福祉」: 県立 always starts a name); after a prefecture or a city
     * that a department follows (「埼玉県｜福祉部」, 「蓮田市｜健康福祉部」); after a department (部, 局) that a
     * section (課, 室) follows, and after a bureau (局) that a department follows, where the section or department
     * ends the kanji run. Each unit is at least two kanji long, so 「埼玉県内」, 「県内市町村」, 「内部調整」 and
     * 「課題」 stay whole.
     */
    private static final Pattern ORGANISATION = Pattern.compile("(?<=" + PREFECTURES + "立)(?=\\p{IsHan})"
            + "|(?<=" + PREFECTURES + "|\\p{IsHan}[市町村])"
            + "(?=\\p{IsHan}{1,8}[部局](?:\\p{IsHan}{2,10}[課室])?(?!\\p{IsHan}))"
            + "|(?<=\\p{IsHan}{2}[部局])(?=\\p{IsHan}{2,10}[課室](?!\\p{IsHan}))"
            + "|(?<=\\p{IsHan}{2}局)(?=\\p{IsHan}{2,10}部(?!\\p{IsHan}))");

    /** After a prefecture where another kanji follows (its 立 is {@link #ORGANISATION}'s). */
    private static final Pattern PREFECTURE = Pattern.compile("(?<=" + PREFECTURES + ")(?=[\\p{IsHan}&&[^立]])");

    /**
     * {@link #text} for the name of a place or an organisation (a case's name): a kanji compound has no change of
     * script inside it, so a break is also allowed after any prefecture's name where another kanji follows
     * (「埼玉県｜川口市」). Only for names: in a heading 「埼玉県内」 is one word.
     */
    public static String name(String escaped) {
        String t = text(escaped);
        return t == null ? null : PREFECTURE.matcher(t).replaceAll(WBR);
    }

    /**
     * The title-like elements whose text gets break opportunities in a page body: headings, table headers and
     * captions, figure captions and the terms of a description list (a block's or the Markdown's).
     */
    private static final Pattern ELEMENTS =
            Pattern.compile("(<(h[1-6]|th|caption|figcaption|dt)\\b[^>]*>)(.*?)(</\\2>)", Pattern.DOTALL);

    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    /**
     * Inserts break opportunities into the text (never the tags) of every title-like element of an HTML fragment
     * ({@link #ELEMENTS}); an element whose text has them already (a block's template made it with {@code phrases()})
     * is left as it is.
     */
    public static String headings(String html) {
        if (html == null || !Cjk.containsJapanese(html)) {
            return html;
        }
        Matcher m = ELEMENTS.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 256);
        int last = 0;
        while (m.find()) {
            String inner = m.group(3);
            out.append(html, last, m.start())
                    .append(m.group(1))
                    .append(inner.contains(WBR) ? inner : html(inner))
                    .append(m.group(4));
            last = m.end();
        }
        return out.append(html, last, html.length()).toString();
    }

    private static final Pattern JAPANESE_RUN =
            Pattern.compile("(<span lang=\"ja\">)([^<]*)(</span>)([)\\]」』）】〕]*[.,;:!?]*)");

    /** A Japanese run up to this long is glued whole to the closing bracket or punctuation after it. */
    private static final int SHORT_RUN = 6;

    /**
     * Break opportunities in the Japanese runs of another language's page ({@code <span lang="ja">}, which the
     * theme keeps whole with {@code keep-all}): a long run such as 「こころサポートステーション」 then still breaks
     * between its phrases, a name such as 「野中猛」 not at all. A closing bracket or punctuation right after a run is
     * glued to it ({@code .nobr}: the run whole when it is short, its last character when it is long), so that
     * neither starts a line when the run only just fits.
     */
    public static String japaneseRuns(String html) {
        if (html == null || !html.contains("<span lang=\"ja\">")) {
            return html;
        }
        Matcher m = JAPANESE_RUN.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 64);
        while (m.find()) {
            String run = m.group(2);
            String after = m.group(4);
            String made;
            if (after.isEmpty() || run.isEmpty()) {
                made = m.group(1) + text(run) + m.group(3) + after;
            } else if (run.codePointCount(0, run.length()) <= SHORT_RUN) {
                // a bracket or a full stop never starts a line: a short run (a name) keeps it, whole
                made = "<span class=\"nobr\">" + m.group(1) + run + m.group(3) + after + "</span>";
            } else {
                // a long run still breaks between its phrases; its last character keeps what follows it
                int last = run.offsetByCodePoints(run.length(), -1);
                made = m.group(1) + text(run.substring(0, last)) + m.group(3) + "<span class=\"nobr\">" + m.group(1)
                        + run.substring(last) + m.group(3) + after + "</span>";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(made));
        }
        m.appendTail(out);
        return out.toString();
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

    private static boolean isTilde(int c) {
        return c == 0xFF5E || c == 0x301C;
    }

    private static boolean isJapanese(int kind) {
        return kind == HIRAGANA || kind == KATAKANA || kind == KANJI;
    }

    private static int kind(int[] cp, int i, int prev) {
        int c = cp[i];
        if (c == 0x30FC || c == 0x3005 || c == 0x309D || c == 0x309E || c == 0x30FD || c == 0x30FE) {
            return prev;
        } // ー 々 ゝ ヽ: part of the run
        if (isTilde(c)) {
            // a wave dash after a word closes (「上昇気流～」), one at the start or after a space opens (「 ～官民」);
            // between figures it is a range (「4～6月」), left as it is
            if (isJapanese(prev) || prev == CLOSE || prev == BRACKET) {
                return BRACKET;
            }
            return i == 0 || Character.isWhitespace(cp[i - 1]) || prev == OPEN ? OPEN : OTHER;
        }
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
        if (s == Character.UnicodeScript.LATIN && Character.isLetter(c) && !entityName(cp, i)) {
            return LATIN;
        }
        return OTHER;
    }

    /** True when the letter at {@code i} belongs to a character reference such as {@code &amp;amp;}. */
    private static boolean entityName(int[] cp, int i) {
        for (int j = i - 1; j >= 0 && i - j <= 32; j--) {
            if (cp[j] == '&') {
                return true;
            }
            if (!Character.isLetterOrDigit(cp[j]) && cp[j] != '#') {
                return false;
            }
        }
        return false;
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
            return cur == KANJI || cur == KATAKANA || cur == LATIN;
        }
        if (prev == LATIN) {
            return cur == KANJI || cur == KATAKANA;
        } // 「SODA｜川口」, never before a particle (「SODAが」)
        if (cur == LATIN) {
            return prev == KANJI || prev == KATAKANA;
        }
        return prev == KANJI && cur == KATAKANA || prev == KATAKANA && cur == KANJI;
    }

    /**
     * Where the change of script falls inside a word: after okurigana (one hiragana of the i or e row between kanji:
     * 「取り｜組む」) and before a single kanji suffix (「とらえ｜方」, 「センター｜長」), which is a lone kanji after
     * katakana, Latin letters or a hiragana that is not a particle, at the end or before a particle. After a particle the break stays (「を｜見る」).
     */
    private static boolean heldTogether(int[] cp, int[] kind, int i) {
        if (kind[i] == LATIN && (i + 1 == cp.length || kind[i + 1] != LATIN)
                || kind[i - 1] == LATIN && (i < 2 || kind[i - 2] != LATIN)) {
            return true;
        } // a lone letter is a label's: 「事例A」, 「A型」
        if (kind[i] != KANJI) {
            return false;
        }
        int prev = kind[i - 1];
        boolean afterParticle = prev == HIRAGANA && PARTICLES.indexOf(cp[i - 1]) >= 0;
        if (prev == HIRAGANA && OKURIGANA.indexOf(cp[i - 1]) >= 0 && i >= 2 && kind[i - 2] == KANJI) {
            return true;
        } // okurigana
        // a suffix ends the text or comes before a particle (「進め方を」); before other kana it starts a word (「切れ目」)
        boolean lone = i + 1 == cp.length
                || kind[i + 1] != KANJI && kind[i + 1] != KATAKANA && kind[i + 1] != HIRAGANA
                || kind[i + 1] == HIRAGANA && PARTICLES.indexOf(cp[i + 1]) >= 0;
        return lone && !afterParticle && (prev == HIRAGANA || prev == KATAKANA || prev == LATIN);
    }

    /**
     * For each position, whether it lies inside a bracketed term of at most {@link #SHORT_BRACKET} characters (from
     * the character after the opening bracket to the closing bracket), where no break is made.
     */
    private static boolean[] shortBrackets(int[] cp, int[] kind) {
        boolean[] whole = new boolean[cp.length];
        for (int o = 0; o < cp.length; o++) {
            if (kind[o] != OPEN || isTilde(cp[o])) {
                continue;
            }
            for (int c = o + 1; c < cp.length && c - o - 1 <= SHORT_BRACKET; c++) {
                if (kind[c] == OPEN && !isTilde(cp[c])) {
                    break;
                }
                if (kind[c] == BRACKET && !isTilde(cp[c])) {
                    for (int j = o + 1; j <= c; j++) {
                        whole[j] = true;
                    }
                    break;
                }
            }
        }
        return whole;
    }
}
