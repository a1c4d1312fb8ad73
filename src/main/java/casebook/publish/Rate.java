package casebook.publish;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * A figure per 100,000 people, computed at build time from a case's figures: {@code count / population ×
 * 100,000}, rounded half up to one decimal place. Whether its two inputs are comparable in time, and the notes
 * their source attaches to them, are part of the value, so no page or file can show the rate without them.
 *
 * @param item        the counted item (inpatients, beds)
 * @param count       the count
 * @param countAsOf   the count's as-of date, null when not stated
 * @param population  the population
 * @param populationAsOf the population's as-of date, null when not stated
 * @param value       the rate, one decimal place
 * @param dates       how the inputs' dates relate
 * @param noted       the inputs whose source carries a note ("including dementia beds"), count first: a rate
 *                    of such a figure may not count what the other cases' rates count, so it travels with
 *                    the rate wherever the rate is shown
 */
public record Rate(
        String item,
        long count,
        LocalDate countAsOf,
        long population,
        LocalDate populationAsOf,
        BigDecimal value,
        Dates dates,
        List<CaseFigures.Figure> noted) {

    /** The items a rate is computed for, in page order. */
    public static final List<String> ITEMS = List.of("inpatients", "beds");

    /** How the as-of dates of a rate's two inputs relate. */
    public enum Dates {
        /** both stated, in the same calendar year */
        SAME_YEAR("same-year"),
        /** both stated, in different years: the rate mixes years */
        DIFFERENT_YEARS("different-years"),
        /** one or both not stated in the source: comparability cannot be confirmed */
        NOT_STATED("not-stated");

        public final String code;

        Dates(String code) {
            this.code = code;
        }
    }

    /** The rate of {@code item} for a case, or null when the case lacks the count or a positive population. */
    public static Rate of(CaseFigures c, String item) {
        CaseFigures.Figure n = c.figure(item);
        CaseFigures.Figure pop = c.figure("population");
        if (n == null || pop == null || pop.value() <= 0) {
            return null;
        }
        BigDecimal v = BigDecimal.valueOf(n.value())
                .multiply(BigDecimal.valueOf(100_000))
                .divide(BigDecimal.valueOf(pop.value()), 1, RoundingMode.HALF_UP);
        Dates dates = n.asOf() == null || pop.asOf() == null
                ? Dates.NOT_STATED
                : n.asOf().getYear() == pop.asOf().getYear() ? Dates.SAME_YEAR : Dates.DIFFERENT_YEARS;
        List<CaseFigures.Figure> noted =
                Stream.of(n, pop).filter(CaseFigures.Figure::hasNote).toList();
        return new Rate(item, n.value(), n.asOf(), pop.value(), pop.asOf(), v, dates, noted);
    }

    /** The rate as data writes it: 118.5 (a plain decimal, never an exponent). */
    public String plain() {
        return value.toPlainString();
    }
}
