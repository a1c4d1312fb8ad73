package casebook.source;

import java.nio.file.Path;

/**
 * A decoded text file. {@code display} is the path printed in diagnostics (relative to where the
 * editor ran the build); {@code text} has its BOM removed and line endings normalised to LF, so
 * offsets and line numbers agree with what the editor sees.
 */
public record SourceFile(Path path, Path display, String text) {}
