/** Markdown: fenced containers, Flexmark rendering with CJK-aware line breaks, heading ids, and what a page links to. */
package casebook.markdown;
