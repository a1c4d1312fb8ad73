package casebook.cli;

import casebook.diag.Diagnostics;
import casebook.frontmatter.SiteConfig;
import casebook.site.Glossary;
import casebook.site.Page;
import casebook.site.Site;
import casebook.text.Messages;
import casebook.theme.MessagesLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headings and block labels whose translation casebook already knows, so that {@code new translation} writes
 * them in the target language instead of a {@code TODO(translate)} placeholder. A heading is known:
 * <ol>
 * <li>from the pages already translated: a heading with the same {@code {#id}} and the same original text (its
 * number aside) on a page that has its translation, when every such page renders it the same way;</li>
 * <li>from the pages {@code new case} and {@code new page} write ({@link Scaffold}), by the same id and text;</li>
 * <li>from the theme's UI strings (取組のポイント → Key points) and the glossary's term pairs (保健所 → Public health
 * center), by the text alone.</li>
 * </ol>
 * A block's title and an info card's term are looked up by their text alone (sources 3). Where the sources disagree
 * the text is left to the translator: nothing is guessed.
 */
final class KnownHeadings {
    /** Knows nothing: every heading stays a placeholder. */
    static final KnownHeadings NONE = new KnownHeadings(false, Map.of(), Map.of(), Map.of());

    /** "1. ", "２．": the section number a heading may start with, kept as it is in the translation. */
    private static final Pattern NUMBER = Pattern.compile("([0-9０-９]{1,3}[.．]\\s*)(.+)");

    private static final Pattern HEADING = Pattern.compile("#{1,6}\\s+(.*?)\\s*\\{#([A-Za-z][A-Za-z0-9_-]*)\\}\\s*");

    /** The label {@code new case} gives a case in Japanese: 取組事例 and its number (circled or not). */
    private static final Pattern CASE_LABEL = Pattern.compile("取組事例([\u2460-\u2473]|[1-9][0-9]{0,2})");

    /** Japanese into English, the pair whose case labels {@code new case} writes. */
    private final boolean jaToEn;
    /** "id\n original text" → the translations seen on translated pages. */
    private final Map<String, Set<String>> pages;
    /** The same from the scaffolds' own pages. */
    private final Map<String, Set<String>> scaffolds;
    /** Original text → translation, from the theme's UI strings and the glossary. */
    private final Map<String, Set<String>> terms;

    private KnownHeadings(
            boolean jaToEn,
            Map<String, Set<String>> pages,
            Map<String, Set<String>> scaffolds,
            Map<String, Set<String>> terms) {
        this.jaToEn = jaToEn;
        this.pages = pages;
        this.scaffolds = scaffolds;
        this.terms = terms;
    }

    /**
     * What casebook knows of translating {@code from} into {@code to} in {@code site} (the pages, the glossary) and
     * in the UI strings of the theme in {@code themes} that the site uses.
     */
    static KnownHeadings of(Site site, String from, String to, Path themes, String themeOption) {
        Map<String, Set<String>> pages = new HashMap<>();
        Map<String, Set<String>> scaffolds = new HashMap<>();
        Map<String, Set<String>> terms = new HashMap<>();
        if (site != null) {
            Map<String, Page> originals = site.pages().getOrDefault(from, Map.of());
            Map<String, Page> translations = site.pages().getOrDefault(to, Map.of());
            for (Map.Entry<String, Page> e : originals.entrySet()) {
                Page t = translations.get(e.getKey());
                if (t != null) {
                    pair(e.getValue().body(), t.body(), pages);
                }
            }
            Page home = site.homes().get(from);
            Page homeTo = site.homes().get(to);
            if (home != null && homeTo != null) {
                pair(home.body(), homeTo.body(), pages);
            }
        }
        if (from.equals("ja") && to.equals("en")) {
            pair(Scaffold.CASE_JA, Scaffold.CASE_EN, scaffolds);
            pair(Scaffold.PAGE_JA, Scaffold.PAGE_EN, scaffolds);
        }
        Messages messages = site == null ? null : messages(site.config(), from, to, themes, themeOption);
        if (messages != null) {
            Map<String, String> to2 = messages.of(to);
            for (Map.Entry<String, String> e : messages.of(from).entrySet()) {
                String t = to2.get(e.getKey());
                if (usable(e.getValue()) && usable(t)) {
                    terms.computeIfAbsent(e.getValue().strip(), k -> new LinkedHashSet<>())
                            .add(t.strip());
                }
            }
        }
        if (site != null) {
            // the glossary fills only what the UI strings leave: their wording is already that of a label
            Map<String, Set<String>> glossary = new HashMap<>();
            for (Glossary.Entry e : site.glossary().entries()) {
                String t = e.term().get(to);
                if (!usable(t)) {
                    continue;
                }
                String english = capitalised(t.strip());
                if (usable(e.term().get(from))) {
                    glossary.computeIfAbsent(e.term().get(from).strip(), k -> new LinkedHashSet<>())
                            .add(english);
                }
                for (String alias : e.aliases().getOrDefault(from, List.of())) {
                    if (usable(alias)) {
                        glossary.computeIfAbsent(alias.strip(), k -> new LinkedHashSet<>())
                                .add(english);
                    }
                }
            }
            glossary.forEach(terms::putIfAbsent);
        }
        return new KnownHeadings(from.equals("ja") && to.equals("en"), pages, scaffolds, terms);
    }

    /**
     * The translation of a heading with this id and this original text, its section number kept; null when it is
     * not known (or not known for certain).
     */
    String heading(String id, String text) {
        Matcher m = NUMBER.matcher(text.strip());
        String number = m.matches() ? Normalizer.normalize(m.group(1).strip(), Normalizer.Form.NFKC) + " " : "";
        String words = m.matches() ? m.group(2).strip() : text.strip();
        String known = null;
        if (id != null) {
            Set<String> seen = pages.get(id + "\n" + words);
            if (seen != null) {
                return seen.size() == 1 ? number + seen.iterator().next() : null;
            }
            known = only(scaffolds.get(id + "\n" + words));
        }
        if (known == null) {
            known = label(words);
        }
        return known == null ? null : number + known;
    }

    /** A page's label as {@code new case} writes it in the translation (取組事例④ → Case study 4); else null. */
    String pageLabel(String value) {
        Matcher m = CASE_LABEL.matcher(value.strip());
        if (!jaToEn || !m.matches()) {
            return null;
        }
        char c = m.group(1).charAt(0);
        return "Case study " + (c >= 0x2460 && c <= 0x2473 ? String.valueOf(c - 0x2460 + 1) : m.group(1));
    }

    /** The translation of a block's title or an info card's term, by its text alone; null when not known. */
    String label(String text) {
        return only(terms.get(text.strip()));
    }

    /** Records, for each heading with an id in both texts, its original words and their translation. */
    private static void pair(String original, String translation, Map<String, Set<String>> into) {
        Map<String, String> translated = headings(translation);
        for (Map.Entry<String, String> e : headings(original).entrySet()) {
            String t = translated.get(e.getKey());
            if (t == null || t.contains("TODO(")) {
                continue;
            }
            into.computeIfAbsent(e.getKey() + "\n" + words(e.getValue()), k -> new LinkedHashSet<>())
                    .add(words(t));
        }
    }

    /** The headings with an explicit id of a Markdown body (outside code fences): id → text. */
    static Map<String, String> headings(String body) {
        Map<String, String> out = new HashMap<>();
        String fence = null;
        for (String line : body.split("\n")) {
            String t = line.strip();
            if (fence != null) {
                if (t.startsWith(fence)) {
                    fence = null;
                }
                continue;
            }
            if (t.startsWith("```") || t.startsWith("~~~")) {
                fence = t.substring(0, 3);
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (m.matches() && !m.group(1).isBlank()) {
                out.putIfAbsent(m.group(2), m.group(1).strip());
            }
        }
        return out;
    }

    /** A heading's text without its section number. */
    private static String words(String text) {
        Matcher m = NUMBER.matcher(text.strip());
        return m.matches() ? m.group(2).strip() : text.strip();
    }

    private static String only(Set<String> seen) {
        return seen != null && seen.size() == 1 ? seen.iterator().next() : null;
    }

    /** A UI string or term that can stand as a heading: one line of text, no placeholder to fill in. */
    private static boolean usable(String s) {
        return s != null && !s.isBlank() && s.indexOf('{') < 0 && s.indexOf('\n') < 0 && !s.contains("TODO(");
    }

    /** A glossary term written as a heading or label: its first letter a capital (public health center → Public…). */
    static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** The UI strings of the site's theme in both languages; null when the theme cannot be read. */
    private static Messages messages(SiteConfig cfg, String from, String to, Path themes, String themeOption) {
        String name = themeOption != null ? themeOption : cfg.theme();
        if (name == null || SiteConfig.themeNameProblem(name) != null || themes == null) {
            return null;
        }
        try {
            Path dir = themes.resolve(name);
            if (!Files.isDirectory(dir) || !dir.toRealPath().startsWith(themes.toRealPath())) {
                return null; // the build reports it; the scaffold only does without the theme's words
            }
            Diagnostics ignored = new Diagnostics();
            Messages m = MessagesLoader.load(
                    dir.resolve("i18n"), List.of(from, to), ignored, Path.of("").toAbsolutePath());
            return ignored.hasErrors() ? null : m;
        } catch (IOException e) {
            return null;
        }
    }
}
