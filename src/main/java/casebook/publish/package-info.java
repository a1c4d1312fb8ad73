/**
 * What a ministry publishes beside the pages, made from the same content: the cases' figures as open data
 * (CSV and JSON), the comparison of the cases with its charts (static SVG), and the portal bundle (a
 * reproducible zip with checksums), with the checks a portal asks for (ASCII file names, page weight).
 * Uses only the site model and the shared text utilities; the pipeline renders and writes.
 */
package casebook.publish;
