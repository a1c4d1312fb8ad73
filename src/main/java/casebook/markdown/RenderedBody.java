package casebook.markdown;

import casebook.diag.Diagnostic;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A page body rendered to HTML, with what later stages need from it: headings for the on-page table
 * of contents, every id for anchor checks, outgoing links with their source positions, the structure
 * for translation parity and the hashes of each section's source for staleness, and
 * the diagnostics rendering reported (so a cached page whose Markdown had problems is re-rendered).
 */
public record RenderedBody(
        String html,
        List<OutlineHeading> headings,
        Set<String> ids,
        List<LinkUse> links,
        List<StructureItem> structure,
        SectionHashes sections,
        List<Diagnostic> diagnostics) {

    /** The same without its HTML, for a build that has written the page and needs only its outline and links. */
    public RenderedBody withoutHtml() {
        return new RenderedBody("", headings, ids, links, structure, sections, diagnostics);
    }

    /** Section id to source hash, computed on first call. */
    public Map<String, String> sectionHashes() {
        return sections.get();
    }
}
