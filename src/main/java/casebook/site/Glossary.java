package casebook.site;

import casebook.diag.Diagnostics;
import casebook.frontmatter.YamlNode;
import casebook.markdown.GlossaryTerms;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** content/glossary.yaml: terms in both languages with a one-line definition each. */
public record Glossary(List<Entry> entries, Path display) {
    public static final Glossary EMPTY = new Glossary(List.of(), null);

    public record Entry(String id, Map<String, String> term, Map<String, String> definition,
                        Map<String, List<String>> aliases, int line) { }

    public static Glossary from(YamlNode node, Path display, List<String> languages, Diagnostics d) {
        List<Entry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        if (!node.isList()) {
            if (node.isMap() && node.map().isEmpty()) return new Glossary(List.of(), display);
            d.error(display, node.line(), 1, "the glossary must be a YAML list of entries", "start each entry with \"- id: …\"");
            return new Glossary(List.of(), display);
        }
        for (YamlNode e : node.list()) {
            String id = e.text("id");
            if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
                d.error(display, e.line(), e.column(), "glossary entry needs an id of lowercase letters, digits and hyphens", null);
                continue;
            }
            if (!ids.add(id)) d.error(display, e.line(), e.column(), "glossary id \"" + id + "\" is used twice", null);
            Map<String, String> term = new java.util.LinkedHashMap<>();
            Map<String, String> def = new java.util.LinkedHashMap<>();
            Map<String, List<String>> aliases = new java.util.LinkedHashMap<>();
            for (String lang : languages) {
                String t = e.text(lang);
                if (t == null) d.error(display, e.line(), e.column(), "glossary entry \"" + id + "\" has no " + lang + " term", "add \"" + lang + ": …\"");
                else term.put(lang, t);
                YamlNode defs = e.get("definition");
                String df = defs == null ? null : defs.text(lang);
                if (df == null) d.warning(display, e.line(), e.column(), "glossary entry \"" + id + "\" has no " + lang + " definition", null);
                else def.put(lang, df);
                List<String> al = new ArrayList<>();
                YamlNode a = e.get("aliases") == null ? null : e.get("aliases").get(lang);
                if (a != null) for (YamlNode x : a.list()) al.add(x.text());
                aliases.put(lang, al);
            }
            entries.add(new Entry(id, term, def, aliases, e.line()));
        }
        return new Glossary(List.copyOf(entries), display);
    }

    /** The forms to link on pages of a language, longest first. */
    public GlossaryTerms terms(String lang) {
        List<GlossaryTerms.Term> terms = new ArrayList<>();
        for (Entry e : entries) {
            if (e.term().get(lang) != null) terms.add(new GlossaryTerms.Term(e.term().get(lang), e.id()));
            for (String a : e.aliases().getOrDefault(lang, List.of())) terms.add(new GlossaryTerms.Term(a, e.id()));
        }
        terms.sort(Comparator.comparingInt((GlossaryTerms.Term t) -> -t.form().length()).thenComparing(GlossaryTerms.Term::form));
        return new GlossaryTerms(List.copyOf(terms));
    }
}
