package casebook.pipeline;

import casebook.text.Messages;
import casebook.theme.Templates;
import java.nio.file.Path;

/**
 * The theme a build renders with, as {@link ThemeLoader} found it: its folder, its UI strings per
 * language and its compiled templates.
 */
record Theme(Path dir, Messages messages, Templates templates) {

    /** The theme's assets folder (may not exist). */
    Path assets() {
        return dir.resolve("assets");
    }
}
