package casebook.check;

import casebook.diag.Diagnostics;
import casebook.diag.Suggestions;
import casebook.markdown.LinkUse;
import casebook.safety.UrlPolicy;
import casebook.site.Page;
import casebook.text.LinkTargets;
import casebook.text.Urls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Stage 5: every internal link and anchor an editor wrote must resolve in the output. It works on the
 * model (each output file's ids are known from rendering), not by re-parsing the HTML, so it stays
 * linear in the number of links. A broken link is reported at its Markdown line and column; links
 * written in raw HTML ({@code href} and {@code src} attributes) are collected and checked the same way.
 * Root-relative links ({@code /ja/...}) are errors: they break when the site is hosted under a sub-path.
 * Every link first passes the {@link UrlPolicy} allowlist (http, https, mailto, tel, relative); any other
 * scheme ({@code javascript:}, {@code data:}, …) is an error here, and the renderer has already left the
 * link out of the page.
 */
public final class LinkChecker {
    private final Set<String> files;
    private final Function<String, Set<String>> idsByFile;

    /**
     * @param files     every output path (relative, forward slashes)
     * @param idsByFile the element ids of each HTML output page whose ids are known
     */
    public LinkChecker(Set<String> files, Map<String, Set<String>> idsByFile) {
        this(files, idsByFile::get);
    }

    /** @param idsByFile the element ids of an HTML output page, or null when they are not known */
    public LinkChecker(Set<String> files, Function<String, Set<String>> idsByFile) {
        this.files = files;
        this.idsByFile = idsByFile;
    }

    public void check(Page page, Diagnostics d) {
        for (LinkUse link : page.rendered().links()) {
            check(page, link, d);
        }
    }

    private void check(Page page, LinkUse link, Diagnostics d) {
        String url = link.url();
        if (!UrlPolicy.allows(url)) {
            d.error(
                    page.display(),
                    link.line(),
                    link.column(),
                    UrlPolicy.message("link target", url),
                    UrlPolicy.HINT + "; the page never carries it");
            return;
        }
        if (!LinkTargets.isInternal(url)) {
            return;
        } // http, https, mailto, tel, or another site's //host/
        if (url.startsWith("/")) {
            d.error(
                    page.display(),
                    link.line(),
                    link.column(),
                    link.kind() + " \"" + url + "\" starts with /, which breaks when the site is"
                            + " hosted under a sub-path",
                    "write it relative to this page: " + relativeForm(page.path(), page.lang(), url));
            return;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            d.error(
                    page.display(),
                    link.line(),
                    link.column(),
                    link.kind() + " \"" + url + "\" is not a valid URL",
                    "encode spaces as %20");
            return;
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String target;
        if (path.isEmpty()) {
            target = page.path();
        } else {
            target = resolve(page.path(), path);
            if (target == null) {
                d.error(
                        page.display(),
                        link.line(),
                        link.column(),
                        link.kind() + " \"" + url + "\" points outside the site",
                        null);
                return;
            }
            if (target.endsWith("/") || target.isEmpty()) {
                target += Urls.INDEX;
            }
            if (!files.contains(target) && files.contains(target + "/" + Urls.INDEX)) {
                target += "/" + Urls.INDEX;
            }
            if (!files.contains(target)) {
                String name = target.substring(target.lastIndexOf('/') + 1);
                boolean file = link.image() || name.contains(".") && !name.endsWith(".html");
                d.error(
                        page.display(),
                        link.line(),
                        link.column(),
                        link.kind() + " \"" + url + "\" does not resolve: no " + (file ? "file" : "page or file") + " "
                                + target + " in the published site",
                        missingHint(page, uri, target, name, file));
                return;
            }
        }
        String fragment = uri.getFragment();
        if (fragment != null && !fragment.isEmpty()) {
            Set<String> ids = idsByFile.apply(target);
            if (ids != null && !ids.contains(fragment)) {
                d.error(
                        page.display(),
                        link.line(),
                        link.column(),
                        "anchor \"#" + fragment + "\" does not exist in " + target,
                        anchorHint(fragment, ids));
            }
        }
    }

    /**
     * The fix for a link that resolves to nothing: a page's Markdown source linked instead of its folder, and a
     * page link whose slug is mistyped or whose {@code ../} is missing, get the link as it should be written.
     */
    private String missingHint(Page page, URI uri, String target, String name, boolean file) {
        String fragment = uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment();
        String folder = target.contains("/") ? target.substring(0, target.lastIndexOf('/') + 1) : "";
        if (name.endsWith(".md")) {
            String as = files.contains(folder + Urls.INDEX) ? Urls.relativeLink(page.path(), folder) + fragment : null;
            return "link a page by its folder, not by its Markdown file"
                    + (as != null ? ": " + as : " (../<slug>/ for another page)");
        }
        if (file) {
            return "put " + name
                    + " in the folder of the page that links to it (files beside index.<lang>.md are"
                    + " published with the page), or correct the name and the number of ../";
        }
        String general =
                "check the slug and the number of ../ (a page's own folder is ./, its siblings are ../<slug>/)";
        String wanted = target.endsWith("/" + Urls.INDEX)
                ? target.substring(0, target.length() - Urls.INDEX.length() - 1)
                : target;
        wanted = wanted.substring(wanted.lastIndexOf('/') + 1);
        String prefix = page.lang() + "/";
        List<String> slugs = new ArrayList<>();
        for (String f : files) {
            if (f.startsWith(prefix)
                    && f.endsWith("/" + Urls.INDEX)
                    && f.length() > prefix.length() + Urls.INDEX.length() + 1) {
                String rest = f.substring(prefix.length(), f.length() - Urls.INDEX.length() - 1);
                if (!rest.isEmpty() && !rest.contains("/")) {
                    slugs.add(rest);
                }
            }
        }
        String near = wanted.isEmpty() ? null : Suggestions.closest(wanted, new TreeSet<>(slugs));
        if (near == null) {
            return general;
        }
        return "did you mean " + Urls.relativeLink(page.path(), prefix + near + "/") + fragment + " (the page " + near
                + ")? otherwise " + general;
    }

    /** The fix for a missing anchor: the nearest id of the target page first, when one is near. */
    static String anchorHint(String fragment, Set<String> ids) {
        String near = Suggestions.closest(fragment, new TreeSet<>(ids));
        String general = "use one of the heading ids of that page (see its {#id}s)";
        return near == null ? general : "did you mean \"#" + near + "\"? otherwise " + general;
    }

    /**
     * A link written from the site's root, as it is written relative to the page at {@code from} in {@code lang}:
     * "/hasuda/" (from the content folder) and "/ja/hasuda/" (from the published site) are both "../hasuda/" on
     * ja/saitama/index.html.
     */
    String relativeForm(String from, String lang, String url) {
        int cut = url.length();
        for (char c : new char[] {'?', '#'}) {
            int i = url.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        String path = url.substring(1, cut);
        String first = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        if (!first.isEmpty() && !files.contains(first + "/" + Urls.INDEX)) {
            path = lang + "/" + path; // from the content folder: in the page's language
        } else if (first.isEmpty()) {
            path = lang + "/";
        }
        List<String> to = new ArrayList<>();
        for (String seg : path.split("/")) {
            if (!seg.isEmpty()) {
                to.add(seg);
            }
        }
        String target = String.join("/", to) + (path.endsWith("/") ? "/" : "");
        return Urls.relativeLink(from, target) + url.substring(cut);
    }

    /** Resolves {@code rel} against the folder of {@code from}; null if it climbs above the root ({@link LinkTargets#resolve}). */
    public static String resolve(String from, String rel) {
        return LinkTargets.resolve(from, rel);
    }
}
