package casebook.publish;

import casebook.frontmatter.SiteConfig;
import casebook.text.Formats;
import casebook.text.Messages;
import casebook.text.Urls;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open data: every data table of the collection as CSV ({@link Csv}) and JSON ({@link Json}), shared by
 * all languages under {@code data/}:
 * <ul>
 * <li>{@code basic-info}: one row per case and item of its basic information, as the case's data.yaml
 *     states it (value, unit, as-of date, note), with the source;</li>
 * <li>{@code comparison}: one row per case, its figures side by side (each with its unit and as-of date)
 *     and the rates per 100,000 people computed from them, each with how its inputs' dates relate.</li>
 * </ul>
 * Field names are ASCII; labels in each language sit in columns of their own ({@code case_ja},
 * {@code case_en}). Numbers are numbers; a unit or a date is in its own column; a date the source does
 * not state is empty (null in JSON). The JSON file carries the titles, the source, the terms of use and the
 * data dictionary (every field's type, unit and description per language); the data page shows the same.
 */
public final class OpenData {
    /** A column: its name, its type (string, integer, number, date), its unit code (null when per row or none), its description per language. */
    public record Field(String name, String type, String unit, Map<String, String> description) {}

    /** A table: its id (the file name without extension), title and description per language, fields and rows. */
    public record Dataset(
            String id,
            Map<String, String> title,
            Map<String, String> description,
            List<Field> fields,
            List<Map<String, Object>> records) {

        public String csvPath() {
            return Urls.dataFile(id + ".csv");
        }

        public String jsonPath() {
            return Urls.dataFile(id + ".json");
        }
    }

    private final SiteConfig config;
    private final List<String> langs;
    private final List<CaseFigures> cases;
    private final Messages messages;

    public OpenData(SiteConfig config, List<CaseFigures> cases, Messages messages) {
        this.config = config;
        this.langs = config.languages();
        this.cases = cases;
        this.messages = messages;
    }

    public List<CaseFigures> cases() {
        return cases;
    }

    /** The UI string {@code key} in {@code lang}: the theme's, else English's, else the key. */
    public String message(String lang, String key) {
        String v = messages.get(lang, key);
        if (v == null) {
            v = messages.get("en", key);
        }
        return v == null ? key : v;
    }

    private Map<String, String> each(String key) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String l : langs) {
            m.put(l, message(l, key));
        }
        return m;
    }

    private Map<String, String> each(String key, String placeholder, String itemKey) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String l : langs) {
            m.put(l, fill(l, message(l, key), placeholder, message(l, itemKey)));
        }
        return m;
    }

    /**
     * {@code template} with {@code placeholder} replaced by {@code word}; in English the word is lower-cased
     * where it stands inside a sentence ("Psychiatric beds per …", "… ÷ psychiatric beds").
     */
    public static String fill(String lang, String template, String placeholder, String word) {
        if (!"en".equals(lang) || word.isEmpty()) {
            return template.replace(placeholder, word);
        }
        String lower = Character.toLowerCase(word.charAt(0)) + word.substring(1);
        if (template.startsWith(placeholder)) {
            return word + template.substring(placeholder.length()).replace(placeholder, lower);
        }
        return template.replace(placeholder, lower);
    }

    /** The collection as a source: publisher, title and month of publication. */
    public String source(String lang) {
        LocalDate pub = Formats.parseDate(config.published());
        return message(lang, "opendata.source")
                .replace("{publisher}", config.pick(config.publisher(), lang))
                .replace("{title}", config.title(lang))
                .replace("{published}", pub == null ? "" : Formats.month(pub, lang));
    }

    /** A case's source: the collection and the case's page in it. */
    public String source(String lang, CaseFigures c) {
        String def = config.defaultLanguage();
        String label = c.labels().getOrDefault(lang, c.labels().getOrDefault(def, ""));
        return message(lang, "opendata.source_case")
                .replace("{source}", source(lang))
                .replace("{label}", label)
                .replace("{case}", c.name(lang, def))
                .replace("  ", " ")
                .strip();
    }

    /** The unit of a figure in words ("人", "people"): the unit pattern without its number. */
    public String unitWord(String lang, String unit) {
        if (unit == null) {
            return "";
        }
        return message(lang, "unit." + unit).replace("{n}", "").strip();
    }

    public List<Dataset> datasets() {
        return List.of(basicInfo(), comparison());
    }

    /** Path to bytes: data/&lt;id&gt;.csv and .json of every dataset. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Dataset d : datasets()) {
            List<String> header = d.fields().stream().map(Field::name).toList();
            List<List<Object>> rows = new ArrayList<>();
            for (Map<String, Object> r : d.records()) {
                rows.add(new ArrayList<>(r.values()));
            }
            out.put(d.csvPath(), Csv.write(header, rows));
            out.put(d.jsonPath(), Json.write(json(d)).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private Map<String, Object> json(Dataset d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("title", d.title());
        m.put("description", d.description());
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("title", titles());
        source.put("publisher", publishers());
        source.put("published", config.published());
        source.put("citation", citations());
        m.put("source", source);
        m.put("licence", null);
        m.put("terms", each("opendata.terms"));
        List<Object> fields = new ArrayList<>();
        for (Field f : d.fields()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", f.name());
            x.put("type", f.type());
            x.put("unit", f.unit());
            x.put("description", f.description());
            fields.add(x);
        }
        m.put("fields", fields);
        m.put("records", d.records());
        return m;
    }

    private Map<String, String> titles() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String l : langs) {
            m.put(l, config.title(l));
        }
        return m;
    }

    private Map<String, String> publishers() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String l : langs) {
            m.put(l, config.pick(config.publisher(), l));
        }
        return m;
    }

    private Map<String, String> citations() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String l : langs) {
            m.put(l, source(l));
        }
        return m;
    }

    private void caseColumns(List<Field> fields) {
        fields.add(new Field("slug", "string", null, each("opendata.field.slug")));
        for (String l : langs) {
            fields.add(new Field("case_" + l, "string", null, lang(each("opendata.field.case"), l)));
        }
        fields.add(new Field("category", "string", null, each("opendata.field.category")));
        for (String l : langs) {
            fields.add(new Field("category_" + l, "string", null, lang(each("opendata.field.category_name"), l)));
        }
    }

    /** A description naming the language of a per-language column. */
    private Map<String, String> lang(Map<String, String> desc, String columnLang) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : desc.entrySet()) {
            m.put(e.getKey(), e.getValue().replace("{lang}", message(e.getKey(), "opendata.lang." + columnLang)));
        }
        return m;
    }

    private void caseValues(Map<String, Object> r, CaseFigures c) {
        String def = config.defaultLanguage();
        r.put("slug", c.slug());
        for (String l : langs) {
            r.put("case_" + l, c.name(l, def));
        }
        r.put("category", c.category());
        for (String l : langs) {
            r.put("category_" + l, c.category() == null ? null : message(l, "category." + c.category()));
        }
    }

    private Dataset basicInfo() {
        List<Field> fields = new ArrayList<>();
        caseColumns(fields);
        fields.add(new Field("item", "string", null, each("opendata.field.item")));
        for (String l : langs) {
            fields.add(new Field("item_" + l, "string", null, lang(each("opendata.field.item_name"), l)));
        }
        fields.add(new Field("value", "integer", null, each("opendata.field.value")));
        fields.add(new Field("unit", "string", null, each("opendata.field.unit")));
        for (String l : langs) {
            fields.add(new Field("unit_" + l, "string", null, lang(each("opendata.field.unit_name"), l)));
        }
        fields.add(new Field("as_of", "date", null, each("opendata.field.as_of")));
        for (String l : langs) {
            fields.add(new Field("note_" + l, "string", null, lang(each("opendata.field.note"), l)));
        }
        for (String l : langs) {
            fields.add(new Field("source_" + l, "string", null, lang(each("opendata.field.source"), l)));
        }
        List<Map<String, Object>> records = new ArrayList<>();
        for (CaseFigures c : cases) {
            for (CaseFigures.Figure f : c.figures().values()) {
                Map<String, Object> r = new LinkedHashMap<>();
                caseValues(r, c);
                r.put("item", f.item());
                for (String l : langs) {
                    r.put("item_" + l, message(l, "basic." + f.item()));
                }
                r.put("value", f.value());
                r.put("unit", f.unit());
                for (String l : langs) {
                    r.put("unit_" + l, f.unit() == null ? null : unitWord(l, f.unit()));
                }
                r.put("as_of", f.asOf() == null ? null : f.asOf().toString());
                for (String l : langs) {
                    r.put("note_" + l, f.note().get(l));
                }
                for (String l : langs) {
                    r.put("source_" + l, source(l, c));
                }
                records.add(r);
            }
        }
        return new Dataset(
                "basic-info",
                each("opendata.basic_info.title"),
                each("opendata.basic_info.description"),
                List.copyOf(fields),
                List.copyOf(records));
    }

    /** The unit code of a rate of {@code item}: beds-per-100000-people. */
    public static String rateUnit(String item) {
        return (item.equals("beds") ? "beds" : "people") + "-per-100000-people";
    }

    /**
     * The notes a rate's inputs carry, in {@code lang} ("精神科病床数：認知症病床を含む"), each input named; a note
     * without wording in {@code lang} is given in the language it has. Null when no input carries a note.
     */
    public String rateNote(String lang, Rate rate) {
        if (rate.noted().isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (CaseFigures.Figure f : rate.noted()) {
            parts.add(message(lang, "basic." + f.item())
                    + message(lang, "compare.colon")
                    + f.note().get(f.noteLang(lang, config.defaultLanguage())));
        }
        return String.join(message(lang, "compare.values_joiner"), parts);
    }

    private Dataset comparison() {
        List<Field> fields = new ArrayList<>();
        caseColumns(fields);
        for (String item : CaseFigures.ITEMS) {
            fields.add(new Field(item, "integer", null, each("opendata.field.count", "{item}", "basic." + item)));
            fields.add(new Field(
                    item + "_unit", "string", null, each("opendata.field.count_unit", "{item}", "basic." + item)));
            fields.add(new Field(
                    item + "_as_of", "date", null, each("opendata.field.count_as_of", "{item}", "basic." + item)));
            for (String l : langs) {
                fields.add(new Field(
                        item + "_note_" + l,
                        "string",
                        null,
                        lang(each("opendata.field.count_note", "{item}", "basic." + item), l)));
            }
        }
        for (String item : Rate.ITEMS) {
            fields.add(new Field(
                    item + "_per_100000",
                    "number",
                    rateUnit(item),
                    each("opendata.field.rate", "{item}", "basic." + item)));
            fields.add(new Field(
                    item + "_per_100000_dates",
                    "string",
                    null,
                    each("opendata.field.rate_dates", "{item}", "basic." + item)));
            for (String l : langs) {
                fields.add(new Field(
                        item + "_per_100000_note_" + l,
                        "string",
                        null,
                        lang(each("opendata.field.rate_note", "{item}", "basic." + item), l)));
            }
        }
        List<Map<String, Object>> records = new ArrayList<>();
        for (CaseFigures c : cases) {
            Map<String, Object> r = new LinkedHashMap<>();
            caseValues(r, c);
            for (String item : CaseFigures.ITEMS) {
                CaseFigures.Figure f = c.figure(item);
                r.put(item, f == null ? null : f.value());
                r.put(item + "_unit", f == null ? null : f.unit());
                r.put(
                        item + "_as_of",
                        f == null || f.asOf() == null ? null : f.asOf().toString());
                for (String l : langs) {
                    r.put(item + "_note_" + l, f == null ? null : f.note().get(l));
                }
            }
            for (String item : Rate.ITEMS) {
                Rate rate = Rate.of(c, item);
                r.put(item + "_per_100000", rate == null ? null : rate.value());
                r.put(item + "_per_100000_dates", rate == null ? null : rate.dates().code);
                for (String l : langs) {
                    r.put(item + "_per_100000_note_" + l, rate == null ? null : rateNote(l, rate));
                }
            }
            records.add(r);
        }
        return new Dataset(
                "comparison",
                each("opendata.comparison.title"),
                each("opendata.comparison.description"),
                List.copyOf(fields),
                List.copyOf(records));
    }
}
