/** The site as a whole: pages per language in collection order, translations, navigation. Assembled once, immutable after. */
package casebook.site;
