/** The build: wires the stages together in the order they run. */
package casebook.pipeline;
