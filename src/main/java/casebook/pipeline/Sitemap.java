package casebook.pipeline;

import casebook.site.Site;
import casebook.text.HtmlText;
import casebook.text.Urls;

/**
 * sitemap.xml: every page in every language, each with its language alternates (xhtml:link), as
 * search engines expect for multilingual sites. The protocol allows only absolute URLs, so it is written
 * only when a base URL is configured ({@code base_url} in site.yaml or {@code --base-url}); without one the
 * listings stage writes no sitemap and notes why.
 */
final class Sitemap {
    private Sitemap() {}

    static String xml(Site site, String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        StringBuilder out = new StringBuilder(256 + site.order().size() * 400);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append(
                        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        for (String lang : site.config().languages()) {
            url(out, Urls.absolute(base, Urls.languageTop(lang)), site, "", base);
        }
        for (String slug : site.order()) {
            for (String lang : site.config().languages()) {
                if (site.page(lang, slug) != null) {
                    url(out, Urls.absolute(base, Urls.page(lang, slug)), site, slug, base);
                }
            }
        }
        out.append("</urlset>\n");
        return out.toString();
    }

    private static void url(StringBuilder out, String loc, Site site, String slug, String base) {
        out.append("  <url>\n    <loc>").append(HtmlText.escape(loc)).append("</loc>\n");
        for (String lang : site.config().languages()) {
            if (!slug.isEmpty() && site.page(lang, slug) == null) {
                continue;
            }
            out.append("    <xhtml:link rel=\"alternate\" hreflang=\"")
                    .append(lang)
                    .append("\" href=\"")
                    .append(HtmlText.escape(Urls.absolute(base, Urls.page(lang, slug))))
                    .append("\"/>\n");
        }
        String def = site.config().defaultLanguage();
        // x-default is the original; a page that exists only in another language points at that one
        if (!slug.isEmpty() && site.page(def, slug) == null) {
            for (String lang : site.config().languages()) {
                if (site.page(lang, slug) != null) {
                    def = lang;
                    break;
                }
            }
        }
        out.append("    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"")
                .append(HtmlText.escape(Urls.absolute(base, Urls.page(def, slug))))
                .append("\"/>\n");
        out.append("  </url>\n");
    }
}
