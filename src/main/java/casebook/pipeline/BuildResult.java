package casebook.pipeline;

import casebook.diag.Diagnostics;
import casebook.output.OutputTree;
import casebook.site.Site;

/** The outcome of a build: the diagnostics, the output tree (null when the build stopped early), the site and timings. */
public record BuildResult(
        Diagnostics diagnostics, OutputTree output, Site site, long millis, int pages, boolean published) {

    public boolean failed(boolean strict) {
        return diagnostics.hasErrors() || strict && diagnostics.warningCount() > 0;
    }
}
