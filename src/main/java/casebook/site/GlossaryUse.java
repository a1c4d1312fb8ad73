package casebook.site;

import casebook.diag.Diagnostics;
import casebook.frontmatter.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Glossary terms no page uses: a term with a typo (地域移項 for 地域移行) links nothing and is checked
 * nowhere, so it is warned about at the term in glossary.yaml. A language where no term is used at all
 * (a glossary not yet put to use, or a language with no pages) is left alone. A term counts as used when
 * a page of its language (title, label, description or body) holds it or one of its aliases, compared
 * the way the translation check compares them (English ignoring case).
 */
final class GlossaryUse {
    private GlossaryUse() {}

    static void check(
            YamlNode source,
            Glossary glossary,
            Map<String, Map<String, Page>> pages,
            Map<String, Page> homes,
            Path display,
            Diagnostics d) {
        if (glossary.entries().isEmpty() || !source.isList()) {
            return;
        }
        for (Map.Entry<String, Map<String, Page>> byLang : pages.entrySet()) {
            String lang = byLang.getKey();
            List<Page> texts = new ArrayList<>(byLang.getValue().values());
            if (homes.get(lang) != null) {
                texts.add(homes.get(lang));
            }
            // page by page, each entry until a page uses it: no copy of the whole site's text
            List<Glossary.Entry> unused = new ArrayList<>();
            for (Glossary.Entry e : glossary.entries()) {
                if (e.term().get(lang) != null) {
                    unused.add(e);
                }
            }
            int terms = unused.size();
            for (Page p : texts) {
                if (unused.isEmpty()) {
                    break;
                }
                String text = fold(
                        p.meta().title() + "\n"
                                + (p.meta().label() == null ? "" : p.meta().label()) + "\n"
                                + (p.meta().description() == null
                                        ? ""
                                        : p.meta().description()) + "\n" + p.body(),
                        lang);
                unused.removeIf(e -> uses(text, e, lang));
            }
            boolean anyUsed = unused.size() < terms;
            if (!anyUsed) {
                continue;
            }
            for (Glossary.Entry e : unused) {
                YamlNode at = termNode(source, e, lang);
                d.warning(
                        display,
                        at == null ? e.line() : at.line(),
                        at == null ? 1 : at.column(),
                        "glossary term \"" + e.term().get(lang) + "\" is not used on any page in " + lang,
                        "check its spelling against the pages (entry \"" + e.id() + "\"); if the pages write it"
                                + " another way, add that form under aliases: " + lang + ": [ … ]; if no page"
                                + " needs the term, delete the entry");
            }
        }
    }

    private static boolean uses(String folded, Glossary.Entry e, String lang) {
        if (folded.contains(fold(e.term().get(lang), lang))) {
            return true;
        }
        for (String a : e.aliases().getOrDefault(lang, List.of())) {
            if (a != null && !a.isBlank() && folded.contains(fold(a, lang))) {
                return true;
            }
        }
        return false;
    }

    /** The entry's term in {@code lang} as written in glossary.yaml (the first entry with its id). */
    private static YamlNode termNode(YamlNode source, Glossary.Entry e, String lang) {
        for (YamlNode n : source.list()) {
            if (e.id().equals(n.text("id"))) {
                return n.get(lang);
            }
        }
        return null;
    }

    private static String fold(String text, String lang) {
        return lang.equals("ja") ? text : text.toLowerCase(Locale.ROOT);
    }
}
