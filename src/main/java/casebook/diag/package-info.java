/** Diagnostics: source positions, severities and the collector every stage reports into. Depends on no other casebook package. */
package casebook.diag;
