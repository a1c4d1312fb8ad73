/** What may reach a published page: the URL allowlist ({@link casebook.safety.UrlPolicy}). */
package casebook.safety;
