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
    final Map<String, Speaker> speakers = new LinkedHashMap<>();
    /** The page's participants block could not be read (already reported): speakers are not checked against it. */
    boolean participantsUnreadable;

    String section = "";
    String lastHeadingId;

    PageState(RenderRequest request, Diagnostics diagnostics) {
        this.request = request;
        this.diagnostics = diagnostics;
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
