package casebook.site;

import casebook.diag.Diagnostics;
import casebook.frontmatter.SiteConfig;
import casebook.frontmatter.YamlNode;
import casebook.text.Formats;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The dates of a page's figures against the collection's: a figure dated after the collection is
 * published ({@code as_of: 2030-06-30} with {@code published: 2025-03}) is almost always a typing
 * mistake in the year or month, and is warned about at its line.
 */
final class DataDates {
    private DataDates() {}

    static void check(YamlNode data, Path display, SiteConfig config, Diagnostics d) {
        LocalDate last = lastDay(config.published());
        YamlNode items = data == null ? null : data.get("basic_info");
        if (last == null || items == null || !items.isList()) {
            return;
        }
        for (YamlNode item : items.list()) {
            YamlNode asOf = item.get("as_of");
            LocalDate date = asOf == null ? null : Formats.parseDate(asOf.text());
            if (date == null || !date.isAfter(last)) {
                continue;
            }
            d.warning(
                    display,
                    asOf.line(),
                    asOf.column(),
                    "as_of " + asOf.text() + " is after the collection's publication (published: " + config.published()
                            + " in site.yaml)",
                    "correct the year or month of as_of, or published in site.yaml: a figure cannot be dated after"
                            + " the collection is published");
        }
    }

    /** The last day {@code published} covers: the month's last day for YYYY-MM, the day itself for YYYY-MM-DD. */
    private static LocalDate lastDay(String published) {
        LocalDate p = Formats.parseDate(published);
        if (p == null) {
            return null;
        }
        return published.length() == 7 ? YearMonth.from(p).atEndOfMonth() : p;
    }
}
