/**
 * What may reach a published page: the URL allowlist ({@link casebook.safety.UrlPolicy}), the raw HTML
 * cleaner ({@link casebook.safety.RawHtml}) and what a published PDF may hold ({@link casebook.safety.PdfPolicy}).
 */
package casebook.safety;
