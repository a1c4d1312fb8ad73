package casebook.markdown;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A page body rendered to HTML, with what later stages need from it: headings for the on-page table
 * of contents, every id for anchor checks, outgoing links with their source positions, the structure
 * for translation parity and the hashes of each section's source for staleness, and
 * the diagnostics rendering reported (so a cached page whose Markdown had problems is re-rendered).
 */
public record RenderedBody(String html, List<Heading> headings, Set<String> ids, List<LinkRef> links,
                           List<StructureItem> structure, Map<String, String> sectionHashes,
                           List<casebook.diag.Diagnostic> diagnostics) {
}
