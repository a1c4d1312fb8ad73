/**
 * The PDF booklet: one A4 PDF per language made from the same rendered pages as the website, through the
 * theme's print template ({@code booklet.ftlh}) and openhtmltopdf, with a TrueType Japanese font embedded
 * and subset, tagged for accessibility and byte-reproducible.
 */
package casebook.booklet;
