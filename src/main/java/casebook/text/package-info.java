/** Text utilities every stage after Markdown shares: HTML escaping, number and date formats, link targets, Japanese text. */
package casebook.text;
