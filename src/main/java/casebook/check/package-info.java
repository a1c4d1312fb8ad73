/** Checks over the assembled site: internal links and anchors, translation parity, staleness and glossary use. */
package casebook.check;
