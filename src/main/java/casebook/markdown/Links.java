package casebook.markdown;

import casebook.safety.UrlPolicy;
import casebook.text.LinkTargets;
import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * The links of one parsed segment: each is recorded with its position for the link check, a link to a
 * folder is pointed at its index.html ({@link LinkTargets#withIndexFile}), a reference link becomes the
 * plain link its definition describes, and a link or image whose URL the {@link UrlPolicy} refuses is
 * published without it. One instance per segment: {@link #visit} each node, then {@link #finish}.
 */
final class Links {
    private final ParsedSegment seg;
    private final PageState state;
    private final List<Node> refused = new ArrayList<>();
    private final List<RefNode> refs = new ArrayList<>();

    Links(ParsedSegment seg, PageState state) {
        this.seg = seg;
        this.state = state;
    }

    /** Whether the node is a link of some kind (and was taken in hand). */
    boolean visit(Node node) {
        if (node instanceof Link link) {
            String url = link.getUrl().unescape();
            state.links.add(new LinkUse(url, seg.line(node), seg.column(node)));
            if (!UrlPolicy.allows(url)) {
                refused.add(node);
            } else {
                String file = LinkTargets.withIndexFile(url);
                if (!file.equals(url)) {
                    link.setUrl(literal(file));
                }
            }
        } else if (node instanceof Image image) {
            String url = image.getUrl().unescape();
            state.links.add(new LinkUse(url, seg.line(node), seg.column(node), true));
            if (!UrlPolicy.allows(url)) {
                refused.add(node);
            } else if (UrlPolicy.loadsFromAnotherSite(url)) {
                foreignImage(node, url);
            } else {
                checkAlt(image, url);
            }
        } else if (node instanceof AutoLink link) {
            String url = link.getText().toString();
            if (!UrlPolicy.allows(url)) {
                state.links.add(new LinkUse(url, seg.line(node), seg.column(node)));
                refused.add(node);
            }
        } else if (node instanceof Reference ref) {
            // a definition is checked once, where its URL is written; its uses become plain links (finish)
            int at = ref.getUrl().isNull() ? ref.getStartOffset() : ref.getUrl().getStartOffset();
            state.links.add(new LinkUse(ref.getUrl().unescape(), seg.lineAt(at), seg.columnAt(at)));
        } else if (node instanceof RefNode ref && ref.isDefined()) {
            refs.add(ref);
        } else {
            return false;
        }
        return true;
    }

    /**
     * An image of the collection is a content figure: without alternative text a screen reader says nothing
     * of it (or reads its file name). An error at the image, as for raw HTML's {@code <img>} without {@code alt}
     * ({@link RawHtmlRuns}), unless its title marks it decorative ({@value #DECORATIVE}), which is published as
     * {@code alt=""} and no title.
     */
    private void checkAlt(Image image, String url) {
        if (isDecorative(image) || !alt(image).isBlank()) {
            return;
        }
        state.diagnostics.error(
                state.request.display(),
                seg.line(image),
                seg.column(image),
                "image \"" + url + "\" has no alternative text, so a screen reader cannot say what it shows",
                "describe the image in the brackets: ![…](" + url + "); if it only decorates the page, mark it: ![]("
                        + url + " \"" + DECORATIVE + "\")");
    }

    /** The title that marks an image as decorative: {@code ![](border.png "decorative")}. */
    static final String DECORATIVE = "decorative";

    static boolean isDecorative(Image image) {
        return image.getTitle().isNotNull()
                && image.getTitle().unescape().strip().equalsIgnoreCase(DECORATIVE);
    }

    static String alt(Image image) {
        return new TextCollectingVisitor().collectAndGetText(image);
    }

    /**
     * An image from another site: it would be loaded each time a reader opens the page, so that site would learn
     * who reads it. An error at the image, which is left out of the page.
     */
    private void foreignImage(Node image, String url) {
        state.diagnostics.error(
                state.request.display(),
                seg.line(image),
                seg.column(image),
                "image \"" + UrlPolicy.shown(url) + "\" is on another site: " + UrlPolicy.RESOURCE_RULE,
                UrlPolicy.RESOURCE_HINT);
        refused.add(image);
    }

    /** After every node is visited: reference links resolved, refused links and images neutralised. */
    void finish() {
        for (RefNode ref : refs) {
            resolveReference(ref, seg.doc);
        }
        for (Node node : refused) {
            neutralise(node);
        }
    }

    /**
     * A reference link ({@code [text][ref]}, {@code ![alt][ref]}) becomes the plain link or image its
     * definition describes, so it is rewritten, refused and rendered exactly like an inline one.
     */
    private void resolveReference(RefNode ref, Document doc) {
        Reference def = ref.getReferenceNode(doc);
        if (def == null) {
            return;
        }
        String url = def.getUrl().unescape();
        boolean allowed = UrlPolicy.allows(url);
        LinkNodeBase plain = ref instanceof ImageRef ? new Image() : new Link();
        plain.setChars(ref.getChars());
        plain.setUrl(literal(allowed && plain instanceof Link ? LinkTargets.withIndexFile(url) : url));
        if (def.getTitle().isNotNull()) {
            plain.setTitle(def.getTitle());
        }
        for (Node c = ref.getFirstChild(); c != null; ) {
            Node next = c.getNext();
            c.unlink();
            plain.appendChild(c);
            c = next;
        }
        ref.insertBefore(plain);
        ref.unlink();
        if (!allowed) {
            refused.add(plain);
        } else if (plain instanceof Image && UrlPolicy.loadsFromAnotherSite(url)) {
            foreignImage(plain, url);
        }
    }

    /** A refused link keeps its text, an autolink becomes its text, an image is left out. */
    private static void neutralise(Node node) {
        if (node instanceof AutoLink a) {
            node.insertBefore(new Text(a.getText()));
        } else if (node instanceof Link) {
            for (Node c = node.getFirstChild(); c != null; ) {
                Node next = c.getNext();
                c.unlink();
                node.insertBefore(c);
                c = next;
            }
        }
        node.unlink();
    }

    /** A sequence whose unescaped text is {@code s} (backslashes and ampersands escaped for Flexmark). */
    private static BasedSequence literal(String s) {
        if (s.indexOf('\\') < 0 && s.indexOf('&') < 0) {
            return BasedSequence.of(s);
        }
        return BasedSequence.of(s.replace("\\", "\\\\").replace("&", "\\&"));
    }
}
