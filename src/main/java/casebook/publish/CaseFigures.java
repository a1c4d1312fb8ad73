package casebook.publish;

import casebook.frontmatter.YamlNode;
import casebook.site.Page;
import casebook.site.Site;
import casebook.text.Formats;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One case's basic information as its {@code data.yaml} states it: the figures (value, unit, as-of date,
 * note), the category, and the case's title in each language. Nothing is added: a date the source does not
 * state is null. Items the page renderer rejects (unknown item, value not a whole number) are skipped here
 * without a report, since rendering the page already reported them.
 *
 * @param slug     the case's folder
 * @param names    the case's page title per language (only languages the page exists in)
 * @param labels   the case's label per language ("取組事例①"), empty when none
 * @param category prefecture, core-city or general-city; null when data.yaml names none
 * @param figures  the figures by item, in the order data.yaml lists them
 */
public record CaseFigures(
        String slug,
        Map<String, String> names,
        Map<String, String> labels,
        String category,
        Map<String, Figure> figures) {

    /** The items a basic-information table may hold, in their usual order. */
    public static final List<String> ITEMS = List.of("population", "inpatients", "hospitals", "beds");

    public static final List<String> CATEGORIES = List.of("prefecture", "core-city", "general-city");
    public static final List<String> UNITS = List.of("people", "hospitals", "beds");

    /**
     * @param unit people, hospitals or beds; null for a bare number
     * @param asOf the date the figure is as of; null when the source states none
     * @param note words after the figure per language ("認知症病床を含む"); empty when none
     */
    public record Figure(String item, long value, String unit, LocalDate asOf, Map<String, String> note) {
        /** Whether the source attaches a note to the figure, in any language. */
        public boolean hasNote() {
            return !note.isEmpty();
        }

        /**
         * The language the note is shown in on a page of {@code lang}: {@code lang} when the note has its wording,
         * else {@code fallbackLang} when it has that, else any language it has; null when there is no note.
         */
        public String noteLang(String lang, String fallbackLang) {
            if (note.containsKey(lang)) {
                return lang;
            }
            if (note.containsKey(fallbackLang)) {
                return fallbackLang;
            }
            return note.keySet().stream().sorted().findFirst().orElse(null);
        }
    }

    /** The figure of an item, or null. */
    public Figure figure(String item) {
        return figures.get(item);
    }

    /** The case's title in {@code lang}, else in the site's default language. */
    public String name(String lang, String fallbackLang) {
        String n = names.get(lang);
        return n != null ? n : names.getOrDefault(fallbackLang, slug);
    }

    /** Whether the title shown in {@code lang} is written in another language (a page not yet translated). */
    public boolean nameIsFallback(String lang) {
        return !names.containsKey(lang);
    }

    /**
     * Every case of the site in reading order: a page of the default language whose data.yaml holds a
     * {@code basic_info} list with at least one usable figure.
     */
    public static List<CaseFigures> of(Site site) {
        List<CaseFigures> out = new ArrayList<>();
        String def = site.config().defaultLanguage();
        for (String slug : site.order()) {
            Page p = site.page(def, slug);
            if (p == null || p.data() == null || !p.data().isMap()) {
                continue;
            }
            YamlNode items = p.data().get("basic_info");
            if (items == null || !items.isList()) {
                continue;
            }
            Map<String, Figure> figures = new LinkedHashMap<>();
            for (YamlNode item : items.list()) {
                if (!item.isMap()) {
                    continue;
                }
                String key = item.text("item");
                YamlNode value = item.get("value");
                if (key == null || !ITEMS.contains(key) || figures.containsKey(key)) {
                    continue;
                }
                if (value == null || !(value.value() instanceof Long n) || n < 0) {
                    continue;
                }
                String unit = item.text("unit");
                if (unit != null && !UNITS.contains(unit)) {
                    unit = null;
                }
                LocalDate asOf = Formats.parseDate(item.text("as_of"));
                if (item.text("as_of") != null && item.text("as_of").length() != 10) {
                    asOf = null;
                }
                Map<String, String> note = new LinkedHashMap<>();
                YamlNode nn = item.get("note");
                if (nn != null && nn.isMap()) {
                    for (String lang : site.config().languages()) {
                        if (nn.text(lang) != null) {
                            note.put(lang, nn.text(lang));
                        }
                    }
                } else if (nn != null && nn.text() != null) {
                    for (String lang : site.config().languages()) {
                        note.put(lang, nn.text());
                    }
                }
                figures.put(key, new Figure(key, n, unit, asOf, Map.copyOf(note)));
            }
            if (figures.isEmpty()) {
                continue;
            }
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, String> labels = new LinkedHashMap<>();
            for (String lang : site.config().languages()) {
                Page t = site.page(lang, slug);
                if (t == null) {
                    continue;
                }
                names.put(lang, t.meta().title());
                if (t.meta().label() != null) {
                    labels.put(lang, t.meta().label());
                }
            }
            String category = p.data().text("category");
            if (category != null && !CATEGORIES.contains(category)) {
                category = null;
            }
            out.add(new CaseFigures(slug, Map.copyOf(names), Map.copyOf(labels), category, figures));
        }
        return out;
    }
}
