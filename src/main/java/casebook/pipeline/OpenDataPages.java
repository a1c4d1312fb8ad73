package casebook.pipeline;

import casebook.frontmatter.SiteConfig;
import casebook.output.OutputTree;
import casebook.publish.BarChart;
import casebook.publish.CaseFigures;
import casebook.publish.OpenData;
import casebook.publish.Rate;
import casebook.text.Formats;
import casebook.text.HtmlText;
import casebook.text.Messages;
import casebook.text.Phrases;
import casebook.text.Urls;
import casebook.theme.PageRenderer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Part of the listings stage: what the site makes from the cases' data. The open data files under
 * {@code data/} (shared by every language), and per language the open-data page ({@code <lang>/data/}) and
 * the comparison page ({@code <lang>/compare/}) with its charts as static SVG. A site without cases with
 * basic information gets none of them, and its top pages no links to them.
 *
 * <p>The files and the two pages' content are made from the site's settings, the cases' figures and the UI
 * strings alone ({@link Tables}), so that {@code serve} can reuse them while those are unchanged; the pages are
 * then rendered as views, like the other listings.
 */
final class OpenDataPages {
    /**
     * What the cases' figures make: the data files (path to bytes) and, per language, the content of the
     * comparison page and of the open-data page (their templates' own models).
     */
    record Made(
            Map<String, byte[]> files,
            Map<String, Map<String, Object>> compare,
            Map<String, Map<String, Object>> dataPages) {}

    /** Makes the files and the pages' content; {@link #DIRECT} makes them, {@code serve} passes its memo. */
    @FunctionalInterface
    interface Tables {
        Made make(SiteConfig config, List<CaseFigures> cases, Messages messages);

        Tables DIRECT = OpenDataPages::make;
    }

    private final RenderedSite rendered;
    private final PageRenderer pages;
    private final OpenData data;
    private final Messages messages;
    private final Tables tables;

    OpenDataPages(RenderedSite rendered, Theme theme, PageRenderer pages, Tables tables) {
        this.rendered = rendered;
        this.pages = pages;
        this.data = new OpenData(rendered.site().config(), CaseFigures.of(rendered.site()), theme.messages());
        this.messages = theme.messages();
        this.tables = tables;
    }

    boolean any() {
        return !data.cases().isEmpty();
    }

    /** The top page's links to the comparison and the open data of {@code lang} (none when there are no cases). */
    List<Map<String, Object>> links(String lang) {
        if (!any()) {
            return List.of();
        }
        return List.of(
                link(Urls.inLanguage(Urls.COMPARE), data.message(lang, "compare.nav")),
                link(Urls.inLanguage(Urls.DATA), data.message(lang, "opendata.nav")));
    }

    /** Where a page goes: its output path and its view. */
    @FunctionalInterface
    interface Put {
        void put(String path, PageRenderer.View view);
    }

    /** The rendering tasks: the data files and both pages in every language (none when there are no cases). */
    List<Runnable> tasks(OutputTree out, Put page) {
        List<Runnable> tasks = new ArrayList<>();
        if (!any()) {
            return tasks;
        }
        SiteConfig config = rendered.site().config();
        Made made = tables.make(config, data.cases(), messages);
        tasks.add(() -> made.files().forEach(out::put));
        for (String lang : config.languages()) {
            tasks.add(() -> page.put(
                    Urls.compare(lang),
                    pages.sitePage(
                            lang,
                            Urls.inLanguage(Urls.COMPARE),
                            data.message(lang, "compare.title"),
                            "compare.ftlh",
                            made.compare().get(lang))));
            tasks.add(() -> page.put(
                    Urls.openData(lang),
                    pages.sitePage(
                            lang,
                            Urls.inLanguage(Urls.DATA),
                            data.message(lang, "opendata.title"),
                            "data.ftlh",
                            made.dataPages().get(lang))));
        }
        return tasks;
    }

