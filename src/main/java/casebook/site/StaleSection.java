package casebook.site;

/**
 * One section of a translation whose original changed since it was translated, as the translated page
 * announces it: the original's section id, the title to show, the link to the updated original (relative
 * to the translated page) and the translated section's own id ("" when it has none).
 */
public record StaleSection(String id, String title, String href, String anchor) {}
