/** Loading: walks the content folder in a stable order and decodes each file as strict UTF-8. */
package casebook.source;
