package casebook.markdown;

import casebook.theme.Templates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A Markdown renderer writing custom blocks with the default theme's templates, as a build does. */
final class DefaultTheme {
    private DefaultTheme() {}

    static final Path TEMPLATES = Path.of("themes/default/templates");

    static MarkdownRenderer renderer() {
        try {
            return new MarkdownRenderer().withBlocks(new Templates(TEMPLATES, TEMPLATES).blocks());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
