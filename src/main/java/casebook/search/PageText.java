package casebook.search;

import java.util.List;

/**
 * The searchable text of one page: its address relative to the language's folder ({@code kawaguchi/index.html}),
 * its title and its sections. Section 0 is the page's top (id "", heading = the title).
 */
public record PageText(String url, String title, List<Section> sections) {

    /**
     * One section: the id of the heading that starts it, the heading's text, the text under it (for snippets
     * and body terms) and the text that weighs more than body text (key points, glossary terms).
     */
    public record Section(String id, String heading, String text, String strong) {}
}
