package casebook.pipeline;

import casebook.theme.Templates;
import java.nio.file.Path;
import java.util.Map;

/**
 * The theme a build renders with, as {@link ThemeLoader} found it: its folder, its UI strings per
 * language and its compiled templates.
 */
record Theme(Path dir, Map<String, Map<String, String>> messages, Templates templates) {

    /** The theme's assets folder (may not exist). */
    Path assets() {
        return dir.resolve("assets");
    }
}
