package casebook.markdown;

import casebook.diag.Suggestions;
import casebook.frontmatter.YamlNode;
import casebook.text.Formats;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code :::basic-info}, the basic-information table: the {@code basic_info} list of the page's data.yaml
 * (population, inpatients, hospitals, beds), each figure with its unit, date and note in the page's language.
 */
final class BasicInfoBlock implements Block<BasicInfoBlock.BasicInfo> {
    static final List<String> ITEMS = List.of("population", "inpatients", "hospitals", "beds");
    static final List<String> UNITS = List.of("people", "hospitals", "beds");

    /** The table: its id, the heading that names it ("" when none) and its rows. */
    record BasicInfo(String id, String labelledBy, List<Row> rows) {}

    /** One item: its label and its figure as text. */
    record Row(String label, String value) {}

    @Override
    public String name() {
        return "basic-info";
    }

    @Override
    public BasicInfo read(Segment.Container c, BlockContext ctx) {
        PageState st = ctx.state;
        RenderRequest r = st.request;
        YamlNode items = r.data() == null ? null : r.data().get("basic_info");
        if (items == null && r.dataUnreadable()) {
            return null;
        }
        if (items == null || !items.isList()) {
            st.diagnostics.error(
                    r.display(),
                    c.line(),
                    1,
                    "the basic-information table needs \"basic_info\" in "
                            + (r.dataDisplay() == null
                                    ? "a data.yaml beside this page (there is none)"
                                    : r.dataDisplay()),
                    "add a basic_info list to data.yaml (see docs/content-guide.md)");
            return null;
        }
        String id = st.claimId("basic-info-table");
        List<Row> rows = new ArrayList<>();
        for (YamlNode item : items.list()) {
            String key = item.text("item");
            YamlNode value = item.get("value");
            if (key == null || !ITEMS.contains(key)) {
                String s = key == null ? null : Suggestions.closest(key, ITEMS);
                st.diagnostics.error(
                        r.dataDisplay(),
                        item.line(),
                        item.column(),
                        "unknown basic-information item \"" + key + "\""
                                + (s != null ? "; did you mean \"" + s + "\"?" : ""),
                        "use one of " + String.join(", ", ITEMS));
                continue;
            }
            if (value == null || !(value.value() instanceof Long n) || n < 0) {
                // a count of people, hospitals or beds: never below 0 (the open data and the comparison leave such
                // a value out, so it must not reach the page either)
                st.diagnostics.error(
                        r.dataDisplay(),
                        value == null ? item.line() : value.line(),
                        value == null ? item.column() : value.column(),
                        "\"" + key + "\" needs a whole-number value of 0 or more",
                        "write e.g. value: 7326804 (no commas, no unit, no minus sign)");
                continue;
            }
            rows.add(new Row(r.message("basic." + key), figure(item, (Long) value.value(), st)));
        }
        st.structure(StructureKind.TABLE, String.valueOf(rows.size()), c.line());
        return new BasicInfo(id, st.lastHeadingId, rows);
    }

    private static final Pattern YMD = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    /** Why {@code text}, which did not parse, is no date, and the fix: in YYYY-MM-DD form, its month or its day. */
    static String[] whyNotADate(String text) {
        Matcher m = YMD.matcher(text);
        if (!m.matches()) {
            return new String[] {"", "write it as YYYY-MM-DD, e.g. as_of: 2025-03-31"};
        }
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            return new String[] {": there is no month " + m.group(2), "write the month as 01 to 12"};
        }
        YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), month);
        String name = ym.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + ym.getYear();
        return new String[] {
            ": " + name + " has no day " + m.group(3), "write a day from 01 to " + ym.lengthOfMonth() + " for " + name
        };
    }

    /** A figure as the page's language writes it: number, unit, as-of date and note. */
    private static String figure(YamlNode item, long value, PageState st) {
        RenderRequest r = st.request;
        String unit = item.text("unit");
        String text = Formats.number(value);
        if (unit != null) {
            if (!UNITS.contains(unit)) {
                YamlNode u = item.get("unit");
                st.diagnostics.error(
                        r.dataDisplay(),
                        u.line(),
                        u.column(),
                        "unknown unit \"" + unit + "\"",
                        "use one of " + String.join(", ", UNITS));
            } else {
                text = r.message("unit." + unit).replace("{n}", text);
            }
        }
        String asOf = item.text("as_of");
        if (asOf != null) {
            LocalDate d = Formats.parseDate(asOf);
            if (d == null) {
                YamlNode a = item.get("as_of");
                st.diagnostics.error(
                        r.dataDisplay(),
                        a.line(),
                        a.column(),
                        "as_of \"" + asOf + "\" is not a date" + whyNotADate(asOf)[0],
                        whyNotADate(asOf)[1]);
            } else {
                YamlNode cal = item.get("as_of_calendar");
                if (cal != null && !"era".equals(cal.text()) && !"western".equals(cal.text())) {
                    st.diagnostics.error(
                            r.dataDisplay(),
                            cal.line(),
                            cal.column(),
                            "as_of_calendar must be era or western, not \"" + cal.text() + "\"",
                            "era writes （令和7年1月1日現在）, western （2025年1月1日時点）");
                }
                boolean era = !"western".equals(item.text("as_of_calendar"));
                text += r.message(era ? "asof.era" : "asof.western").replace("{date}", Formats.date(d, r.lang(), era));
            }
        }
        YamlNode note = item.get("note");
        if (note != null) {
            String n = note.isMap() ? note.text(r.lang()) : note.text();
            if (n == null) {
                st.diagnostics.error(
                        r.dataDisplay(),
                        note.line(),
                        note.column(),
                        "note has no text for language \"" + r.lang() + "\"",
                        "add \"" + r.lang() + ": …\" under note");
            } else {
                text += r.message("note.pattern").replace("{text}", n);
            }
        }
        return text;
    }
}
