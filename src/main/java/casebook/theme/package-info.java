/** The theme: UI strings per language, the FreeMarker configuration and the view models templates see. */
package casebook.theme;
