package casebook.pipeline;

import java.nio.file.Path;

/**
 * What to build and how.
 *
 * @param content   the content folder
 * @param out       the output folder (replaced atomically on success)
 * @param themes    the folder holding themes
 * @param theme     the theme name; null takes site.yaml's
 * @param baseUrl   absolute URL the site is published at (for canonical links and the sitemap); may be null
 * @param drafts    include pages with {@code draft: true}
 * @param strict    warnings fail the build too
 * @param write     publish to {@code out} (false for {@code check})
 * @param threads   worker threads for independent work; 1 gives the single-threaded reference build
 * @param bundle    also write the portal bundle {@code <out>.zip} beside the output folder ({@code build --bundle})
 * @param pdf       whether to make the PDF booklets, and with which font
 * @param preview   {@code serve}: nothing is published, so placeholders left from a scaffold ({@code TODO(…)}) are
 *                  warnings, as with {@code --drafts}, while pages with {@code draft: true} stay out unless --drafts
 */
public record BuildOptions(
        Path content,
        Path out,
        Path themes,
        String theme,
        String baseUrl,
        boolean drafts,
        boolean strict,
        boolean write,
        int threads,
        boolean bundle,
        Pdf pdf,
        boolean preview) {

    /**
     * The PDF booklets ({@code site/<lang>/<name>.pdf}).
     *
     * @param wanted true: make them ({@code --pdf}); false: do not ({@code --no-pdf}, and {@code serve} unless asked);
     *               null: as site.yaml's {@code pdf:} says
     * @param font   the TrueType font file ({@code --pdf-font}), or null to look for one on the system
     */
    public record Pdf(Boolean wanted, Path font) {
        public static final Pdf AS_SITE_SAYS = new Pdf(null, null);
    }

    public static BuildOptions defaults() {
        return new BuildOptions(
                Path.of("content"),
                Path.of("site"),
                Path.of("themes"),
                null,
                null,
                false,
                false,
                true,
                Runtime.getRuntime().availableProcessors(),
                false,
                Pdf.AS_SITE_SAYS,
                false);
    }

    public BuildOptions withContent(Path p) {
        return new BuildOptions(p, out, themes, theme, baseUrl, drafts, strict, write, threads, bundle, pdf, preview);
    }

    public BuildOptions withOut(Path p) {
        return new BuildOptions(
                content, p, themes, theme, baseUrl, drafts, strict, write, threads, bundle, pdf, preview);
    }

    public BuildOptions withThemes(Path p) {
        return new BuildOptions(content, out, p, theme, baseUrl, drafts, strict, write, threads, bundle, pdf, preview);
    }

    public BuildOptions withTheme(String t) {
        return new BuildOptions(content, out, themes, t, baseUrl, drafts, strict, write, threads, bundle, pdf, preview);
    }

    public BuildOptions withBaseUrl(String u) {
        return new BuildOptions(content, out, themes, theme, u, drafts, strict, write, threads, bundle, pdf, preview);
    }

    public BuildOptions withDrafts(boolean b) {
        return new BuildOptions(content, out, themes, theme, baseUrl, b, strict, write, threads, bundle, pdf, preview);
    }

    public BuildOptions withStrict(boolean b) {
        return new BuildOptions(content, out, themes, theme, baseUrl, drafts, b, write, threads, bundle, pdf, preview);
    }

    public BuildOptions withWrite(boolean b) {
        return new BuildOptions(content, out, themes, theme, baseUrl, drafts, strict, b, threads, bundle, pdf, preview);
    }

    public BuildOptions withThreads(int n) {
        return new BuildOptions(content, out, themes, theme, baseUrl, drafts, strict, write, n, bundle, pdf, preview);
    }

    public BuildOptions withBundle(boolean b) {
        return new BuildOptions(content, out, themes, theme, baseUrl, drafts, strict, write, threads, b, pdf, preview);
    }

    public BuildOptions withPdf(Pdf p) {
        return new BuildOptions(
                content, out, themes, theme, baseUrl, drafts, strict, write, threads, bundle, p, preview);
    }

    public BuildOptions withPreview(boolean b) {
        return new BuildOptions(content, out, themes, theme, baseUrl, drafts, strict, write, threads, bundle, pdf, b);
    }
}
