package casebook.markdown;

/** A link or image target written in Markdown, with where it was written. */
public record LinkUse(String url, int line, int column) {}
