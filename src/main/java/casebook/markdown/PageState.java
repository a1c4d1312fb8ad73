package casebook.markdown;

import casebook.diag.Diagnostics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one page's rendering accumulates as its segments are parsed and its blocks read: heading ids, all ids, links,
 * structure, glossary terms already linked. Lives for one page on one thread.
 */
final class PageState {
    final RenderRequest request;
    final Diagnostics diagnostics;
    final HeadingIds headingIds = new HeadingIds();
    final List<OutlineHeading> headings = new ArrayList<>();
    final Set<String> ids = new LinkedHashSet<>();
    final List<LinkUse> links = new ArrayList<>();
    final List<StructureItem> structure = new ArrayList<>();
    final Set<String> linkedTerms = new HashSet<>();
    final Map<Object, String> headingNodeIds = new IdentityHashMap<>();
    /** Raw HTML nodes written partly as text: the document offsets of each {@code <} to write as {@code &lt;}, ascending. */
    final Map<Object, List<Integer>> rawHtmlAsText = new IdentityHashMap<>();
    /** Ids the theme's templates write on the page around the body: content may not use them. */
    final Set<String> reservedIds;
    /** Whether some segment of the page holds raw HTML (its ids are then read from the cleaned body). */
    boolean rawHtml;

    final Map<String, Speaker> speakers = new LinkedHashMap<>();
    /** The page's participants block could not be read (already reported): speakers are not checked against it. */
    boolean participantsUnreadable;

    String section = "";
    String lastHeadingId;

    PageState(RenderRequest request, Diagnostics diagnostics) {
        this(request, diagnostics, Set.of());
    }

    PageState(RenderRequest request, Diagnostics diagnostics, Set<String> reservedIds) {
        this.request = request;
        this.diagnostics = diagnostics;
        this.reservedIds = reservedIds;
        for (String id : reservedIds) {
            headingIds.claim(id); // a heading's own id steps aside (main-2); an explicit one is an error
        }
    }

    /** Where id {@code id} is already used, for a message: null when it is free. */
    String idUsedBy(String id) {
        if (reservedIds.contains(id)) {
            return "the theme's templates write it on every page";
        }
        if (!headingIds.isUsed(id)) {
            return null;
        }
        int first = headingIds.lineOf(id);
        return first > 0 ? "first on line " + first : "once before, higher up";
    }

    /** An id not used yet on this page, like {@code id}: for a fix hint. */
    String freeIdLike(String id) {
        for (int n = 2; ; n++) {
            if (!headingIds.isUsed(id + "-" + n)) {
                return id + "-" + n;
            }
        }
    }

    void structure(StructureKind kind, String detail, int line) {
        structure.add(new StructureItem(section, kind, detail, line));
    }

    /** Claims a unique id for generated markup (a table caption, a container heading). */
    String claimId(String wanted) {
        String id = headingIds.claim(wanted);
        ids.add(id);
        return id;
    }
}
