package casebook.theme;

import casebook.diag.Diagnostics;
import casebook.frontmatter.YamlNode;
import casebook.frontmatter.YamlReader;
import casebook.source.TextDecoder;
import casebook.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the theme's {@link Messages}, {@code themes/<name>/i18n/<lang>.yaml}, flattened to dotted keys
 * ({@code keypoint.title}). A key present in one language and missing in another is a warning, so a page never
 * shows another language's UI text by accident.
 */
public final class MessagesLoader {
    private MessagesLoader() {}

    /**
     * The messages of {@code languages} from {@code i18nDir}; a missing or unreadable file is an error, and so is a
     * file that is a symbolic link leading out of the folder (it is not read), as for the theme's templates and assets.
     */
    public static Messages load(Path i18nDir, Iterable<String> languages, Diagnostics d, Path displayBase) {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        for (String lang : languages) {
            Path file = i18nDir.resolve(lang + ".yaml");
            Path display = displayBase.relativize(file.toAbsolutePath().normalize());
            Map<String, String> flat = new TreeMap<>();
            if (!Files.exists(file)) {
                d.error(
                        display,
                        1,
                        1,
                        "the theme has no UI strings for language \"" + lang + "\"",
                        "create " + display);
            } else {
                try {
                    if (Files.isSymbolicLink(file) && !file.toRealPath().startsWith(i18nDir.toRealPath())) {
                        d.error(
                                display,
                                1,
                                1,
                                display + " is a symbolic link to a file outside the theme's i18n folder; it is"
                                        + " not read",
                                "copy the file in instead");
                        all.put(lang, flat);
                        continue;
                    }
                    String text = TextDecoder.decode(Files.readAllBytes(file), display, d);
                    YamlNode n = text == null ? null : YamlReader.read(text, display, 0, d);
                    if (n != null) {
                        flatten("", n, flat);
                    }
                } catch (IOException e) {
                    d.error(display, 1, 1, "cannot read: " + e.getMessage(), null);
                }
            }
            all.put(lang, flat);
        }
        for (Map.Entry<String, Map<String, String>> a : all.entrySet()) {
            for (Map.Entry<String, Map<String, String>> b : all.entrySet()) {
                for (String key : a.getValue().keySet()) {
                    if (!b.getValue().containsKey(key)) {
                        Path display = displayBase.relativize(i18nDir.resolve(b.getKey() + ".yaml")
                                .toAbsolutePath()
                                .normalize());
                        d.warning(
                                display,
                                1,
                                1,
                                "UI string \"" + key + "\" is missing (it exists for " + a.getKey() + ")",
                                "add " + key + " to " + display);
                    }
                }
            }
        }
        return new Messages(all);
    }

    private static void flatten(String prefix, YamlNode n, Map<String, String> out) {
        if (n.isMap()) {
            for (Map.Entry<String, YamlNode> e : n.map().entrySet()) {
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (n.text() != null) {
            out.put(prefix, n.text());
        }
    }
}
