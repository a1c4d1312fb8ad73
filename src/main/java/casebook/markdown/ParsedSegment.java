package casebook.markdown;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * One Markdown segment as Flexmark parsed it, with the file line its text starts on: the positions of
 * its nodes come from here. The {@link LineMap} is made on the first position asked for (most
 * segments have no link, heading or problem to place). When data references were replaced before parsing,
 * offsets are mapped back to the text as written ({@link SourceOffsets}), so columns are the editor's.
 */
final class ParsedSegment {
    final Document doc;
    final int startLine;
    /** Whether the segment holds raw HTML: its rendered HTML is cleaned ({@link RawHtmlRuns}). */
    boolean rawHtml;

    /** The text as written, when it differs from the text parsed; else null. */
    private final String written;

    private final SourceOffsets offsets;
    private LineMap lines;

    ParsedSegment(Document doc, int startLine) {
        this(doc, startLine, null, SourceOffsets.NONE);
    }

    ParsedSegment(Document doc, int startLine, String written, SourceOffsets offsets) {
        this.doc = doc;
        this.startLine = startLine;
        this.written = written;
        this.offsets = offsets;
    }

    int line(Node node) {
        return lineAt(node.getStartOffset());
    }

    int column(Node node) {
        return columnAt(node.getStartOffset());
    }

    /** The file line of an offset into the parsed text. */
    int lineAt(int offset) {
        return lines().line(offsets.source(offset));
    }

    /** The 1-based column of an offset into the parsed text. */
    int columnAt(int offset) {
        return lines().column(offsets.source(offset));
    }

    private LineMap lines() {
        if (lines == null && written != null) {
            lines = new LineMap(written, startLine);
        }
        if (lines == null) {
            BasedSequence text = doc.getChars().getBaseSequence();
            lines = new LineMap(
                    text.getBase() instanceof String s && s.length() == text.length() ? s : text, startLine);
        }
        return lines;
    }
}
