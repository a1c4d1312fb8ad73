package casebook.site;

import casebook.diag.Diagnostics;
import casebook.frontmatter.KnownKeys;
import casebook.frontmatter.YamlNode;
import casebook.markdown.GlossaryTerms;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * content/glossary.yaml: terms in both languages with a one-line definition each. {@code aliases} are
 * other accepted forms (linked and counted as uses); {@code avoid} are known renderings the house does
 * not use, which the style check reports on pages of that language. {@code reading} gives, by language,
 * how a term is read (hiragana for Japanese), so the glossary page can list the entries in reading order.
 */
public record Glossary(List<Entry> entries, Path display) {
    public static final Glossary EMPTY = new Glossary(List.of(), null);

    public record Entry(
            String id,
            Map<String, String> term,
            Map<String, String> definition,
            Map<String, List<String>> aliases,
            Map<String, List<String>> avoid,
            Map<String, String> reading,
            int line) {
        /** What the entry is sorted by on the glossary page of a language: its reading there, else its term. */
        public String sortKey(String lang) {
            String r = reading.get(lang);
            return r != null ? r : term.getOrDefault(lang, id);
        }
    }

    public static Glossary from(YamlNode node, Path display, List<String> languages, Diagnostics d) {
        List<Entry> entries = new ArrayList<>();
        if (!node.isList()) {
            if (node.isMap() && node.map().isEmpty()) {
                return new Glossary(List.of(), display);
            }
            d.error(
                    display,
                    node.line(),
                    1,
                    "the glossary must be a YAML list of entries",
                    "start each entry with \"- id: …\"");
            return new Glossary(List.of(), display);
        }
        Map<String, Integer> firstLine = new HashMap<>();
        List<String> keys = new ArrayList<>(List.of("id", "definition", "aliases", "avoid", "reading"));
        keys.addAll(languages);
        for (YamlNode e : node.list()) {
            KnownKeys.warnUnknown(
                    e,
                    keys,
                    display,
                    d,
                    "unknown key \"%s\" in glossary entry",
                    " (it is ignored)",
                    "an entry has " + String.join(", ", keys));
            String id = e.text("id");
            if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
                YamlNode at = e.get("id") != null ? e.get("id") : e;
                d.error(
                        display,
                        at.line(),
                        at.column(),
                        "glossary entry needs an id of lowercase letters, digits and hyphens"
                                + (id == null ? "" : ", not \"" + id + "\""),
                        "start the entry with \"- id: <e.g. public-health-center>\"");
                continue;
            }
            Integer first = firstLine.putIfAbsent(id, e.line());
            if (first != null) {
                d.error(
                        display,
                        e.line(),
                        e.column(),
                        "glossary id \"" + id + "\" is used twice (first at line " + first + ")",
                        "give one of the two entries another id, or merge them");
            }
            Map<String, String> term = new LinkedHashMap<>();
            Map<String, String> def = new LinkedHashMap<>();
            Map<String, List<String>> aliases = new LinkedHashMap<>();
            Map<String, List<String>> avoid = new LinkedHashMap<>();
            for (String lang : languages) {
                String t = e.text(lang);
                YamlNode tn = e.get(lang);
                if (tn != null && (tn.isList() || tn.isMap())) {
                    d.error(
                            display,
                            tn.line(),
                            tn.column(),
                            "the " + lang + " term of glossary entry \"" + id + "\" must be one line" + " of text",
                            "write other forms under aliases: " + lang + ": [ … ]");
                } else if (t == null) {
                    d.error(
                            display,
                            e.line(),
                            e.column(),
                            "glossary entry \"" + id + "\" has no " + lang + " term",
                            "add \"" + lang + ": …\"");
                }
                if (t != null) {
                    term.put(lang, t);
                }
                YamlNode defs = e.get("definition");
                String df = defs == null ? null : defs.text(lang);
                if (df == null) {
                    d.warning(
                            display,
                            defs == null ? e.line() : defs.keyLine(),
                            defs == null ? e.column() : defs.keyColumn(),
                            "glossary entry \"" + id + "\" has no " + lang + " definition",
                            defs == null
                                    ? "add a definition: line to the entry, with \"" + lang
                                            + ": <one sentence saying what the term means>\" indented under it"
                                    : "add \"" + lang
                                            + ": <one sentence saying what the term means>\" under definition:");
                } else {
                    def.put(lang, df);
                }
                List<String> al = new ArrayList<>();
                YamlNode a = e.get("aliases") == null ? null : e.get("aliases").get(lang);
                if (a != null) {
                    for (YamlNode x : a.list()) {
                        al.add(x.text());
                    }
                }
                aliases.put(lang, al);
                avoid.put(lang, forms(e.get("avoid"), lang, id, display, d));
            }
            entries.add(new Entry(
                    id, term, def, aliases, avoid, readings(e.get("reading"), languages, id, display, d), e.line()));
        }
        return new Glossary(List.copyOf(entries), display);
    }

    /**
     * The readings of an entry's terms ({@code reading: { ja: ほけんじょ }}), used only to sort the glossary page.
     * A Japanese reading is written in kana: one in other characters would sort the entry in the wrong place.
     */
    private static Map<String, String> readings(
            YamlNode reading, List<String> languages, String id, Path display, Diagnostics d) {
        if (reading == null) {
            return Map.of();
        }
        if (!reading.isMap()) {
            d.error(
                    display,
                    reading.line(),
                    reading.column(),
                    "reading: of glossary entry \"" + id + "\" must give the reading by language",
                    "write reading: { ja: <the term in hiragana> }");
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String lang : languages) {
            YamlNode r = reading.get(lang);
            if (r == null) {
                continue;
            }
            String text = r.text() == null ? "" : r.text().strip();
            if (text.isEmpty()) {
                d.error(
                        display,
                        r.line(),
                        r.column(),
                        "the " + lang + " reading of glossary entry \"" + id + "\" must be one line of text",
                        null);
            } else if (lang.equals("ja")
                    && (!text.matches("[\\p{IsHiragana}\\p{IsKatakana}ー・ 　0-9A-Za-z]+")
                            || !text.matches(".*[\\p{IsHiragana}\\p{IsKatakana}].*"))) {
                d.warning(
                        display,
                        r.line(),
                        r.column(),
                        "the reading of glossary entry \"" + id + "\" should be in kana, not \"" + text + "\"",
                        "write how the term is read, in hiragana (e.g. ほけんじょ for 保健所)");
                out.put(lang, text);
            } else {
                out.put(lang, text);
            }
        }
        return Map.copyOf(out);
    }

    /** The one-line forms listed under {@code avoid: <lang>:} of an entry (a list, or a single form). */
    private static List<String> forms(YamlNode avoid, String lang, String id, Path display, Diagnostics d) {
        if (avoid == null) {
            return List.of();
        }
        if (!avoid.isMap()) {
            d.error(
                    display,
                    avoid.line(),
                    avoid.column(),
                    "avoid: of glossary entry \"" + id + "\" must list forms by language",
                    "write avoid: { " + lang + ": [other rendering, …] }");
            return List.of();
        }
        YamlNode a = avoid.get(lang);
        if (a == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (a.isList()) {
            for (YamlNode x : a.list()) {
                if (x.text() != null && !x.text().isBlank()) {
                    out.add(x.text().strip());
                } else {
                    d.error(
                            display,
                            x.line(),
                            x.column(),
                            "an avoid: form of glossary entry \"" + id + "\" must be one line of text",
                            null);
                }
            }
        } else if (a.text() != null && !a.text().isBlank()) {
            out.add(a.text().strip());
        }
        return List.copyOf(out);
    }

    /** The forms to link on pages of a language, longest first. */
    public GlossaryTerms terms(String lang) {
        List<GlossaryTerms.Term> terms = new ArrayList<>();
        for (Entry e : entries) {
            if (e.term().get(lang) != null) {
                terms.add(new GlossaryTerms.Term(e.term().get(lang), e.id()));
            }
            for (String a : e.aliases().getOrDefault(lang, List.of())) {
                terms.add(new GlossaryTerms.Term(a, e.id()));
            }
        }
        terms.sort(Comparator.comparingInt((GlossaryTerms.Term t) -> -t.form().length())
                .thenComparing(GlossaryTerms.Term::form));
        return new GlossaryTerms(List.copyOf(terms));
    }
}
