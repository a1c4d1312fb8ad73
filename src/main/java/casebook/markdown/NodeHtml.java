package casebook.markdown;

import casebook.text.Cjk;
import casebook.text.HtmlText;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SubSequence;

/**
 * casebook's rendering of text and soft line breaks ({@link AstRenderer}):
 * <ul>
 * <li>a soft line break between Japanese characters renders as nothing (CommonMark would render a
 *     space, which is wrong in Japanese); between Latin words it stays a line break (a space);</li>
 * <li>text is escaped, Japanese runs on English pages are marked {@code lang="ja"}, and the first use
 *     of a glossary term on a page links to its entry.</li>
 * </ul>
 */
final class NodeHtml {
    private NodeHtml() {}

    static void softBreak(SoftLineBreak node, StringBuilder out) {
        BasedSequence base = node.getChars().getBaseSequence();
        int before = node.getStartOffset() - 1;
        while (before >= 0 && (base.charAt(before) == ' ' || base.charAt(before) == '\t')) {
            before--;
        }
        int after = node.getEndOffset();
        while (after < base.length()
                && (base.charAt(after) == ' ' || base.charAt(after) == '\t' || base.charAt(after) == '>')) {
            after++;
        }
        boolean wide = before >= 0 && Cjk.isWide(Character.codePointBefore(base, before + 1))
                || after < base.length() && Cjk.isWide(Character.codePointAt(base, after));
        if (!wide) {
            out.append('\n');
        }
    }

    /** A text node's HTML; {@code state} (null outside a page) gives the language and the glossary. */
    static void text(Text node, PageState state, StringBuilder out) {
        String s = plain(node.getChars());
        if (state == null) {
            HtmlText.escapeInto(s, out);
            return;
        }
        boolean mark = state.request.markJapanese();
        int from = 0;
        if (!state.request.glossary().terms().isEmpty() && linkable(node)) {
            // link the first use on the page of every term this text holds, left to right; a later use
            // of a linked term is passed over whole, so a shorter term inside it is not linked instead
            GlossaryTerms glossary = state.request.glossary();
            for (GlossaryTerms.Hit hit = glossary.next(s, from); hit != null; hit = glossary.next(s, hit.end())) {
                if (!state.linkedTerms.add(hit.term().id())) {
                    continue;
                }
                HtmlText.escapeMarkedInto(s.substring(from, hit.start()), mark, out);
                out.append("<a class=\"term\" href=\"");
                HtmlText.escapeInto(
                        state.request.glossaryHref() + "#" + hit.term().id(), out);
                out.append("\">");
                HtmlText.escapeMarkedInto(s.substring(hit.start(), hit.end()), mark, out);
                out.append("</a>");
                from = hit.end();
            }
        }
        HtmlText.escapeMarkedInto(from == 0 ? s : s.substring(from), mark, out);
    }

    /**
     * The text of a node with Markdown escapes and entities resolved. Text is nearly always a plain
     * slice of the page's source string, which is read directly (Flexmark's sequences go through
     * several layers per character).
     */
    static String plain(BasedSequence chars) {
        String s = string(chars);
        return s.indexOf('\\') < 0 && s.indexOf('&') < 0 ? s : chars.unescape();
    }

    /** {@code chars.toString()}, read from the source string when the sequence is a plain slice of it. */
    static String string(BasedSequence chars) {
        if (chars instanceof SubSequence
                && chars.getBase() instanceof String src
                && chars.getEndOffset() - chars.getStartOffset() == chars.length()) {
            return src.substring(chars.getStartOffset(), chars.getEndOffset());
        }
        return chars.toString();
    }

    /** Glossary links go in running text only: not in headings, not inside another link. */
    private static boolean linkable(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Heading || p instanceof Link || p instanceof LinkRef) {
                return false;
            }
        }
        return true;
    }
}
