/** Front matter, site config, data files and glossary: YAML read with positions and checked against a schema. */
package casebook.frontmatter;
