package casebook.frontmatter;

import casebook.diag.Diagnostics;
import casebook.diag.Suggestions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Warns of keys a YAML map should not have, at the key's line, naming the closest known key. */
public final class KnownKeys {
    private KnownKeys() {}

    /**
     * @param what         how the warning names the key, e.g. {@code unknown key "%s" in site.yaml}
     * @param noMatch      what follows the name when no known key is close (may be "")
     * @param noMatchHint  the hint when no known key is close (may be null)
     */
    public static void warnUnknown(
            YamlNode map,
            List<String> known,
            Path display,
            Diagnostics d,
            String what,
            String noMatch,
            String noMatchHint) {
        for (Map.Entry<String, YamlNode> e : map.map().entrySet()) {
            if (known.contains(e.getKey())) {
                continue;
            }
            String s = Suggestions.closest(e.getKey(), known);
            d.warning(
                    display,
                    e.getValue().keyLine(),
                    e.getValue().keyColumn(),
                    what.formatted(e.getKey()) + (s != null ? "; did you mean \"" + s + "\"?" : noMatch),
                    s != null ? "rename it to " + s : noMatchHint);
        }
    }
}
