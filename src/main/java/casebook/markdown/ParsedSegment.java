package casebook.markdown;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * One Markdown segment as Flexmark parsed it, with the file line its text starts on: the positions of
 * its nodes come from here. The {@link LineMap} is made on the first position asked for (most
 * segments have no link, heading or problem to place).
 */
final class ParsedSegment {
    final Document doc;
    final int startLine;
    /** Whether the segment holds raw HTML: its rendered HTML is cleaned ({@link RawHtmlRuns}). */
    boolean rawHtml;

    private LineMap lines;

    ParsedSegment(Document doc, int startLine) {
        this.doc = doc;
        this.startLine = startLine;
    }

    int line(Node node) {
        return lineAt(node.getStartOffset());
    }

    int column(Node node) {
        return columnAt(node.getStartOffset());
    }

    /** The file line of an offset into the parsed text. */
    int lineAt(int offset) {
        return lines().line(offset);
    }

    /** The 1-based column of an offset into the parsed text. */
    int columnAt(int offset) {
        return lines().column(offset);
    }

    private LineMap lines() {
        if (lines == null) {
            BasedSequence text = doc.getChars().getBaseSequence();
            lines = new LineMap(
                    text.getBase() instanceof String s && s.length() == text.length() ? s : text, startLine);
        }
        return lines;
    }
}
