/**
 * Markdown: a page body split into segments and fenced containers, each segment parsed by Flexmark and
 * written by casebook's one HTML writer with CJK-aware line breaks, heading ids and what a page links to;
 * each container read by its block (the registry in {@code Blocks}) and written with the theme's markup.
 */
package casebook.markdown;
