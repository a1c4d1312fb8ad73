package casebook.pipeline;

import java.util.Map;
import java.util.Set;

/** The rendered site after the link check, with the ids each output page is known to contain. */
record CheckedSite(RenderedSite rendered, Map<String, Set<String>> ids) {}
