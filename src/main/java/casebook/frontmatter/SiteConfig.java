package casebook.frontmatter;

import casebook.diag.Diagnostics;
import casebook.diag.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code content/site.yaml}: the collection's identity and page order. Per-language values are maps
 * keyed by language code. {@code orderLines} remembers where each slug of {@code order} was written,
 * so a duplicate or unknown slug is reported on its line.
 */
public record SiteConfig(Map<String, String> title, Map<String, String> subtitle, List<String> languages,
                         String defaultLanguage, Map<String, String> publisher, String published,
                         String portal, String theme, List<String> order, Map<String, Integer> orderLines,
                         Map<String, Map<String, String>> groups, Path display, String baseUrl) {

    static final List<String> KEYS = List.of("title", "subtitle", "languages", "default_language", "defaultLanguage",
            "publisher", "published", "portal", "theme", "order", "groups", "base_url");

    public String title(String lang) { return pick(title, lang); }

    public String pick(Map<String, String> values, String lang) {
        if (values == null || values.isEmpty()) return "";
        String v = values.get(lang);
        return v != null ? v : values.getOrDefault(defaultLanguage, values.values().iterator().next());
    }

    public static SiteConfig from(YamlNode node, Path display, Diagnostics d) {
        for (Map.Entry<String, YamlNode> e : node.map().entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                String s = Suggestions.closest(e.getKey(), KEYS);
                d.warning(display, e.getValue().line(), 1, "unknown key \"" + e.getKey() + "\" in site.yaml"
                        + (s != null ? "; did you mean \"" + s + "\"?" : ""), s != null ? "rename it to " + s : null);
            }
        }
        List<String> languages = new ArrayList<>();
        YamlNode langs = node.get("languages");
        if (langs != null) for (YamlNode l : langs.list()) languages.add(l.text());
        if (languages.isEmpty()) languages = List.of("ja", "en");
        String def = node.text("default_language");
        if (def == null) def = node.text("defaultLanguage");
        if (def == null) def = languages.get(0);
        if (!languages.contains(def)) {
            d.error(display, 1, 1, "default language \"" + def + "\" is not one of languages " + languages, null);
            def = languages.get(0);
        }
        // the default language comes first everywhere (Japanese first, English beside it)
        List<String> ordered = new ArrayList<>();
        ordered.add(def);
        for (String l : languages) if (!l.equals(def)) ordered.add(l);
        List<String> order = new ArrayList<>();
        Map<String, Integer> orderLines = new LinkedHashMap<>();
        YamlNode o = node.get("order");
        if (o != null) {
            for (YamlNode slug : o.list()) {
                String s = slug.text();
                if (orderLines.containsKey(s)) {
                    d.error(display, slug.line(), slug.column(), "slug \"" + s + "\" appears twice in order",
                            "remove the second \"- " + s + "\"");
                    continue;
                }
                order.add(s);
                orderLines.put(s, slug.line());
            }
        }
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        YamlNode g = node.get("groups");
        if (g != null) for (Map.Entry<String, YamlNode> e : g.map().entrySet()) groups.put(e.getKey(), perLanguage(e.getValue()));
        return new SiteConfig(perLanguage(node.get("title")), perLanguage(node.get("subtitle")), List.copyOf(ordered), def,
                perLanguage(node.get("publisher")), node.text("published"), node.text("portal"),
                node.text("theme") == null ? "default" : node.text("theme"), List.copyOf(order), orderLines, groups, display, node.text("base_url"));
    }

    /** A value that is either one string for all languages or a map of language to string. */
    public static Map<String, String> perLanguage(YamlNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null) return out;
        if (n.isMap()) {
            for (Map.Entry<String, YamlNode> e : n.map().entrySet()) out.put(e.getKey(), e.getValue().text());
        } else if (n.text() != null) {
            out.put("*", n.text());
        }
        return out;
    }
}
