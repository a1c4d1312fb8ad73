package casebook.markdown;

/**
 * A link or image target written in Markdown, with where it was written; {@code image} when it is the
 * source of an image, so a message can say "image" rather than "link".
 */
public record LinkUse(String url, int line, int column, boolean image) {
    /** A link (not an image). */
    public LinkUse(String url, int line, int column) {
        this(url, line, column, false);
    }

    /** "image" or "link", for a message. */
    public String kind() {
        return image ? "image" : "link";
    }
}
