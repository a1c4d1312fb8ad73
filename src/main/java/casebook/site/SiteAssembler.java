package casebook.site;

import casebook.diag.Diagnostics;
import casebook.diag.Suggestions;
import casebook.frontmatter.FrontMatter;
import casebook.frontmatter.PageMeta;
import casebook.frontmatter.SiteConfig;
import casebook.frontmatter.YamlNode;
import casebook.frontmatter.YamlReader;
import casebook.source.ContentTree;
import casebook.source.SourceFile;
import casebook.text.Urls;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Stage 2: reads every page's front matter and data file, then assembles the site: the reading
 * order (site.yaml's {@code order} first, then other pages by their front matter {@code order} and
 * slug), each language's pages, the glossary. Reports: YAML errors, missing titles, unknown keys,
 * invalid or clashing slugs, duplicate orders, slugs in site.yaml with no page, placeholders left from
 * the scaffolds ({@link Placeholders}). Pages are returned
 * unrendered; rendering is stage 3.
 */
public final class SiteAssembler {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*");

    private final boolean drafts;
    /** Placeholders are warnings: with --drafts, and in serve's preview, which publishes nothing. */
    private final boolean placeholderWarnings;

    private final Reader reader;

    /**
     * How the stage reads a YAML file and a page file. {@link #DIRECT} parses them; {@code serve} passes a memo
     * of the same two functions keyed by the files' text, so this stage runs the same code either way.
     */
    public interface Reader {
        /** A YAML file (site.yaml, a data file, the glossary); null after reporting why not. */
        YamlNode yaml(SourceFile file, Diagnostics d);

        /** A page file's front matter and body, with its page's data; null after reporting why not. */
        Page page(String slug, String lang, SourceFile file, YamlNode data, SourceFile dataFile, Diagnostics d);

        Reader DIRECT = new Reader() {
            @Override
            public YamlNode yaml(SourceFile file, Diagnostics d) {
                return YamlReader.read(file.text(), file.display(), 0, d);
            }

            @Override
            public Page page(
                    String slug, String lang, SourceFile file, YamlNode data, SourceFile dataFile, Diagnostics d) {
                return load(slug, lang, file, data, dataFile, d);
            }
        };
    }

    public SiteAssembler(boolean drafts) {
        this(drafts, Reader.DIRECT);
    }

    public SiteAssembler(boolean drafts, Reader reader) {
        this(drafts, drafts, reader);
    }

    public SiteAssembler(boolean drafts, boolean placeholderWarnings, Reader reader) {
        this.drafts = drafts;
        this.placeholderWarnings = drafts || placeholderWarnings;
        this.reader = reader;
    }

