package casebook.pipeline;

import casebook.diag.Diagnostics;
import casebook.markdown.LinkUse;
import casebook.output.OutputTree;
import casebook.site.Page;
import casebook.site.Site;
import casebook.text.LinkTargets;
import casebook.text.Urls;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which files of the content folder other than pages and data (images, PDFs) are published, and where.
 * A file is published only when a published page links to it (a Markdown link or image, or a raw HTML
 * {@code href}/{@code src}), at the path that link resolves to: {@code ![](chart.png)} in
 * {@code saitama/index.en.md} publishes {@code content/saitama/chart.png} as {@code en/saitama/chart.png},
 * so a file is published in each language whose page links to it, and only there. Links from draft pages
 * do not count (the pages are not published). Only the types in {@link #PUBLISHED_TYPES}, up to
 * {@link #MAX_BYTES}, are ever copied: HTML, SVG, scripts and stylesheets from the content would reach
 * readers without going through the page sanitiser. Every other file is reported, never copied:
 * <ul>
 * <li>a file whose name is that of a generated file ({@code foreword/index.html}, {@code 404.html}) is an
 *     error: it would replace, or pass for, casebook's own page;</li>
 * <li>a linked file of a type that is not published, or over the size limit, is an error;</li>
 * <li>a file nobody links to is a warning "not published: … (no page links to it)".</li>
 * </ul>
 * A linked PDF is published only when {@link PublishedPdf} finds nothing in it that runs (scripts, actions other
 * than links, attachments, forms); otherwise it is an error at the link.
 */
final class ContentFiles {
    private ContentFiles() {}

    /** The largest file published from the content (100 MiB): a larger one is an error, checked before reading. */
    static final long MAX_BYTES = 100L * 1024 * 1024;

    /** File types (lower-case extensions) published when a page links to them; documented in the content guide. */
    static final Set<String> PUBLISHED_TYPES = Set.of(
            "png", "jpg", "jpeg", "gif", "webp", "avif", // pictures
            "pdf", "csv", "txt", // documents and data
            "docx", "xlsx", "pptx", "odt", "ods", "odp"); // office documents

    /** Types a browser runs or renders as a page: never copied from the content, whoever links them. */
    private static final Set<String> ACTIVE_TYPES = Set.of(
            "html",
            "htm",
            "xhtml",
            "xht",
            "shtml",
            "svg",
            "svgz",
            "xml",
            "xsl",
            "xslt",
            "js",
            "mjs",
            "cjs",
            "css",
            "wasm",
            "swf",
            "php",
            "jsp",
            "asp",
            "aspx",
            "cgi",
            "htaccess");

    /** Where a content file is linked from: the output paths the links resolve to, and the first link. */
    private record Linked(Set<String> targets, Page page, LinkUse link) {}

    /**
     * Publishes the content files pages link to into {@code out} and reports every other one. Call it
     * once every page and listing is in {@code out} (their paths are the generated files).
     *
     * @param root   the content folder (absolute)
     * @param assets the files of the content that are neither pages nor data, relative to {@code root}
     * @param cwd    diagnostics name files relative to this folder
     * @return the output paths of linked files refused with an error (its message names the file and why), so the
     *     link check does not report the links to them a second time as links to nothing
     */
    static Set<String> publish(Path root, List<Path> assets, Site site, OutputTree out, Path cwd, Diagnostics d) {
        Set<String> refused = new TreeSet<>();
        if (assets.isEmpty()) {
            return refused;
        }
        Set<String> generated = Set.copyOf(out.paths());
        Map<String, Linked> linked = linked(site);
        for (Path rel : assets) {
            String name = rel.toString().replace('\\', '/');
            Path file = root.resolve(rel);
            Path display = display(file, cwd);
            List<String> clashes = new ArrayList<>();
            if (generated.contains(name)) {
                clashes.add(name);
            }
            for (String lang : site.config().languages()) {
                if (generated.contains(Urls.ofLanguage(lang, name))) {
                    clashes.add(Urls.ofLanguage(lang, name));
                }
            }
            if (!clashes.isEmpty()) {
                d.error(
                        display,
                        1,
                        1,
                        display + " has the path of a file casebook generates (" + String.join(", ", clashes)
                                + "); it would replace that page or pass for it, so it is not published",
                        "remove it; a page is written as index.<lang>.md in its own folder");
                continue;
            }
            String type = type(name);
            Linked by = linked.get(name);
            boolean active = ACTIVE_TYPES.contains(type);
            if (!PUBLISHED_TYPES.contains(type)) {
                String why = active
                        ? "HTML, SVG, scripts and stylesheets are never copied from the content"
                        : (type.isEmpty() ? "files without an extension" : "files of type ." + type)
                                + " are not published";
                String fix = active
                        ? "write the page in Markdown; for a picture use PNG, JPEG, GIF, WebP or AVIF"
                        : "publish it as one of " + String.join(", ", new TreeSet<>(PUBLISHED_TYPES))
                                + ", or link to where it is hosted";
                if (by == null) {
                    d.warning(
                            display,
                            1,
                            1,
                            "not published: " + display + " (" + (active ? why : "no page links to it") + ")",
                            active ? fix : "move it out of the content folder");
                } else {
                    d.error(
                            display,
                            1,
                            1,
                            display + " is linked from " + by.page().display() + ":"
                                    + by.link().line() + " but not published: " + why,
                            fix);
                    refused.addAll(by.targets());
                }
                continue;
            }
            if (by == null) {
                String caseTwin = linked.keySet().stream()
                        .filter(k -> k.equalsIgnoreCase(name) && !k.equals(name))
                        .findFirst()
                        .orElse(null);
                if (caseTwin != null) {
                    Linked twin = linked.get(caseTwin);
                    String other = caseTwin.substring(caseTwin.lastIndexOf('/') + 1);
                    d.warning(
                            display,
                            1,
                            1,
                            "not published: " + display + " (" + twin.page().display() + ":"
                                    + twin.link().line() + " links to \"" + other
                                    + "\", which differs from this file's name only in upper and lower case)",
                            "write the name the same way in the link and on the disk: web servers treat "
                                    + name.substring(name.lastIndexOf('/') + 1) + " and " + other
                                    + " as different files");
                    continue;
                }
                d.warning(
                        display,
                        1,
                        1,
                        "not published: " + display + " (no page links to it)",
                        "link it from a page (links from draft pages do not count), or move it out of the content folder");
                continue;
            }
            try {
                long size = Files.size(file);
                if (size > MAX_BYTES) {
                    d.error(
                            display,
                            1,
                            1,
                            display + " is " + megabytes(size) + "; files over " + megabytes(MAX_BYTES)
                                    + " are not published",
                            "make it smaller (compress the PDF, scale the picture down) or link to"
                                    + " where it is hosted");
                    refused.addAll(by.targets());
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                if ("pdf".equals(type) && !PublishedPdf.allows(display, bytes, by.page(), by.link(), d)) {
                    refused.addAll(by.targets());
                    continue;
                }
                for (String target : by.targets()) {
                    out.put(target, bytes);
                }
            } catch (IOException | OutOfMemoryError e) {
                d.error(display, 1, 1, "cannot read file: " + e.getMessage(), null);
                refused.addAll(by.targets());
            }
        }
        return refused;
    }

    /** Each content file (path relative to the content folder) that published pages link to. */
    private static Map<String, Linked> linked(Site site) {
        Set<String> languages = Set.copyOf(site.config().languages());
        Map<String, Linked> linked = new TreeMap<>();
        List<Page> pages = new ArrayList<>(site.homes().values());
        for (Map<String, Page> byLang : site.pages().values()) {
            pages.addAll(byLang.values());
        }
        for (Page p : pages) {
            if (p.rendered() == null) {
                continue;
            }
            for (LinkUse link : p.rendered().links()) {
                String target = fileTarget(p, link.url());
                if (target == null) {
                    continue;
                }
                int slash = target.indexOf('/');
                if (slash < 0 || !languages.contains(target.substring(0, slash))) {
                    continue;
                }
                String name = target.substring(slash + 1);
                Linked l = linked.computeIfAbsent(name, k -> new Linked(new TreeSet<>(), p, link));
                l.targets().add(target);
            }
        }
        return linked;
    }

    /**
     * The output path a page's link names when it names a file rather than a folder, resolved the way
     * {@link LinkTargets#resolve} resolves it; null otherwise.
     */
    static String fileTarget(Page page, String url) {
        if (!LinkTargets.isInternal(url) || url.startsWith("/") || url.startsWith("#")) {
            return null;
        }
        String path;
        try {
            path = new URI(url).getPath();
        } catch (URISyntaxException e) {
            return null; // the link check reports it
        }
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            return null;
        }
        String target = LinkTargets.resolve(page.path(), path);
        if (target == null || target.isEmpty() || target.endsWith("/")) {
            return null;
        }
        return target;
    }

    private static String type(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot <= 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String megabytes(long bytes) {
        if (bytes >= 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024)).replace(".0 MiB", " MiB");
    }

    static Path display(Path file, Path cwd) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
    }
}
