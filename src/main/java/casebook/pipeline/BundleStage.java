package casebook.pipeline;

import casebook.diag.Diagnostics;
import casebook.publish.Bundle;
import casebook.publish.PageWeights;
import casebook.text.Formats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The bundle stage of {@code build --bundle}: after the site is published, {@link Bundle} writes
 * {@code <out>.zip} beside it with the site, {@code SHA256SUMS} and the page-weight report
 * ({@code PAGE-WEIGHT.txt}); every entry is dated the collection's {@code published} month (else 1 January
 * 1980, the zip format's first day). Before anything is built, {@link #refused} turns away a zip casebook
 * did not make.
 */
final class BundleStage {
    private BundleStage() {}

    /** Whether the build must stop because {@code <out>.zip} exists and is not casebook's (reported). */
    static boolean refused(BuildOptions options, Diagnostics d) {
        if (!options.write() || !options.bundle()) {
            return false;
        }
        Path zip = Bundle.pathFor(options.out());
        String why = Bundle.refusal(zip);
        if (why == null) {
            return false;
        }
        d.error(zip, 1, 1, why + Bundle.RULE, Bundle.fix(zip));
        return true;
    }

    /** Writes the bundle of the published folder; a failure is reported and leaves any previous zip as it was. */
    static void write(
            BuildOptions options, String published, List<PageWeights.Weight> weights, long budgetKb, Diagnostics d) {
        Path zip = Bundle.pathFor(options.out());
        LocalDate date = Formats.parseDate(published);
        LocalDateTime time =
                date == null || date.getYear() < 1980 ? LocalDateTime.of(1980, 1, 1, 0, 0) : date.atStartOfDay();
        try {
            Bundle.write(
                    options.out(),
                    zip,
                    Map.of(
                            "PAGE-WEIGHT.txt",
                            PageWeights.report(weights, budgetKb).getBytes(StandardCharsets.UTF_8)),
                    time);
        } catch (IOException | RuntimeException e) {
            d.error(
                    zip,
                    1,
                    1,
                    "cannot write the bundle: " + e.getMessage(),
                    "check that the folder holding --out can be written to");
        }
    }
}
