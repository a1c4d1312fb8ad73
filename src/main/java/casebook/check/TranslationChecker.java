package casebook.check;

import casebook.diag.Diagnostic;
import casebook.diag.Diagnostics;
import casebook.diag.Severity;
import casebook.diag.SourcePosition;
import casebook.diag.Suggestions;
import casebook.markdown.OutlineHeading;
import casebook.markdown.SectionHashes;
import casebook.markdown.StructureItem;
import casebook.markdown.StructureKind;
import casebook.site.Glossary;
import casebook.site.Page;
import casebook.site.Site;
import casebook.site.StaleSection;
import casebook.site.StaleSections;
import casebook.text.Urls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * Keeps the languages in step. For each page and each translation of it:
 * <ul>
 * <li><b>parity</b>: section by section, the structure (headings and their ids, lists and their item
 *     counts, tables and their rows, key points, notes, credits, figures, dialogue turns and their
 *     speakers) must match the original; each mismatch is a warning naming both files and lines;</li>
 * <li><b>staleness</b>: a translation's {@code translated_from} records the hash of each original
 *     section it was made from, and of the original's title and label ({@value #TITLE}, {@value #LABEL}; a
 *     block recorded without them simply does not track them); a section, title or label whose original
 *     changed since is reported, and the translated page shows readers a notice linking to the updated
 *     original;</li>
 * <li><b>glossary</b>: where an original section uses a glossary term, the translated section should
 *     use the term's agreed translation.</li>
 * </ul>
 * With {@code strict}, all of these are errors. Parity and staleness are not reported for the translations of an
 * original that has errors in the same build (a broken link, a duplicate heading id...): the fix is in the
 * original, and recording its mistaken version with {@code mark-translated} or copying a structure it got by mistake
 * would be harmful. A note says so instead. A build checks links after every page is rendered, so it defers these
 * reports ({@link #deferring}) and gives them with {@link #reportDeferred} once every error is known.
 */
public final class TranslationChecker {
    /** The key in {@code translated_from} of the hash of the original's title. */
    public static final String TITLE = "_title";
    /** The key in {@code translated_from} of the hash of the original's label (recorded when it has one). */
    public static final String LABEL = "_label";

    private final Site site;
    private final boolean defer;
    private final Queue<Found> deferred = new ConcurrentLinkedQueue<>();

    /** What one translation's comparison found, to be reported unless its original has errors. */
    private record Found(Path original, Path translation, List<Diagnostic> reports) {}

    public TranslationChecker(Site site) {
        this(site, false);
    }

    private TranslationChecker(Site site, boolean defer) {
        this.site = site;
        this.defer = defer;
    }

    /** A checker that keeps its parity and staleness reports until {@link #reportDeferred} (see the class comment). */
    public static TranslationChecker deferring(Site site) {
        return new TranslationChecker(site, true);
    }

    /**
     * What {@code translated_from} records for an original as it is now (as {@code mark-translated} and
     * {@code new translation} write it): the hash of each section, then of the title and of the label when it
     * has one.
     */
    public static Map<String, String> recorded(Page original) {
        Map<String, String> out = new LinkedHashMap<>(original.rendered().sectionHashes());
        out.put(TITLE, SectionHashes.hash(original.meta().title()));
        String label = original.meta().label();
        if (label != null && !label.isBlank()) {
            out.put(LABEL, SectionHashes.hash(label.strip()));
        }
        return out;
    }

    /**
     * Reports what the deferred comparisons found: for a translation whose original has errors among those
     * reported to {@code d} so far, only a note saying to fix the original first.
     */
    public void reportDeferred(Diagnostics d) {
        List<Found> all = new ArrayList<>();
        for (Found f; (f = deferred.poll()) != null; ) {
            all.add(f);
        }
        if (all.isEmpty()) {
            return;
        }
        Set<Path> failed = failed(d);
        for (Found f : all) {
            report(f, failed.contains(f.original()), d);
        }
    }

    private static Set<Path> failed(Diagnostics d) {
        Set<Path> failed = new HashSet<>();
        for (Diagnostic x : d.kept()) {
            if (x.severity() == Severity.ERROR && x.at() != null) {
                failed.add(x.at().file());
            }
        }
        return failed;
    }

    private void found(Page original, Page translation, List<Diagnostic> reports, Diagnostics d) {
        if (reports.isEmpty()) {
            return;
        }
        Found f = new Found(original.display(), translation.display(), reports);
        if (defer) {
            deferred.add(f);
        } else {
            report(f, failed(d).contains(f.original()), d);
        }
    }

    private static void report(Found f, boolean originalFailed, Diagnostics d) {
        if (!originalFailed) {
            f.reports().forEach(d::report);
            return;
        }
        d.note(
                f.translation(),
                1,
                1,
                "not compared with " + f.original() + " (parity and staleness): the original has errors in this"
                        + " build",
                "fix the errors of the original first; check compares this translation again then");
    }

    /** @return per translated page ("en/saitama"), the stale sections to announce on it */
    public StaleSections check(Diagnostics d, boolean strict) {
        StaleSections stale = new StaleSections();
        for (String slug : site.order()) {
            checkPage(slug, d, strict, stale);
        }
        return stale;
    }

    /** Checks every translation of one page; puts its stale-section notices (or removes old ones) in {@code stale}. */
    public void checkPage(String slug, Diagnostics d, boolean strict, StaleSections stale) {
        checkPage(slug, lang -> site.page(lang, slug), d, strict, stale);
    }

    /**
     * The same for pages given by language ({@code inLang}), rendered but not yet part of a site: the
     * build checks each page's translations as soon as all its languages are rendered.
     */
    public void checkPage(
            String slug, Function<String, Page> inLang, Diagnostics d, boolean strict, StaleSections stale) {
        String def = site.config().defaultLanguage();
        Page original = inLang.apply(def);
        if (original == null) {
            for (String lang : site.config().languages()) {
                Page orphan = lang.equals(def) ? null : inLang.apply(lang);
                // an original that exists but could not be loaded has its own error: nothing to add here
                if (orphan == null
                        || site.unloaded().contains(orphan.display().resolveSibling("index." + def + ".md"))) {
                    continue;
                }
                report(
                        d,
                        strict,
                        SourcePosition.of(orphan.display(), 1, 1),
                        "this translation has no " + def + " original to be checked against (index." + def
                                + ".md is missing, or a draft)",
                        "add the original beside it, or make this page a draft too");
            }
            return;
        }
        for (String lang : site.config().languages()) {
            if (lang.equals(def)) {
                continue;
            }
            Page translation = inLang.apply(lang);
            if (translation == null) {
                // a translation file that exists but could not be loaded (or is a draft) has its own report
                if (Files.exists(original.display().resolveSibling("index." + lang + ".md"))) {
                    continue;
                }
                // valid (the page is published in the original only), but worth listing: never fails a build
                d.note(
                        original.display(),
                        1,
                        1,
                        "not yet translated: " + slug + " (" + lang + ")",
                        "nothing to do for a page published in " + original.lang() + " only; to publish it in " + lang
                                + ", run: mvn compile exec:java -Dexec.args=\"new translation " + slug + "\"");
                continue;
            }
            List<Diagnostic> reports = new ArrayList<>();
            parity(original, translation, reports, strict);
            stale.put(lang, slug, staleness(original, translation, d, reports, strict));
            found(original, translation, reports, d);
            glossary(original, translation, d, strict);
        }
    }

    private static void report(Diagnostics d, boolean strict, SourcePosition at, String message, String hint) {
        d.report(new Diagnostic(strict ? Severity.ERROR : Severity.WARNING, at, message, hint));
    }

    private static void report(List<Diagnostic> d, boolean strict, SourcePosition at, String message, String hint) {
        d.add(new Diagnostic(strict ? Severity.ERROR : Severity.WARNING, at, message, hint));
    }

    private static Map<String, List<StructureItem>> bySection(List<StructureItem> items) {
        Map<String, List<StructureItem>> out = new LinkedHashMap<>();
        for (StructureItem i : items) {
            out.computeIfAbsent(i.section(), k -> new ArrayList<>()).add(i);
        }
        return out;
    }

    void parity(Page original, Page translation, List<Diagnostic> d, boolean strict) {
        Map<String, List<StructureItem>> a = bySection(original.rendered().structure());
        Map<String, List<StructureItem>> b = bySection(translation.rendered().structure());
        for (Map.Entry<String, List<StructureItem>> e : a.entrySet()) {
            List<StructureItem> x = e.getValue();
            List<StructureItem> y = b.get(e.getKey());
            String name = e.getKey().isEmpty() ? "the page's opening" : "section #" + e.getKey();
            if (y == null) {
                report(
                        d,
                        strict,
                        SourcePosition.of(translation.display(), 1, 1),
                        "parity: " + name + " of " + original.display() + ":"
                                + x.get(0).line() + " is missing in this translation",
                        e.getKey().isEmpty()
                                ? "translate the opening, the text before the first heading"
                                : "translate the section, with the same {#" + e.getKey() + "} id");
                continue;
            }
            int n = Math.min(x.size(), y.size());
            boolean reported = false;
            for (int i = 0; i < n && !reported; i++) {
                if (!x.get(i).matches(y.get(i))) {
                    report(
                            d,
                            strict,
                            SourcePosition.of(translation.display(), y.get(i).line(), 1),
                            "parity: in " + name + ", " + describe(y.get(i)) + " here, but " + describe(x.get(i))
                                    + " at " + original.display() + ":"
                                    + x.get(i).line(),
                            listInNote(x.get(i), y.get(i), translation)
                                    ? NOTE_LIST_HINT
                                    : "make the translation's structure match the original");
                    reported = true;
                }
            }
            if (!reported && x.size() != y.size()) {
                StructureItem extra = x.size() > y.size() ? x.get(n) : y.get(n);
                int line = x.size() > y.size()
                        ? (y.isEmpty() ? 1 : y.get(y.size() - 1).line())
                        : extra.line();
                report(
                        d,
                        strict,
                        SourcePosition.of(translation.display(), line, 1),
                        "parity: in " + name + ", "
                                + (x.size() > y.size()
                                        ? "the translation lacks " + describe(extra) + " of " + original.display() + ":"
                                                + extra.line()
                                        : "this translation adds " + describe(extra) + " that " + original.display()
                                                + " lacks"),
                        x.size() < y.size() && listInNote(null, extra, translation)
                                ? NOTE_LIST_HINT
                                : "make the translation's structure match the original");
            }
        }
        for (String section : b.keySet()) {
            if (!a.containsKey(section)) {
                StructureItem first = b.get(section).get(0);
                report(
                        d,
                        strict,
                        SourcePosition.of(translation.display(), first.line(), 1),
                        "parity: "
                                + (section.isEmpty() ? "an opening before the first heading" : "section #" + section)
                                + " does not exist in " + original.display(),
                        section.isEmpty()
                                ? "the original starts with its first heading: move this text under a heading"
                                : "use the original's heading id");
            }
        }
    }

    private static String describe(StructureItem i) {
        return switch (i.kind()) {
            case UL, OL -> "a list of " + count(i.detail(), "item", "items");
            case TABLE -> "a table of " + count(i.detail(), "row", "rows");
            case KEYPOINT -> "a key-point box of " + count(i.detail(), "point", "points");
            case TURN -> "a dialogue turn by \"" + i.detail() + "\"";
            case INFOCARD -> "an info card of " + count(i.detail(), "entry", "entries");
            default ->
                i.kind().isHeading()
                        ? "heading " + i.kind().code() + " #" + i.detail()
                        : "a " + i.kind().code() + (i.detail() == null ? "" : " (" + i.detail() + ")");
        };
    }

    private static final String NOTE_LIST_HINT = "a line starting with \"* \" or \"- \" starts a list, inside a"
            + " note too: write the remark as a sentence (the other pages write \"Note: …\"), or make the"
            + " translation's structure match the original";

    /** Whether the translation's item {@code y} is a list the original's item {@code x} (null: none) is not, from a note's line. */
    private static boolean listInNote(StructureItem x, StructureItem y, Page translation) {
        return isList(y) && (x == null || !isList(x)) && listLineInNote(translation, y.line());
    }

    private static boolean isList(StructureItem i) {
        return i.kind() == StructureKind.UL || i.kind() == StructureKind.OL;
    }

    private static String count(String n, String one, String many) {
        return n + " " + ("1".equals(n) ? one : many);
    }

    /**
     * Whether line {@code line} of a page is a {@code * } or {@code - } line inside a {@code :::note} container: a
     * note's remark written that way is a list, which the original (and the other pages, "Note: …") lacks.
     */
    static boolean listLineInNote(Page p, int line) {
        String[] lines = p.body().split("\n", -1);
        int at = line - p.bodyStartLine();
        if (at < 0 || at >= lines.length) {
            return false;
        }
        String t = lines[at].strip();
        if (!t.startsWith("* ") && !t.startsWith("- ")) {
            return false;
        }
        List<String> open = new ArrayList<>();
        for (int i = 0; i < at; i++) {
            String s = lines[i].strip();
            if (s.equals(":::")) {
                if (!open.isEmpty()) {
                    open.remove(open.size() - 1);
                }
            } else if (s.startsWith(":::")) {
                String rest = s.substring(3).strip();
                int end = 0;
                while (end < rest.length()
                        && (Character.isLetterOrDigit(rest.charAt(end)) || rest.charAt(end) == '-')) {
                    end++;
                }
                open.add(rest.substring(0, end));
            }
        }
        return !open.isEmpty() && open.get(open.size() - 1).equals("note");
    }

    List<StaleSection> staleness(
            Page original, Page translation, Diagnostics notes, List<Diagnostic> d, boolean strict) {
        List<StaleSection> notices = new ArrayList<>();
        Map<String, String> recorded = translation.meta().translatedFrom();
        if (recorded.isEmpty()) {
            // valid (staleness is then not tracked), but nothing else would tell the editor to record it
            notes.note(
                    translation.display(),
                    1,
                    1,
                    "this translation has no translated_from, so check cannot tell when " + original.display()
                            + " changes after it",
                    "once the translation is finished (no TODO(…) left) and matches the original, run once:"
                            + " mvn compile exec:java -Dexec.args=\"mark-translated " + original.slug()
                            + "\"");
            return notices;
        }
        Map<String, String> current = recorded(original);
        for (Map.Entry<String, String> e : current.entrySet()) {
            String was = recorded.get(e.getKey());
            if (e.getValue().equals(was)) {
                continue;
            }
            String key = e.getKey();
            if (key.equals(TITLE) || key.equals(LABEL)) {
                // a translation recorded before titles and labels were has not recorded them: nothing to compare
                if (was != null) {
                    boolean title = key.equals(TITLE);
                    int line = title
                            ? translation.meta().titleLine()
                            : translation.meta().labelLine();
                    report(
                            d,
                            strict,
                            SourcePosition.of(
                                    translation.display(),
                                    line > 0 ? line : translation.meta().titleLine(),
                                    1),
                            "stale translation: the " + (title ? "title" : "label") + " of " + original.display()
                                    + " changed after this translation (it is now \""
                                    + (title
                                            ? original.meta().title()
                                            : original.meta().label().strip()) + "\")",
                            "update the translation, then run: mvn compile exec:java -Dexec.args=\"mark-translated "
                                    + original.slug() + "\"");
                }
                continue;
            }
            OutlineHeading h = heading(original, key);
            OutlineHeading th = heading(translation, key);
            int line = th == null ? translation.meta().titleLine() : th.line();
            report(
                    d,
                    strict,
                    SourcePosition.of(translation.display(), line, 1),
                    "stale translation: "
                            + (key.equals("_intro") ? "the opening" : "section #" + key) + " of "
                            + original.display()
                            + (was == null ? " is new since this translation" : " changed after this translation"),
                    "update the translation, then run: mvn compile exec:java -Dexec.args=\"mark-translated "
                            + original.slug() + "\"");
            notices.add(new StaleSection(
                    key,
                    th != null ? th.text() : h != null ? h.text() : "",
                    Urls.viaRoot(translation.path(), original.path()) + (h == null ? "" : "#" + h.id()),
                    th == null ? "" : th.id()));
        }
        return notices;
    }

    private static OutlineHeading heading(Page p, String id) {
        for (OutlineHeading h : p.rendered().headings()) {
            if (h.id().equals(id)) {
                return h;
            }
        }
        return null;
    }

    void glossary(Page original, Page translation, Diagnostics d, boolean strict) {
        Glossary g = site.glossary();
        if (g.entries().isEmpty()) {
            return;
        }
        Map<String, String> a = sectionTexts(original);
        Map<String, String> b = sectionTexts(translation);
        // per entry, the sections whose original uses its term and whose translation does not
        Map<Glossary.Entry, List<String>> missing = new LinkedHashMap<>();
        for (Map.Entry<String, String> sec : a.entrySet()) {
            String tr = b.get(sec.getKey());
            if (tr == null) {
                continue;
            }
            // folded once per section, not once per term
            String text = fold(sec.getValue(), original.lang());
            String translated = fold(tr, translation.lang());
            for (Glossary.Entry e : g.entries()) {
                // an entry lacking a term in either language is reported once, in the glossary itself
                if (e.term().get(original.lang()) == null || e.term().get(translation.lang()) == null) {
                    continue;
                }
                if (!uses(text, e, original.lang())) {
                    continue;
                }
                if (uses(translated, e, translation.lang())) {
                    continue;
                }
                missing.computeIfAbsent(e, k -> new ArrayList<>()).add(sec.getKey());
            }
        }
        for (Map.Entry<Glossary.Entry, List<String>> m : missing.entrySet()) {
            glossaryMissing(m.getKey(), m.getValue(), original, translation, b, d, strict);
        }
    }

    /**
     * One entry's term missing from sections of a translation: a misspelling of the term there is reported once
     * per distinct spelling, at its first use, with the number of the others and the term as "did you mean"; the
     * sections left over are reported once, at the first one's heading, naming the others.
     */
    private void glossaryMissing(
            Glossary.Entry e,
            List<String> sections,
            Page original,
            Page translation,
            Map<String, String> texts,
            Diagnostics d,
            boolean strict) {
        String term = e.term().get(translation.lang());
        String source = e.term().get(original.lang());
        // distinct misspellings (in any case, plural or not) found in those sections
        Set<String> typos = new LinkedHashSet<>();
        List<String> plain = new ArrayList<>();
        for (String key : sections) {
            String text = texts.get(key);
            List<int[]> spans = Suggestions.misspellings(text, term);
            if (spans.isEmpty()) {
                plain.add(key);
            }
            for (int[] span : spans) {
                typos.add(singular(lower(text.substring(span[0], span[1])), term));
            }
        }
        String hint = "use the glossary's term (content/glossary.yaml, entry " + e.id()
                + "), or add the wording used here as an alias";
        for (String typo : typos) {
            // every use in the file, wherever the original uses the term or not
            List<int[]> uses = uses(translation, typo);
            if (uses.isEmpty()) {
                continue;
            }
            int[] first = uses.get(0);
            String written = translation.body().substring(first[2], first[3]);
            int more = uses.size() - 1;
            TreeSet<Integer> otherLines = new TreeSet<>();
            for (int[] u : uses.subList(1, uses.size())) {
                otherLines.add(u[0]);
            }
            StringBuilder lines = new StringBuilder();
            int shown = 0;
            for (int l : otherLines) {
                if (shown++ == 8) {
                    lines.append(", …");
                    break;
                }
                lines.append(shown == 1 ? "" : ", ").append(l);
            }
            report(
                    d,
                    strict,
                    SourcePosition.of(translation.display(), first[0], first[1]),
                    "glossary: \"" + written + "\" is not the glossary's term for \"" + source
                            + "\"; did you mean \"" + term + "\"?"
                            + (more == 0
                                    ? ""
                                    : " " + more + " more use" + (more == 1 ? "" : "s") + " in this file (line"
                                            + (otherLines.size() == 1 ? " " : "s ") + lines + ")"),
                    "write \"" + term + "\"" + (more == 0 ? "" : " at every use") + " (the glossary's term, entry "
                            + e.id() + "), or add \"" + written + "\" to its aliases");
        }
        if (plain.isEmpty()) {
            return;
        }
        String key = plain.get(0);
        OutlineHeading th = heading(translation, key);
        StringBuilder others = new StringBuilder();
        for (String k : plain.subList(1, plain.size())) {
            others.append(others.length() == 0 ? "" : ", ").append(k.equals("_intro") ? "the opening" : "#" + k);
        }
        report(
                d,
                strict,
                SourcePosition.of(translation.display(), th == null ? 1 : th.line(), 1),
                "glossary: " + (key.equals("_intro") ? "the opening" : "section #" + key)
                        + " of the original uses \"" + source + "\", but this translation never says \"" + term + "\""
                        + (plain.size() == 1
                                ? ""
                                : "; nor "
                                        + (plain.size() == 2
                                                ? "does 1 more section"
                                                : "do " + (plain.size() - 1) + " more sections")
                                        + " (" + others + ")"),
                hint);
    }

    /** Lower case char by char, so that offsets stay those of the text. */
    private static String lower(String s) {
        char[] c = s.toCharArray();
        for (int k = 0; k < c.length; k++) {
            c[k] = Character.toLowerCase(c[k]);
        }
        return new String(c);
    }

    /** A misspelt term without its plural ending, unless the term itself has it: "helth centers" is "helth center". */
    private static String singular(String folded, String term) {
        if (term.endsWith("s")) {
            return folded;
        }
        if (folded.endsWith("ies") && term.endsWith("y")) {
            return folded.substring(0, folded.length() - 3) + "y";
        }
        if (folded.endsWith("es") && !term.endsWith("e")) {
            return folded.substring(0, folded.length() - 2);
        }
        return folded.endsWith("s") ? folded.substring(0, folded.length() - 1) : folded;
    }

    /** Each use of {@code folded} (in any case, as whole words, plural included) in a page's body: {line, column, start, end}. */
    private static List<int[]> uses(Page p, String folded) {
        List<int[]> out = new ArrayList<>();
        String body = lower(p.body());
        int line = p.bodyStartLine();
        int lineStart = 0;
        int counted = 0;
        for (int i = body.indexOf(folded); i >= 0; i = body.indexOf(folded, i + 1)) {
            if (i > 0 && Character.isLetterOrDigit(body.charAt(i - 1))) {
                continue;
            }
            int end = i + folded.length();
            String plural = folded.endsWith("y") && body.startsWith("ies", end - 1) ? "ies" : "";
            end = plural.isEmpty() ? end : end + 2;
            if (body.startsWith("es", end)) {
                end += 2;
            } else if (body.startsWith("s", end)) {
                end++;
            }
            if (end < body.length() && Character.isLetterOrDigit(body.charAt(end))) {
                continue;
            }
            for (; counted < i; counted++) {
                if (body.charAt(counted) == '\n') {
                    line++;
                    lineStart = counted + 1;
                }
            }
            out.add(new int[] {line, i - lineStart + 1, i, end});
        }
        return out;
    }

    /** Whether {@code folded} (a text passed through {@link #fold}) uses the entry's term or an alias. */
    private static boolean uses(String folded, Glossary.Entry e, String lang) {
        String t = e.term().get(lang);
        if (t != null && folded.contains(fold(t, lang))) {
            return true;
        }
        for (String a : e.aliases().getOrDefault(lang, List.of())) {
            if (folded.contains(fold(a, lang))) {
                return true;
            }
        }
        return false;
    }

    /** Japanese is compared as written; other languages without case (in any default locale). */
    private static String fold(String text, String lang) {
        return lang.equals("ja") ? text : text.toLowerCase(Locale.ROOT);
    }

    /** The Markdown source of each level-2 section ("_intro" before the first), by heading id. */
    static Map<String, String> sectionTexts(Page p) {
        String[] lines = p.body().split("\n", -1);
        Map<String, String> out = new LinkedHashMap<>();
        String current = "_intro";
        StringBuilder sb = new StringBuilder();
        int next = 0;
        List<OutlineHeading> h2 =
                p.rendered().headings().stream().filter(h -> h.level() == 2).toList();
        for (int i = 0; i < lines.length; i++) {
            int fileLine = i + p.bodyStartLine();
            if (next < h2.size() && h2.get(next).line() == fileLine) {
                out.put(current, sb.toString());
                sb.setLength(0);
                current = h2.get(next).id();
                next++;
            }
            sb.append(lines[i]).append('\n');
        }
        out.put(current, sb.toString());
        return out;
    }
}
