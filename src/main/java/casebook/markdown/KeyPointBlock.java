package casebook.markdown;

import casebook.diag.Suggestions;
import casebook.frontmatter.YamlNode;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code :::keypoint}, the key-point box (取組のポイント): a level-2 section with the case's category
 * (from data.yaml) marked among all three, a headline paragraph and the points as a list.
 */
final class KeyPointBlock implements Block<KeyPointBlock.KeyPoint> {
    static final List<String> CATEGORIES = List.of("prefecture", "core-city", "general-city");

    /** The box: its id and title (also in the page outline), the categories and its body in order. */
    record KeyPoint(
            String id,
            String title,
            String categoriesLabel,
            String currentLabel,
            List<Category> categories,
            List<Part> body) {}

    /** A category's name, and whether it is this case's. */
    record Category(String name, boolean current) {}

    /**
     * A piece of the body: {@code headline} (a paragraph's content), {@code points} (a list's items) or
     * {@code other} (anything else, as rendered).
     */
    record Part(String kind, String contentHtml) {}

    @Override
    public String name() {
        return "keypoint";
    }

    @Override
    public KeyPoint read(Segment.Container c, BlockContext ctx) {
        PageState st = ctx.state;
        RenderRequest r = st.request;
        String id = st.claimId("keypoint");
        String title = r.message("keypoint.title");
        st.headings.add(new OutlineHeading(2, title, id, c.line(), false));
        st.section = id;
        st.lastHeadingId = id;
        String category = r.data() == null ? null : r.data().text("category");
        if (category == null && r.dataUnreadable()) {
            // nothing to add to the data file's own syntax error
        } else if (category == null) {
            st.diagnostics.error(
                    r.display(),
                    c.line(),
                    1,
                    "the key-point box needs the case's category, but "
                            + (r.dataDisplay() == null
                                    ? "this page has no data.yaml"
                                    : r.dataDisplay() + " has no \"category\""),
                    "add \"category: prefecture\" (or core-city, general-city) to data.yaml beside this page");
        } else if (!CATEGORIES.contains(category)) {
            YamlNode n = r.data().get("category");
            String s = Suggestions.closest(category, CATEGORIES);
            st.diagnostics.error(
                    r.dataDisplay(),
                    n.line(),
                    n.column(),
                    "unknown category \"" + category + "\"" + (s != null ? "; did you mean \"" + s + "\"?" : ""),
                    "use one of " + String.join(", ", CATEGORIES));
        }
        List<Category> categories = new ArrayList<>();
        for (String cat : CATEGORIES) {
            categories.add(new Category(r.message("category." + cat), cat.equals(category)));
        }
        List<Part> body = new ArrayList<>();
        int points = 0;
        for (Segment s : c.children()) {
            if (!(s instanceof Segment.Markdown m)) {
                body.add(new Part("other", ctx.render(List.of(s))));
                continue;
            }
            ParsedSegment seg = ctx.parse(m);
            for (Node n = seg.doc.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof Paragraph) {
                    body.add(new Part("headline", ctx.innerHtml(seg, n)));
                } else if (n instanceof BulletList) {
                    for (Node i = n.getFirstChild(); i != null; i = i.getNext()) {
                        points++;
                    }
                    body.add(new Part("points", ctx.innerHtml(seg, n)));
                } else {
                    body.add(new Part("other", ctx.html(seg, n)));
                }
            }
        }
        if (points == 0) {
            st.diagnostics.error(
                    r.display(),
                    c.line(),
                    1,
                    "the key-point box has no points",
                    "list the points as \"- …\" lines after the headline, before the closing :::");
        }
        st.structure(StructureKind.KEYPOINT, String.valueOf(points), c.line());
        return new KeyPoint(
                id, title, r.message("keypoint.categories"), r.message("keypoint.current"), categories, body);
    }
}
