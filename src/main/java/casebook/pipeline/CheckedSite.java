package casebook.pipeline;

/**
 * The rendered site once every internal link and anchor has been checked: what may be written. Only
 * {@link SiteLinkCheck#check} makes one, so a stage that takes it cannot run before the check.
 */
record CheckedSite(RenderedSite rendered) {}
