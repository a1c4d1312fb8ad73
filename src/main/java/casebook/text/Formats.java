package casebook.text;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Numbers and dates as each language writes them: 7,326,804; 令和6年10月1日; 1 October 2024. */
public final class Formats {
    private static final String[] MONTHS = {
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December"
    };

    private Formats() {}

    public static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Parses an ISO date (2024-10-01) or month (2025-03); null when it is neither. */
    public static LocalDate parseDate(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return iso.length() == 7 ? LocalDate.parse(iso + "-01") : LocalDate.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Japanese era year: 令和 from 2019-05-01, 平成 from 1989-01-08; 元年 for the first year. */
    public static String eraYear(LocalDate d) {
        String era;
        int year;
        if (!d.isBefore(LocalDate.of(2019, 5, 1))) {
            era = "令和";
            year = d.getYear() - 2018;
        } else if (!d.isBefore(LocalDate.of(1989, 1, 8))) {
            era = "平成";
            year = d.getYear() - 1988;
        } else {
            era = "昭和";
            year = d.getYear() - 1925;
        }
        return era + (year == 1 ? "元" : String.valueOf(year)) + "年";
    }

    public static String date(LocalDate d, String lang, boolean era) {
        if (lang.equals("ja")) {
            return (era ? eraYear(d) : d.getYear() + "年") + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        }
        return d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
    }

    /** A month: 2025(令和7)年3月 in Japanese, March 2025 in English. */
    public static String month(LocalDate d, String lang) {
        if (lang.equals("ja")) {
            return d.getYear() + "(" + eraYear(d).replace("年", "") + ")年" + d.getMonthValue() + "月";
        }
        return MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
    }
}
