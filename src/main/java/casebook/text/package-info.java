/** Text utilities and values every stage after Markdown shares: HTML escaping, number and date formats, link targets, Japanese text, the theme's messages. */
package casebook.text;