    public Site assemble(ContentTree tree, Diagnostics d) {
        SiteConfig config;
        if (tree.siteConfig() == null) {
            d.error(
                    tree.root().resolve("site.yaml"),
                    1,
                    1,
                    "content folder has no site.yaml",
                    "create content/site.yaml with at least a title (see docs/content-guide.md)");
            return null;
        }
        YamlNode siteYaml = reader.yaml(tree.siteConfig(), d);
        if (siteYaml == null) {
            return null;
        }
        config = SiteConfig.from(siteYaml, tree.siteConfig().display(), d);

        Map<String, YamlNode> data = new HashMap<>();
        for (Map.Entry<String, SourceFile> e : tree.dataFiles().entrySet()) {
            YamlNode n = reader.yaml(e.getValue(), d);
            if (n != null) {
                data.put(e.getKey(), n);
            }
        }

        Map<String, Map<String, Page>> pages = new LinkedHashMap<>();
        for (String lang : config.languages()) {
            pages.put(lang, new TreeMap<>());
        }
        Map<String, Page> homes = new LinkedHashMap<>();
        Map<String, String> lowerSlugs = new HashMap<>();
        Map<String, Integer> frontOrder = new HashMap<>();
        Set<String> withPages = new HashSet<>();
        Set<Path> unloaded = new HashSet<>();
        Map<String, LeftOut> leftOut = new HashMap<>();
        for (Map.Entry<String, Map<String, SourceFile>> e : tree.pages().entrySet()) {
            String slug = e.getKey();
            if (!slug.isEmpty()) {
                SourceFile any = e.getValue().values().iterator().next();
                if (!SLUG.matcher(slug).matches()) {
                    d.error(
                            any.display(),
                            1,
                            1,
                            "folder name \"" + slug + "\" is not a valid slug",
                            "rename the folder using lowercase ASCII letters, digits and hyphens (e.g. "
                                    + suggestSlug(slug) + ")");
                    continue;
                }
                String generated = Urls.generatedPageIn(slug);
                if (generated != null) {
                    String folder = slug.contains("/") ? slug.substring(0, slug.indexOf('/')) : slug;
                    d.error(
                            any.display(),
                            1,
                            1,
                            "the page folder \"" + folder + "\" is taken by the site's " + generated,
                            "rename the folder content/" + folder + "/ and its entry in site.yaml's order");
                    continue;
                }
                String clash = lowerSlugs.putIfAbsent(slug.toLowerCase(Locale.ROOT), slug);
                if (clash != null) {
                    d.error(
                            any.display(),
                            1,
                            1,
                            "slug \"" + slug + "\" clashes with \"" + clash + "\"",
                            "rename one of the two folders");
                    continue;
                }
            }
            for (Map.Entry<String, SourceFile> f : e.getValue().entrySet()) {
                String lang = f.getKey();
                SourceFile sf = f.getValue();
                if (!config.languages().contains(lang)) {
                    d.warning(
                            sf.display(),
                            1,
                            1,
                            "language \"" + lang + "\" is not listed in site.yaml's languages; file ignored",
                            "add it to languages in site.yaml, or rename the file");
                    continue;
                }
                Page page = reader.page(
                        slug, lang, sf, data.get(slug), tree.dataFiles().get(slug), d);
                if (page != null) {
                    checkGroup(page, config, d);
                } else {
                    unloaded.add(sf.display());
                    leftOut.putIfAbsent(slug, LeftOut.FAILED);
                }
                if (page == null || page.meta().draft() && !drafts) {
                    if (page != null) {
                        leftOut.putIfAbsent(slug, LeftOut.DRAFT);
                    }
                    continue;
                }
                Placeholders.scan(sf.display(), sf.text(), lang, config.defaultLanguage(), placeholderWarnings, d);
                withPages.add(slug);
                if (slug.isEmpty()) {
                    homes.put(lang, page);
                } else {
                    pages.get(lang).put(slug, page);
                    if (page.meta().order() != null) {
                        frontOrder.merge(slug, page.meta().order(), Math::min);
                    }
                }
            }
        }
        for (Map.Entry<String, SourceFile> e : tree.dataFiles().entrySet()) {
            // the data of a page that is published (not a draft left out)
            if (withPages.contains(e.getKey())) {
                Placeholders.scan(e.getValue().display(), e.getValue().text(), null, null, placeholderWarnings, d);
                DataDates.check(data.get(e.getKey()), e.getValue().display(), config, d);
            }
        }
        List<String> order = readingOrder(config, pages, frontOrder, leftOut, d);
        for (Map.Entry<String, Map<String, Page>> e : pages.entrySet()) {
            e.setValue(Site.bySlug(e.getValue()));
        }
        Glossary glossary = Glossary.EMPTY;
        if (tree.glossary() != null) {
            YamlNode g = reader.yaml(tree.glossary(), d);
            if (g != null) {
                glossary = Glossary.from(g, tree.glossary().display(), config.languages(), d);
                GlossaryUse.check(g, glossary, pages, homes, tree.glossary().display(), d);
            }
        }
        return new Site(config, order, pages, homes, glossary, unloaded);
    }

    /** A group the site does not define drops the page out of its group in the navigation: say so. */
    private static void checkGroup(Page page, SiteConfig config, Diagnostics d) {
        String group = page.meta().group();
        if (group == null || config.groups().containsKey(group) || Site.ABOUT.equals(group)) {
            return;
        }
        List<String> known = new ArrayList<>(config.groups().keySet());
        known.add(Site.ABOUT);
        String s = Suggestions.closest(group, known);
        d.warning(
                page.display(),
                page.meta().groupLine(),
                1,
                "group \"" + group + "\" is not defined in site.yaml's groups"
                        + (s != null ? "; did you mean \"" + s + "\"?" : ""),
                "use one of " + String.join(", ", known) + ", or add \"" + group + "\" under groups in site.yaml");
    }

