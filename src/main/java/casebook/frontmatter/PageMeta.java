package casebook.frontmatter;

import casebook.diag.Diagnostics;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page's front matter after schema checks. {@code translatedFrom} maps section ids to the hash
 * of the Japanese section a translation was made from, and {@code _title} and {@code _label} to the hash of the
 * original's title and label (see the translation workflow).
 */
public record PageMeta(
        String title,
        String label,
        String description,
        String group,
        Integer order,
        boolean draft,
        Map<String, String> translatedFrom,
        int titleLine,
        int groupLine,
        boolean search,
        int labelLine) {

    public static final List<String> KEYS =
            List.of("title", "label", "description", "group", "order", "draft", "translated_from", "search");

    private static final Map<String, String> EXAMPLES =
            Map.of("title", "埼玉県川口市", "label", "取組事例①", "description", "一文の紹介", "group", "cases");

    /** Checks a front-matter YAML node; reports problems and returns null when the page cannot be built. */
    public static PageMeta from(YamlNode node, Path display, int fmLine, Diagnostics d) {
        if (!node.isMap()) {
            d.error(
                    display,
                    fmLine,
                    1,
                    "front matter must be a set of \"key: value\" lines",
                    "write e.g. title: 埼玉県川口市");
            return null;
        }
        KnownKeys.warnUnknown(
                node,
                KEYS,
                display,
                d,
                "unknown front matter key \"%s\"",
                " (it is ignored)",
                "known keys: " + String.join(", ", KEYS));
        // a value of the wrong type is reported and then ignored, so the rest of the page is still checked
        for (String key : List.of("title", "label", "description", "group")) {
            YamlNode v = node.get(key);
            if (v != null && (v.isList() || v.isMap())) {
                d.error(
                        display,
                        v.line(),
                        v.column(),
                        key + " must be one line of text, not a " + (v.isList() ? "list" : "set of keys"),
                        "write it on the same line, e.g. " + key + ": " + EXAMPLES.get(key));
            }
        }
        YamlNode title = node.get("title");
        if (title != null && (title.isList() || title.isMap())) {
            return null;
        }
        if (title == null || title.text() == null || title.text().isBlank()) {
            d.error(
                    display,
                    title == null ? fmLine : title.line(),
                    1,
                    "missing title",
                    "add a line \"title: <the page title>\" to the front matter between the --- lines");
            return null;
        }
        Integer order = null;
        YamlNode o = node.get("order");
        if (o != null) {
            if (o.value() instanceof Long l) {
                order = l.intValue();
            } else {
                d.error(
                        display,
                        o.line(),
                        o.column(),
                        "order must be a whole number, not \"" + o.text() + "\"",
                        "write e.g. order: 3");
            }
        }
        YamlNode draft = node.get("draft");
        if (draft != null && draft.value() != null && !(draft.value() instanceof Boolean)) {
            d.error(
                    display,
                    draft.line(),
                    draft.column(),
                    "draft must be true or false, not \"" + draft.text() + "\"",
                    "write draft: true to keep the page out of the site, or delete the line");
        }
        boolean isDraft = draft != null && Boolean.TRUE.equals(draft.value());
        YamlNode search = node.get("search");
        if (search != null && search.value() != null && !(search.value() instanceof Boolean)) {
            d.error(
                    display,
                    search.line(),
                    search.column(),
                    "search must be true or false, not \"" + search.text() + "\"",
                    "write search: false to leave the page out of the site search, or delete the line");
        } else if (search != null && Boolean.FALSE.equals(search.value())) {
            d.note(display, search.line(), search.column(), "left out of the site search (search: false)", null);
        }
        Map<String, String> from = new LinkedHashMap<>();
        YamlNode tf = node.get("translated_from");
        if (tf != null && tf.value() != null && !tf.isMap()) {
            d.error(
                    display,
                    tf.line(),
                    tf.column(),
                    "translated_from must be a set of \"section-id: hash\" lines",
                    "let mark-translated write it: mvn compile exec:java -Dexec.args=\"mark-translated <slug>\"");
        } else if (tf != null) {
            for (Map.Entry<String, YamlNode> e : tf.map().entrySet()) {
                from.put(e.getKey(), e.getValue().text());
            }
        }
        YamlNode group = node.get("group");
        YamlNode label = node.get("label");
        return new PageMeta(
                title.text().strip(),
                node.text("label"),
                node.text("description"),
                node.text("group"),
                order,
                isDraft,
                from,
                title.line(),
                group == null ? 0 : group.line(),
                search == null || !Boolean.FALSE.equals(search.value()),
                label == null ? 0 : label.line());
    }
}