    /** The files and, in each language, the content of the comparison and the open-data page. */
    static Made make(SiteConfig config, List<CaseFigures> cases, Messages messages) {
        Content c = new Content(new OpenData(config, cases, messages), config.defaultLanguage());
        Map<String, Map<String, Object>> compare = new LinkedHashMap<>();
        Map<String, Map<String, Object>> dataPages = new LinkedHashMap<>();
        for (String lang : config.languages()) {
            compare.put(lang, c.compare(lang));
            dataPages.put(lang, c.dataPage(lang));
        }
        return new Made(c.files, compare, dataPages);
    }

    private static Map<String, Object> link(String href, String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("href", href);
        m.put("text", text);
        return m;
    }

    /** English words mid-sentence: "Psychiatric beds" → "psychiatric beds". */
    private static String midSentence(String lang, String s) {
        if (!"en".equals(lang) || s.isEmpty()) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** The content made from the cases' figures: one {@link OpenData}, its files made once. */
    private static final class Content {
        private final OpenData data;
        private final String def;
        private final Map<String, byte[]> files;

        Content(OpenData data, String def) {
            this.data = data;
            this.def = def;
            this.files = data.files();
        }

        /**
         * An as-of date as HTML. One calendar across the cases, the Western one, whatever a case's data.yaml asks of its
         * own page ({@code as_of_calendar}): dates side by side are compared, and read against the open data's ISO
         * dates (docs/content-guide.md, "The comparison page"). In Japanese a line may break between the date and
         * 「時点」 and between phrases, never inside the date.
         */
        private String date(LocalDate d, String lang) {
            if (d == null) {
                return html(data.message(lang, "compare.as_of_none"));
            }
            String pattern = html(data.message(lang, "compare.as_of"));
            String date = HtmlText.escape(Formats.date(d, lang, false));
            return pattern.replace("{date}", "ja".equals(lang) && !pattern.endsWith("{date}") ? date + "<wbr>" : date);
        }

        /** Plain text as HTML with break opportunities between Japanese phrases (for cells and column headers). */
        private static String html(String text) {
            return Phrases.text(HtmlText.escape(text));
        }

        /** A note in brackets (「（認知症病床を含む）」) as HTML. */
        private String bracketed(String lang, String html) {
            return html(data.message(lang, "note.pattern")).replace("{text}", html);
        }

        private String figureText(String lang, CaseFigures.Figure f) {
            String n = Formats.number(f.value());
            return f.unit() == null
                    ? n
                    : data.message(lang, "unit." + f.unit()).replace("{n}", n).strip();
        }

        /** The case's name, link and language as a row of a table or a bar of a chart shows it. */
        private Map<String, Object> caseModel(CaseFigures c, String lang) {
            Map<String, Object> m = new LinkedHashMap<>();
            boolean own = !c.nameIsFallback(lang);
            m.put("name", c.name(lang, def));
            // in a table's row header: break opportunities between Japanese phrases, so a name breaks only there
            m.put("nameHtml", Phrases.name(HtmlText.escape(c.name(lang, def))));
            m.put("nameLang", own ? "" : def);
            m.put("href", Urls.relative(Urls.compare(lang), Urls.page(own ? lang : def, c.slug())));
            m.put("category", c.category() == null ? "" : data.message(lang, "category." + c.category()));
            return m;
        }

        private Map<String, Object> compare(String lang) {
            Map<String, Object> m = new LinkedHashMap<>();
            List<String> items = new ArrayList<>();
            for (String item : CaseFigures.ITEMS) {
                if (data.cases().stream().anyMatch(c -> c.figure(item) != null)) {
                    items.add(item);
                }
            }
            List<Map<String, Object>> columns = new ArrayList<>();
            for (String item : items) {
                Map<String, Object> col = link("", data.message(lang, "basic." + item));
                col.put("html", html(data.message(lang, "basic." + item)));
                columns.add(col);
            }
            m.put("columns", columns);
            m.put("caseHeader", html(data.message(lang, "compare.case")));
            m.put("categoryHeader", html(data.message(lang, "compare.category")));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (CaseFigures c : data.cases()) {
                Map<String, Object> r = caseModel(c, lang);
                List<Map<String, Object>> cells = new ArrayList<>();
                for (String item : items) {
                    CaseFigures.Figure f = c.figure(item);
                    Map<String, Object> cell = new LinkedHashMap<>();
                    cell.put("label", data.message(lang, "basic." + item));
                    cell.put("text", f == null ? data.message(lang, "opendata.none") : figureText(lang, f));
                    cell.put("asOf", f == null ? "" : date(f.asOf(), lang));
                    cell.put(
                            "note",
                            f == null || f.note().get(lang) == null
                                    ? ""
                                    : bracketed(lang, html(f.note().get(lang))));
                    cells.add(cell);
                }
                r.put("cells", cells);
                rows.add(r);
            }
            m.put("rows", rows);
            m.put("dates", datesNotice(lang, items));
            List<Map<String, Object>> charts = new ArrayList<>();
            for (String item : Rate.ITEMS) {
                Map<String, Object> chart = rateChart(lang, item);
                if (chart != null) {
                    charts.add(chart);
                }
            }
            m.put("charts", charts);
            m.put("dataHref", Urls.relative(Urls.compare(lang), Urls.openData(lang)));
            return m;
        }

        /** Sentences saying, item by item, whether the cases' figures are of the same date. */
        private List<String> datesNotice(String lang, List<String> items) {
            List<String> differ = new ArrayList<>();
            List<String> none = new ArrayList<>();
            Map<LocalDate, List<String>> same = new LinkedHashMap<>();
            for (String item : items) {
                Set<LocalDate> dates = new LinkedHashSet<>();
                boolean missing = false;
                for (CaseFigures c : data.cases()) {
                    CaseFigures.Figure f = c.figure(item);
                    if (f == null) {
                        continue;
                    }
                    if (f.asOf() == null) {
                        missing = true;
                    } else {
                        dates.add(f.asOf());
                    }
                }
                String name = data.message(lang, "basic." + item);
                if (dates.isEmpty()) {
                    none.add(name);
                } else if (missing || dates.size() > 1) {
                    differ.add(name);
                } else {
                    same.computeIfAbsent(dates.iterator().next(), k -> new ArrayList<>())
                            .add(name);
                }
            }
            String joiner = data.message(lang, "compare.joiner");
            List<String> out = new ArrayList<>();
            if (!differ.isEmpty()) {
                out.add(sentence(lang, "compare.dates_differ", differ, joiner));
            }
            if (!none.isEmpty()) {
                out.add(sentence(lang, "compare.dates_none", none, joiner));
            }
            same.forEach((d, names) -> out.add(sentence(lang, "compare.dates_same", names, joiner)
                    .replace("{date}", Formats.date(d, lang, false))));
            if (!differ.isEmpty() || !none.isEmpty()) {
                out.add(data.message(lang, "compare.dates_advice"));
            }
            return out;
        }

        private String sentence(String lang, String key, List<String> names, String joiner) {
            String pattern = data.message(lang, key);
            List<String> words = new ArrayList<>();
            for (String n : names) {
                words.add(pattern.startsWith("{items}") && words.isEmpty() ? n : midSentence(lang, n));
            }
            return pattern.replace("{items}", String.join(joiner, words));
        }

        /**
         * A caveat on rates, marked by the rates it concerns and explained once under the chart: a relation of the
         * inputs' dates ({@code dates} set), or a note the source attaches to an input ({@code noted} set; the
         * cases whose rate uses that figure with that note are listed).
         */
        private record Caveat(String mark, Rate.Dates dates, CaseFigures.Figure noted, List<String> casesHtml) {}

        /** A figure's note as HTML on a page of {@code lang}, marked with its language when that is another. */
        private String noteHtml(String lang, CaseFigures.Figure f) {
            String noteLang = f.noteLang(lang, def);
            String text = HtmlText.escape(f.note().get(noteLang));
            return noteLang.equals(lang) ? text : "<span lang=\"" + noteLang + "\">" + text + "</span>";
        }

        /**
         * The note of an input as its cell shows it after the figure (「（認知症病床を含む）」), or "" for none; in a cell,
         * Japanese breaks only between phrases, as the overview's notes do.
         */
        private String inputNote(String lang, CaseFigures.Figure f) {
            if (!f.hasNote()) {
                return "";
            }
            String noteLang = f.noteLang(lang, def);
            String text = html(f.note().get(noteLang));
            return bracketed(
                    lang, noteLang.equals(lang) ? text : "<span lang=\"" + noteLang + "\">" + text + "</span>");
        }

        /** The case's name as HTML, marked with its language when the page has no translation of it. */
        private String nameHtml(String lang, CaseFigures c) {
            String name = HtmlText.escape(c.name(lang, def));
            return c.nameIsFallback(lang) ? "<span lang=\"" + def + "\">" + name + "</span>" : name;
        }

        private Map<String, Object> rateChart(String lang, String item) {
            List<Map<String, Object>> rows = new ArrayList<>();
            List<BarChart.Bar> bars = new ArrayList<>();
            List<String> values = new ArrayList<>();
            String itemName = data.message(lang, "basic." + item);
            // one mark per caveat (a kind of date relation, or an input's item and note), numbered in the order they
            // first occur
            Map<String, Caveat> caveats = new LinkedHashMap<>();
            for (CaseFigures c : data.cases()) {
                Rate rate = Rate.of(c, item);
                if (rate == null) {
                    continue;
                }
                Map<String, Object> r = caseModel(c, lang);
                List<Map<String, Object>> marks = new ArrayList<>();
                if (rate.dates() != Rate.Dates.SAME_YEAR) {
                    Caveat k = caveats.computeIfAbsent(
                            "dates " + rate.dates().code,
                            key -> new Caveat(mark(lang, caveats.size() + 1), rate.dates(), null, List.of()));
                    marks.add(markModel(
                            k.mark(),
                            HtmlText.escape(data.message(
                                    lang,
                                    rate.dates() == Rate.Dates.NOT_STATED
                                            ? "compare.mark_not_stated"
                                            : "compare.mark_different_years"))));
                }
                for (CaseFigures.Figure f : rate.noted()) {
                    String noteLang = f.noteLang(lang, def);
                    Caveat k = caveats.computeIfAbsent(
                            "note " + f.item() + "\u0000" + noteLang + "\u0000"
                                    + f.note().get(noteLang),
                            key -> new Caveat(mark(lang, caveats.size() + 1), null, f, new ArrayList<>()));
                    k.casesHtml().add(nameHtml(lang, c));
                    marks.add(markModel(
                            k.mark(),
                            HtmlText.escape(data.message(lang, "compare.mark_note"))
                                    .replace("{note}", noteHtml(lang, f))));
                }
                String mark = String.join(
                        " ", marks.stream().map(m -> (String) m.get("mark")).toList());
                r.put("value", rate.plain());
                r.put("marks", marks);
                r.put("count", figureText(lang, c.figure(item)));
                r.put("countNote", inputNote(lang, c.figure(item)));
                r.put("countAsOf", bracketed(lang, date(rate.countAsOf(), lang)));
                r.put("population", figureText(lang, c.figure("population")));
                r.put("populationNote", inputNote(lang, c.figure("population")));
                r.put("populationAsOf", bracketed(lang, date(rate.populationAsOf(), lang)));
                rows.add(r);
                String suffix = c.category() == null
                        ? ""
                        : data.message(lang, "note.pattern")
                                .replace("{text}", data.message(lang, "category." + c.category()));
                bars.add(new BarChart.Bar(
                        c.name(lang, def),
                        c.nameIsFallback(lang) ? def : null,
                        suffix,
                        rate.value(),
                        rate.plain(),
                        mark));
                // A case without a page in this language is named in the <desc> by its folder, not its Japanese name:
                // the description reaches a screen reader as one flat string (aria-describedby), so no lang can mark a
                // part of it, and the page's English voice reads "nagano" but not 長野市; the table beside gives the name.
                String descName = (c.nameIsFallback(lang) ? c.slug() : c.name(lang, def)) + suffix;
                values.add(data.message(lang, "compare.rate_value")
                        .replace("{case}", descName)
                        .replace("{value}", rate.plain() + (mark.isEmpty() ? "" : " " + mark)));
            }
            if (rows.isEmpty()) {
                return null;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            String id = "rate-" + item;
            String title = OpenData.fill(lang, data.message(lang, "compare.rate_title"), "{item}", itemName);
            m.put("id", id);
            m.put("title", title);
            m.put("titleHtml", html(title));
            m.put("caption", OpenData.fill(lang, data.message(lang, "compare.rate_caption"), "{item}", itemName));
            m.put("countLabel", itemName);
            m.put("unitHeader", html(OpenData.fill(lang, data.message(lang, "compare.rate_unit"), "{item}", itemName)));
            m.put("inputsHeader", html(data.message(lang, "compare.rate_inputs")));
            String desc = data.message(lang, "compare.rate_desc")
                    .replace("{values}", String.join(data.message(lang, "compare.values_joiner"), values));
            m.put("svg", BarChart.svg(id + "-chart", title, desc, bars, lang));
            m.put("rows", rows);
            List<String> notes = new ArrayList<>();
            for (Caveat k : caveats.values()) {
                if (k.dates() != null) {
                    notes.add(HtmlText.escape(data.message(
                                    lang,
                                    k.dates() == Rate.Dates.NOT_STATED
                                            ? "compare.note_not_stated"
                                            : "compare.note_different_years")
                            .replace("{mark}", k.mark())
                            .replace("{item}", midSentence(lang, itemName))));
                    continue;
                }
                String noted = data.message(lang, "basic." + k.noted().item());
                String pattern = HtmlText.escape(data.message(lang, "compare.note_note"));
                notes.add(pattern.replace("{mark}", HtmlText.escape(k.mark()))
                        .replace("{item}", HtmlText.escape(midSentence(lang, noted)))
                        .replace(
                                "{cases}",
                                String.join(HtmlText.escape(data.message(lang, "compare.joiner")), k.casesHtml()))
                        .replace("{note}", noteHtml(lang, k.noted())));
            }
            m.put("notes", notes);
            return m;
        }

        /** The reference mark number {@code n} as the language writes it (※1 in Japanese, *1 in English). */
        private String mark(String lang, int n) {
            return data.message(lang, "compare.mark").replace("{n}", String.valueOf(n));
        }

        private static Map<String, Object> markModel(String mark, String textHtml) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mark", mark);
            m.put("textHtml", textHtml);
            return m;
        }

        private Map<String, Object> dataPage(String lang) {
            Map<String, Object> m = new LinkedHashMap<>();
            List<Map<String, Object>> sets = new ArrayList<>();
            for (OpenData.Dataset ds : data.datasets()) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("id", ds.id());
                s.put("title", ds.title().get(lang));
                s.put("description", ds.description().get(lang));
                s.put("rows", ds.records().size());
                List<Map<String, Object>> fs = new ArrayList<>();
                for (String path : List.of(ds.csvPath(), ds.jsonPath())) {
                    Map<String, Object> f =
                            link(Urls.relative(Urls.openData(lang), path), path.substring(path.lastIndexOf('/') + 1));
                    f.put("format", path.endsWith(".csv") ? "CSV" : "JSON");
                    f.put(
                            "size",
                            data.message(lang, "opendata.bytes")
                                    .replace("{n}", Formats.number(files.get(path).length)));
                    fs.add(f);
                }
                s.put("files", fs);
                List<Map<String, Object>> fields = new ArrayList<>();
                for (OpenData.Field f : ds.fields()) {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("name", f.name());
                    x.put("parts", List.of(f.name().split("(?<=_)"))); // a break may fall after each underscore
                    x.put("type", data.message(lang, "opendata.type_" + f.type()));
                    x.put("unit", f.unit() == null ? data.message(lang, "opendata.none") : f.unit());
                    x.put("description", f.description().get(lang));
                    fields.add(x);
                }
                s.put("fields", fields);
                sets.add(s);
            }
            m.put("datasets", sets);
            m.put("source", data.source(lang));
            m.put("terms", data.message(lang, "opendata.terms"));
            m.put("compareHref", Urls.relative(Urls.openData(lang), Urls.compare(lang)));
            return m;
        }
    }
}
