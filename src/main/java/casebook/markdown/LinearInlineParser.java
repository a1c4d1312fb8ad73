package casebook.markdown;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flexmark's inline parser with its two regular-expression helpers made linear.
 *
 * <p>Flexmark's {@code match} and {@code matchWithGroups} take the positions of every match through
 * {@link Matcher#toMatchResult()}, which on Java 17 copies the whole text being matched: the rest of
 * the paragraph, once per link, autolink, entity or inline tag. A paragraph of n such constructs
 * then costs O(n²) (a 195 KB run of {@code [x](} took 50 s, 20,000 links in one paragraph 23 s).
 * These overrides do the same matching and read the positions from the matcher itself.
 *
 * <p>Two more limits keep the rest of Flexmark's inline parsing, which tries each opener ({@code [},
 * {@code <}, {@code *}) against the rest of its paragraph, within bounds:
 * <ul>
 * <li>an inline tag, comment, processing instruction or CDATA section is only looked for where its
 *     closing {@code >}, {@code -->}, {@code ?>} or {@code ]]>} occurs later in the paragraph (the
 *     pattern cannot match otherwise; unclosed ones cost minutes for a few hundred KB);</li>
 * <li>a paragraph, heading or table cell longer than {@link MarkdownLimits#MAX_INLINE_CHARS}, or with
 *     more than {@link MarkdownLimits#MAX_EMPHASIS_RUNS} runs of {@code *} or {@code _} (matching them
 *     is quadratic), is not parsed for inline Markdown at all: it becomes one text node;</li>
 * <li>link addresses are looked for at most {@link MarkdownLimits#LINK_SCAN_BUDGET} characters in all
 *     per paragraph (each unclosed {@code [x](} is scanned to the next space: quadratic in a long run);</li>
 * <li>a pattern that overflows the stack (Java's regular expressions recurse once per repetition)
 *     counts as no match.</li>
 * </ul>
 * The last three are recorded in the document ({@link #TOO_LONG}, {@link #TOO_COMPLEX}) and reported
 * by {@link MarkdownLimits} at their line: the page is not published.
 * Everything else (the constructs recognised, the nodes built) is Flexmark's, unchanged.
 */
final class LinearInlineParser extends InlineParserImpl {

    private LinearInlineParser(
            DataHolder options,
            BitSet specialCharacters,
            BitSet delimiterCharacters,
            Map<Character, DelimiterProcessor> delimiterProcessors,
            LinkRefProcessorData linkRefProcessors,
            List<InlineParserExtensionFactory> extensions) {
        super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors, extensions);
    }

    /**
     * Makes {@code builder} use this parser. Flexmark adds its reference-definition pre-processor only
     * with its own inline parser factory, so it is added here too (it delegates to the inline parser).
     */
    static Parser.Builder install(Parser.Builder builder) {
        return builder.customInlineParserFactory(LinearInlineParser::new)
                .paragraphPreProcessorFactory(new ReferencePreProcessorFactory());
    }

    /** Offset of the first block whose inline content was too long to parse, or -1. */
    static final DataKey<Integer> TOO_LONG = new DataKey<>("casebook.inlineTooLong", -1);
    /** Offset of the first block whose inline content was cut short by a limit on work, or -1. */
    static final DataKey<Integer> TOO_COMPLEX = new DataKey<>("casebook.inlineTooComplex", -1);

    /** The input {@link #spent} and {@link #nextSpace} belong to. */
    private BasedSequence budgetOf;
    /** Characters of link address scanned (at most) in this input so far. */
    private long spent;
    /** For each offset of the input, the offset of the next space, tab or line break (or the end). */
    private int[] nextSpace;

    /** The text of {@link #input} and the last offset of each closing sequence in it, for {@link #parseHtmlInline}. */
    private BasedSequence closersOf;

    private int lastGt;
    private int lastPi;
    private int lastCdata;
    private int lastComment;

    @Override
    public void parse(BasedSequence content, Node block) {
        boolean tooLong = content.length() > MarkdownLimits.MAX_INLINE_CHARS;
        if (tooLong || emphasisRuns(content) > MarkdownLimits.MAX_EMPHASIS_RUNS) {
            asText(content, block, tooLong ? TOO_LONG : TOO_COMPLEX);
            return;
        }
        try {
            super.parse(content, block);
        } catch (GiveUp e) {
            // what was built of this block is dropped; the next block starts from a clean state, as parse() sets the
            // rest
            currentText = null;
            lastDelimiter = null;
            while (block.getFirstChild() != null) {
                block.getFirstChild().unlink();
            }
            asText(content, block, TOO_COMPLEX);
        }
    }

    /** The block's content as one text node, recorded under {@code key} for {@link MarkdownLimits} to report. */
    private static void asText(BasedSequence content, Node block, DataKey<Integer> key) {
        flag(block.getDocument(), key, content.getStartOffset());
        BasedSequence text = content.trim();
        if (!text.isEmpty()) {
            block.appendChild(new Text(text));
        }
    }

    /** Thrown where a limit on work is reached: the block is given up (as text) instead of parsed further. */
    private static final class GiveUp extends RuntimeException {
        GiveUp() {
            super(null, null, false, false);
        }
    }

    private static void flag(Document doc, DataKey<Integer> key, int offset) {
        int old = key.get(doc);
        if (old < 0 || offset < old) {
            doc.set(key, offset);
        }
    }

    /** Runs of {@code *} and of {@code _} in the text. */
    private static int emphasisRuns(BasedSequence s) {
        int runs = 0;
        char last = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c == '*' || c == '_') && c != last) {
                runs++;
            }
            last = c;
        }
        return runs;
    }

    @Override
    public BasedSequence parseLinkDestination() {
        if (budgetOf != input) {
            budgetOf = input;
            spent = 0;
            nextSpace = null;
        }
        if (nextSpace == null) {
            nextSpace = new int[input.length() + 1];
            int next = input.length();
            nextSpace[next] = next;
            for (int i = next - 1; i >= 0; i--) {
                char c = input.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    next = i;
                }
                nextSpace[i] = next;
            }
        }
        spent += nextSpace[Math.min(index, input.length())] - index + 1;
        if (spent > MarkdownLimits.LINK_SCAN_BUDGET) {
            throw new GiveUp();
        }
        return super.parseLinkDestination();
    }

    @Override
    public int preProcessBlock(Paragraph block, ParserState state) {
        // reference definitions at the start of an over-long paragraph are not looked for either
        if (block.getChars().length() > MarkdownLimits.MAX_INLINE_CHARS) {
            return 0;
        }
        try {
            return super.preProcessBlock(block, state);
        } catch (GiveUp e) {
            flag(block.getDocument(), TOO_COMPLEX, block.getStartOffset());
            return 0;
        }
    }

    @Override
    public boolean parseHtmlInline() {
        if (closersOf != input) {
            String s = input.toString();
            closersOf = input;
            lastGt = s.lastIndexOf('>');
            lastPi = s.lastIndexOf("?>");
            lastCdata = s.lastIndexOf("]]>");
            lastComment = s.lastIndexOf("-->");
        }
        // every form ends in '>'; these three need their own closing sequence after the opener
        int needed = lastGt;
        if (index + 1 < input.length() && input.charAt(index + 1) == '?') {
            needed = lastPi;
        } else if (at("<![CDATA[")) {
            needed = lastCdata;
        } else if (at("<!--")) {
            needed = lastComment;
        }
        if (needed <= index) {
            return false;
        }
        return super.parseHtmlInline();
    }

    /** {@link Matcher#find()}; where matching overflows the stack, the block is given up. */
    private boolean find(Matcher m) {
        try {
            return m.find();
        } catch (StackOverflowError e) {
            throw new GiveUp();
        }
    }

    /** Whether the input holds {@code s} at the current index. */
    private boolean at(String s) {
        if (index + s.length() > input.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (input.charAt(index + i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public BasedSequence match(Pattern re) {
        if (index >= input.length()) {
            return null;
        }
        Matcher m = re.matcher(input).region(index, input.length());
        if (!find(m)) {
            return null;
        }
        index = m.end();
        return input.subSequence(m.start(), m.end());
    }

    @Override
    public BasedSequence[] matchWithGroups(Pattern re) {
        if (index >= input.length()) {
            return null;
        }
        Matcher m = re.matcher(input).region(index, input.length());
        if (!find(m)) {
            return null;
        }
        index = m.end();
        BasedSequence[] groups = new BasedSequence[m.groupCount() + 1];
        groups[0] = input.subSequence(m.start(), m.end());
        for (int i = 1; i < groups.length; i++) {
            groups[i] = m.start(i) < 0 ? null : input.subSequence(m.start(i), m.end(i));
        }
        return groups;
    }
}
