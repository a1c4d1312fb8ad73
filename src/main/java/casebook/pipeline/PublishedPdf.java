package casebook.pipeline;

import casebook.diag.Diagnostics;
import casebook.markdown.LinkUse;
import casebook.safety.PdfPolicy;
import casebook.site.Page;
import java.nio.file.Path;

/**
 * The check {@link ContentFiles} runs on a PDF it would publish ({@link PdfPolicy}): a PDF that holds
 * scripts, actions other than links, attachments or forms, or that is encrypted or unreadable, is an error at
 * the link that asks for it, and is not published.
 */
final class PublishedPdf {
    private PublishedPdf() {}

    /**
     * Whether {@code bytes}, the PDF {@code display} that {@code page} links to at {@code link}, may be published;
     * when not, reports why at the link.
     */
    static boolean allows(Path display, byte[] bytes, Page page, LinkUse link, Diagnostics d) {
        PdfPolicy.Verdict v = PdfPolicy.check(bytes);
        if (v.publishable()) {
            return true;
        }
        String what = link.kind() + " \"" + link.url() + "\": the PDF " + display + " is not published: ";
        if (v.problem() != null) {
            d.error(page.display(), link.line(), link.column(), what + v.problem(), v.hint());
        } else {
            d.error(
                    page.display(),
                    link.line(),
                    link.column(),
                    what + "it holds " + v.foundList() + "; " + PdfPolicy.RULE,
                    PdfPolicy.HINT);
        }
        return false;
    }
}