    private static String suggestSlug(String slug) {
        String s = slug.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9/]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "case-4" : s;
    }

    private static Page load(
            String slug, String lang, SourceFile sf, YamlNode data, SourceFile dataFile, Diagnostics d) {
        FrontMatter fm = FrontMatter.split(sf.text());
        if (fm == null) {
            d.error(
                    sf.display(),
                    1,
                    1,
                    sf.text().startsWith("---") ? "front matter is not closed" : "page has no front matter",
                    sf.text().startsWith("---")
                            ? "add a line holding only --- after the front matter"
                            : "start the file with ---, a line \"title: …\", and another ---");
            return null;
        }
        YamlNode node = YamlReader.read(fm.yaml(), sf.display(), fm.yamlStartLine() - 1, d);
        if (node == null) {
            return null;
        }
        PageMeta meta = PageMeta.from(node, sf.display(), fm.yamlStartLine(), d);
        if (meta == null) {
            return null;
        }
        return new Page(
                slug,
                lang,
                meta,
                sf.display(),
                fm.body(),
                fm.bodyStartLine(),
                data,
                dataFile == null ? null : dataFile.display(),
                null);
    }

    /** Why a page with files of its own is not in the site: its front matter failed (reported), or it is a draft. */
    private enum LeftOut {
        FAILED,
        DRAFT
    }

    private static List<String> readingOrder(
            SiteConfig config,
            Map<String, Map<String, Page>> pages,
            Map<String, Integer> frontOrder,
            Map<String, LeftOut> leftOut,
            Diagnostics d) {
        Set<String> all = new TreeSet<>();
        for (Map<String, Page> byLang : pages.values()) {
            all.addAll(byLang.keySet());
        }
        List<String> order = new ArrayList<>();
        for (String slug : config.order()) {
            if (!all.contains(slug) && leftOut.get(slug) == LeftOut.DRAFT) {
                d.note(
                        config.display(),
                        config.orderLines().get(slug),
                        1,
                        "order lists \"" + slug + "\", a draft (draft: true): left out of this build",
                        "build or serve with --drafts to include it");
                continue;
            }
            if (!all.contains(slug) && leftOut.get(slug) == LeftOut.FAILED) {
                continue; // its files exist: the error in its front matter was reported at the file
            }
            if (!all.contains(slug)) {
                d.error(
                        config.display(),
                        config.orderLines().get(slug),
                        1,
                        "order lists \"" + slug + "\", but there is no content/" + slug + "/index.<lang>.md",
                        orderHint(slug, all));
                continue;
            }
            order.add(slug);
        }
        Set<String> ordered = new HashSet<>(order);
        List<String> rest = new ArrayList<>();
        for (String s : all) {
            if (!ordered.contains(s)) {
                rest.add(s);
            }
        }
        if (!config.order().isEmpty()) {
            for (String s : rest) {
                Page p = firstPage(pages, s);
                d.warning(
                        p.display(),
                        1,
                        1,
                        "page \"" + s + "\" is not in site.yaml's order, so the table of contents lists it"
                                + " after the ordered pages",
                        "add \"- " + s + "\" to order in " + config.display());
            }
        }
        rest.sort(Comparator.comparing((String s) -> frontOrder.getOrDefault(s, Integer.MAX_VALUE))
                .thenComparing(s -> s));
        Map<Integer, String> seen = new HashMap<>();
        for (String s : rest) {
            Integer o = frontOrder.get(s);
            if (o == null) {
                continue;
            }
            String other = seen.putIfAbsent(o, s);
            if (other != null) {
                Page p = firstPage(pages, s);
                d.error(
                        p.display(),
                        p.meta().titleLine() + 1,
                        1,
                        "order " + o + " is also used by \"" + other + "\"",
                        "give each page its own order number");
            }
        }
        order.addAll(rest);
        return List.copyOf(order);
    }

    private static Page firstPage(Map<String, Map<String, Page>> pages, String slug) {
        for (Map<String, Page> m : pages.values()) {
            if (m.containsKey(slug)) {
                return m.get(slug);
            }
        }
        return null;
    }

    /** The fix for a slug in order with no page: the nearest page folder first, when one is near. */
    static String orderHint(String slug, Set<String> slugs) {
        String near = Suggestions.closest(slug, slugs);
        return near == null
                ? "create the page, or remove it from order"
                : "did you mean \"" + near + "\" (content/" + near + "/)? otherwise create the page, or remove it from"
                        + " order";
    }
}
