package casebook.markdown;

import java.util.List;

/** A piece of a page body: plain Markdown, or a fenced container holding further segments. */
public sealed interface Segment {

    /** Markdown text whose first line is line {@code startLine} of the file. */
    record Markdown(String text, int startLine) implements Segment {}

    /** {@code :::name title} … {@code :::}; {@code rawText} is the body as written (for YAML bodies). */
    record Container(String name, String title, int line, int bodyStartLine, String rawText, List<Segment> children)
            implements Segment {}
}
