package casebook.markdown;

import casebook.text.HtmlText;

/** A heading of a page: level 2–6, its plain text, its id and the line it was written on. */
public record OutlineHeading(int level, String text, String id, int line, boolean markJapanese) {

    /** The text as HTML, escaped, with Japanese runs marked {@code lang="ja"} on other-language pages. */
    public String html() {
        return HtmlText.escapeMarked(text, markJapanese);
    }
}
