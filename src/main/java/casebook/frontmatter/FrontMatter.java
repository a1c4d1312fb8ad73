package casebook.frontmatter;

/**
 * A page file split at its {@code ---} fences. {@code bodyStartLine} is the 1-based line of the first
 * body line, so Markdown positions can be mapped back to the file.
 */
public record FrontMatter(String yaml, int yamlStartLine, String body, int bodyStartLine) {

    /** Splits a page; null when the file does not start with a {@code ---} line or never closes it. */
    public static FrontMatter split(String text) {
        if (!text.startsWith("---\n") && !text.equals("---")) {
            return null;
        }
        int pos = 4;
        int line = 2;
        while (pos <= text.length()) {
            int end = text.indexOf('\n', pos);
            String l = end < 0 ? text.substring(pos) : text.substring(pos, end);
            if (l.equals("---") || l.equals("...")) {
                String body = end < 0 ? "" : text.substring(end + 1);
                return new FrontMatter(text.substring(4, pos), 2, body, line + 1);
            }
            if (end < 0) {
                break;
            }
            pos = end + 1;
            line++;
        }
        return null;
    }
}
