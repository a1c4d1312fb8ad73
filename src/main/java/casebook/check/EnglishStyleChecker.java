package casebook.check;

import casebook.diag.Diagnostic;
import casebook.diag.Diagnostics;
import casebook.diag.Repeats;
import casebook.diag.Severity;
import casebook.diag.SourcePosition;
import casebook.frontmatter.FrontMatter;
import casebook.frontmatter.YamlNode;
import casebook.frontmatter.YamlReader;
import casebook.site.Glossary;
import casebook.site.Page;
import casebook.source.ContentTree;
import casebook.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the published English in the house style of docs/translation-style.md: US spelling and usage, straight
 * quotes and one rendering per glossary term. (Its numbers rule is left to editors: a number in words is too
 * often a name or a heading, such as "Two".) It reads each English page's Markdown source (its title and body;
 * heading ids, link targets, code, HTML tags and {@code {{data}}} placeholders are skipped) and, with
 * {@link #checkSources}, the English strings of the YAML files (site.yaml, glossary.yaml, data.yaml: every text
 * under a key {@code en}, the glossary's {@code aliases} and {@code avoid} excepted) and of English pages' front
 * matter ({@code label}, {@code description}), and warns, at the line and column of the variant in its file, for
 * <ul>
 * <li>a spelling of {@link #SPELLING} or a British idiom of {@link #IDIOMS}, or an {@code -ise}/{@code -isation}
 *     verb, when the house writes {@code -ize};</li>
 * <li>curly quotation marks and apostrophes;</li>
 * <li>a form listed under a glossary entry's {@code avoid: en:}, or its plural (the form followed by {@code s} or
 *     {@code es}).</li>
 * </ul>
 * A space in a form also matches a single line break (with the spaces around it), so a term that hard-wrapped
 * Markdown or a folded YAML string splits over two lines is found, at its first word. Official names that keep
 * another spelling are listed in {@link #ALLOWED} and never reported. With {@code strict}, all of these are errors.
 */
public final class EnglishStyleChecker {
    /** House spellings: "variant = house form" per line; "(s)" on both sides also matches the plural. */
    static final String SPELLING = """
            centre(s) = center(s)
            centred = centered
            centring = centering
            theatre(s) = theater(s)
            metre(s) = meter(s)
            litre(s) = liter(s)
            fibre(s) = fiber(s)
            colour(s) = color(s)
            favour(s) = favor(s)
            favourable = favorable
            behaviour(s) = behavior(s)
            behavioural = behavioral
            honour(s) = honor(s)
            labour = labor
            neighbour(s) = neighbor(s)
            neighbourhood(s) = neighborhood(s)
            endeavour(s) = endeavor(s)
            humour = humor
            rumour(s) = rumor(s)
            programme(s) = program(s)
            analyse = analyze
            analysed = analyzed
            analysing = analyzing
            paralysed = paralyzed
            catalogue(s) = catalog(s)
            towards = toward
            afterwards = afterward
            amongst = among
            whilst = while
            learnt = learned
            spelt = spelled
            carer(s) = caregiver(s)
            fulfil = fulfill
            fulfilment = fulfillment
            enrol = enroll
            enrolment = enrollment
            judgement(s) = judgment(s)
            acknowledgement(s) = acknowledgment(s)
            ageing = aging
            paediatric = pediatric
            counselling = counseling
            counsellor(s) = counselor(s)
            modelling = modeling
            labelled = labeled
            labelling = labeling
            travelled = traveled
            travelling = traveling
            cancelled = canceled
            focussed = focused
            grey = gray
            licence(s) = license(s)
            defence = defense
            offence(s) = offense(s)
            practise = practice
            practised = practiced
            practising = practicing
            enquiry = inquiry
            enquiries = inquiries
            per cent = percent
            round-table(s) = roundtable(s)
            advisor(s) = adviser(s)
            """;

    /** British idioms and their US form, in the format of {@link #SPELLING}. */
    static final String IDIOMS = """
            in hospital = in the hospital
            into hospital = into the hospital
            leave hospital = leave the hospital
            leaves hospital = leaves the hospital
            left hospital = left the hospital
            leaving hospital = leaving the hospital
            at municipal level = at the municipal level
            at prefectural level = at the prefectural level
            at national level = at the national level
            at local level = at the local level
            joined-up = coordinated
            """;

    /**
     * The words after which "in hospital", "leave hospital" and the like are the British idiom (a stay, a
     * discharge), not "hospital" as a modifier ("in hospital settings", "in hospital care"): the end of a clause,
     * or a preposition, conjunction or time word. Any other word after it is taken for the noun it modifies.
     */
    static final Set<String> AFTER_HOSPITAL_IDIOM = Set.of(
            "for",
            "and",
            "or",
            "but",
            "until",
            "till",
            "since",
            "after",
            "before",
            "to",
            "at",
            "in",
            "on",
            "with",
            "without",
            "because",
            "when",
            "while",
            "as",
            "by",
            "from",
            "during",
            "over",
            "under",
            "again",
            "so",
            "then",
            "than",
            "who",
            "which",
            "that",
            "where",
            "once",
            "now",
            "yet",
            "long",
            "longer",
            "any",
            "anymore",
            "early",
            "earlier",
            "late",
            "later",
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "can",
            "could",
            "will",
            "would",
            "may",
            "might",
            "must",
            "should",
            "do",
            "does",
            "did",
            "has",
            "have",
            "had",
            "not",
            "only",
            "alone",
            "themselves",
            "himself",
            "herself",
            "each",
            "every",
            "all",
            "both",
            "too",
            "also");

    /** Words where -ise is the only spelling (advise, exercise, …): never reported as -ise/-ize variants. */
    static final Set<String> ISE_WORDS = Set.of(
            "advise",
            "advertise",
            "anise",
            "apprise",
            "appraise",
            "arise",
            "bruise",
            "chastise",
            "circumcise",
            "comprise",
            "compromise",
            "concise",
            "cruise",
            "demise",
            "despise",
            "devise",
            "disguise",
            "enterprise",
            "excise",
            "liaise",
            "exercise",
            "expertise",
            "franchise",
            "guise",
            "improvise",
            "incise",
            "merchandise",
            "noise",
            "paradise",
            "poise",
            "praise",
            "precise",
            "premise",
            "promise",
            "raise",
            "reprise",
            "revise",
            "surmise",
            "supervise",
            "surprise",
            "televise",
            "treatise",
            "tortoise",
            "turquoise",
            "valise",
            "porpoise",
            "mortise",
            "reise");

    /** Official names written in another spelling; text inside them is not checked. */
    static final List<String> ALLOWED = List.of("Ministry of Health, Labour and Welfare");

    /** Spans that are not prose: heading ids, placeholders, code, link targets, URLs, HTML tags and comments. */
    private static final Pattern SKIP = Pattern.compile(
            "\\{#[^}]*}|\\{\\{.*?}}|`[^`]*`|]\\([^)]*\\)|<!--.*?-->|<[^>\\s][^>]*>" + "|https?://\\S+|^\\s*:::[\\w-]*");

    /**
     * One form to look for: its text in lower case, whether only its first letter may differ in case (a
     * glossary form told apart from an accepted one by its capitals), its house form and why; whether it is also
     * found followed by "s" or "es" (a glossary form), and then the house form in the plural (null if the
     * glossary lists none).
     */
    private record Form(
            String lower,
            String text,
            boolean exact,
            String house,
            String why,
            int rule,
            int order,
            boolean plural,
            String pluralHouse) {}

    /** Something found on a line: its index in the line, the text found, the message and the hint. */
    record Finding(int index, String message, String hint) {}

    /**
     * The forms by their first run of letters in lower case ("per cent" under "per", "round-table" under
     * "round"), longest first within each rule, rules in their order. A form can start only where a run of
     * letters starts, and only at a run equal to its own first run, so one lookup per run of letters finds
     * every candidate: the line is read once, whatever the number of forms.
     */
    private final Map<String, List<Form>> byFirstRun = new HashMap<>();
    /** The lengths of the first runs, and their first two letters (ASCII, lower case): a cheap test before the lookup. */
    private int shortestRun = Integer.MAX_VALUE;

    private int longestRun;
    private final boolean[] firstTwo = new boolean[128 * 128];
    private boolean nonAsciiStart;
    private int ruleCount;
    /** The number of the rule made of {@link #IDIOMS}. */
    private final int idiomRule;

    public EnglishStyleChecker(Glossary glossary) {
        addRule(houseForms(SPELLING), false, false, null, "house spelling is US English");
        idiomRule = addRule(houseForms(IDIOMS), false, false, null, "house usage is US English");
        for (Glossary.Entry e : glossary.entries()) {
            String term = e.term().get("en");
            List<String> avoid = e.avoid().getOrDefault("en", List.of());
            if (term == null || avoid.isEmpty()) {
                continue;
            }
            Map<String, String> house = new LinkedHashMap<>();
            for (String a : avoid) {
                house.put(a, term);
            }
            List<String> accepted = new ArrayList<>(e.aliases().getOrDefault("en", List.of()));
            accepted.add(term);
            // a form differing from an accepted one only in capitals is told apart by its capitals
            boolean byCase = avoid.stream().anyMatch(a -> accepted.stream().anyMatch(a::equalsIgnoreCase));
            String plural = accepted.stream()
                    .filter(a -> a.equalsIgnoreCase(term + "s") || a.equalsIgnoreCase(term + "es"))
                    .findFirst()
                    .orElse(null);
            addRule(house, byCase, true, plural, "the glossary's term (entry " + e.id() + ") is \"" + term + "\"");
        }
        for (List<Form> forms : byFirstRun.values()) {
            forms.sort(ORDER);
        }
    }

    /** The "variant = house form" lines of a list; "(s)" on both sides adds the plurals. */
    static Map<String, String> houseForms(String list) {
        Map<String, String> forms = new LinkedHashMap<>();
        for (String line : list.strip().split("\n")) {
            String[] kv = line.split("=");
            String variant = kv[0].strip();
            String house = kv[1].strip();
            if (variant.endsWith("(s)")) {
                String v = variant.substring(0, variant.length() - 3);
                String h = house.substring(0, house.length() - 3);
                forms.put(v, h);
                forms.put(v + "s", h + "s");
            } else {
                forms.put(variant, house);
            }
        }
        return forms;
    }

    /**
     * The order the alternation of a rule tried its forms in: rules in their order; within one, longest first, or as
     * listed for a form told by its capitals.
     */
    private static final Comparator<Form> ORDER = Comparator.comparingInt(Form::rule)
            .thenComparingInt(f -> f.exact() ? f.order() : -f.text().length());

    /** Adds a rule and returns its number. */
    private int addRule(Map<String, String> house, boolean exact, boolean plural, String pluralHouse, String why) {
        int rule = ruleCount++;
        Map<String, String> lowerHouse = new HashMap<>();
        for (Map.Entry<String, String> h : house.entrySet()) {
            lowerHouse.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue());
        }
        int order = 0;
        for (String form : house.keySet()) {
            order++;
            if (form.isEmpty() || !Character.isLetter(form.charAt(0))) {
                continue; // a form that does not start with a letter is not a word (the glossary's forms all do)
            }
            String lower = form.toLowerCase(Locale.ROOT);
            String first = lower.substring(0, letterRun(lower, 0));
            shortestRun = Math.min(shortestRun, first.length());
            longestRun = Math.max(longestRun, first.length());
            if (first.charAt(0) < 128 && (first.length() < 2 || first.charAt(1) < 128)) {
                firstTwo[first.charAt(0) * 128 + (first.length() < 2 ? 0 : first.charAt(1))] = true;
            } else {
                nonAsciiStart = true;
            }
            byFirstRun
                    .computeIfAbsent(first, k -> new ArrayList<>())
                    .add(new Form(lower, form, exact, lowerHouse.get(lower), why, rule, order, plural, pluralHouse));
        }
        return rule;
    }

    /**
     * Checks an English page (a page in another language is left alone). A form used several times is reported
     * once, at its first use, with the number and lines of the others ({@link Repeats}).
     */
    public void check(Page p, Diagnostics d, boolean strict) {
        Repeats.collapse(d, found -> checkEach(p, found, strict));
    }

    private void checkEach(Page p, Diagnostics d, boolean strict) {
        if (!p.lang().equals("en") && !p.lang().startsWith("en-")) {
            return;
        }
        if (p.meta() != null && p.meta().title() != null) {
            for (Finding f : findings(p.meta().title())) {
                report(p.display(), p.meta().titleLine(), -1, "the title: " + f.message(), f.hint(), d, strict);
            }
        }
        // the body with fenced code (and its fences) blanked, one line for each line, so that a term may run on
        // to the next line but not over code
        String body = p.body();
        StringBuilder prose = new StringBuilder(body.length());
        boolean fenced = false;
        for (int from = 0; from <= body.length(); ) {
            int nl = body.indexOf('\n', from);
            int to = nl < 0 ? body.length() : nl;
            String l = body.substring(from, to);
            from = to + 1;
            String lead = l.stripLeading();
            if (lead.startsWith("```") || lead.startsWith("~~~")) {
                fenced = !fenced;
            } else if (!fenced) {
                prose.append(l);
            }
            if (nl < 0) {
                break;
            }
            prose.append('\n');
        }
        String text = prose.toString();
        for (Finding f : findings(text)) {
            int lineStart = text.lastIndexOf('\n', f.index() - 1) + 1;
            int line = p.bodyStartLine() + lines(text, f.index());
            report(p.display(), line, f.index() - lineStart, f.message(), f.hint(), d, strict);
        }
    }

    /**
     * Checks the published English outside page bodies and titles: in site.yaml, glossary.yaml and every data.yaml,
     * each text under a key {@code en} (or {@code en-…}), leaving out a glossary entry's {@code aliases} and
     * {@code avoid} (which name other forms on purpose); in each English page's front matter, its {@code label}
     * and {@code description}. Each problem is reported at its line and column in the YAML file or the page.
     */
    public void checkSources(ContentTree tree, Diagnostics d, boolean strict) {
        Repeats.collapse(d, found -> {
            List<SourceFile> yamlFiles = new ArrayList<>();
            for (SourceFile f : new SourceFile[] {tree.siteConfig(), tree.glossary()}) {
                if (f != null) {
                    yamlFiles.add(f);
                }
            }
            yamlFiles.addAll(tree.dataFiles().values());
            for (SourceFile f : yamlFiles) {
                yaml(
                        f.text(),
                        0,
                        YamlReader.read(f.text(), f.display(), 0, new Diagnostics()),
                        null,
                        f.display(),
                        found,
                        strict);
            }
            for (Map<String, SourceFile> languages : tree.pages().values()) {
                for (Map.Entry<String, SourceFile> page : languages.entrySet()) {
                    FrontMatter fm = isEnglish(page.getKey())
                            ? FrontMatter.split(page.getValue().text())
                            : null;
                    if (fm == null) {
                        continue;
                    }
                    int offset = fm.yamlStartLine() - 1;
                    YamlNode node = YamlReader.read(fm.yaml(), page.getValue().display(), offset, new Diagnostics());
                    for (String key : List.of("label", "description")) {
                        YamlNode v = node == null ? null : node.get(key);
                        if (v != null && v.value() instanceof String) {
                            scalar(fm.yaml(), offset, v, page.getValue().display(), found, strict);
                        }
                    }
                }
            }
        });
    }

    private static boolean isEnglish(String lang) {
        return lang.equals("en") || lang.startsWith("en-");
    }

    /** The texts under a key {@code en} in {@code node}, which was read from {@code text}. */
    private void yaml(String text, int offset, YamlNode node, String key, Path display, Diagnostics d, boolean strict) {
        if (node == null) {
            return;
        }
        if (node.isMap()) {
            for (Map.Entry<String, YamlNode> e : node.map().entrySet()) {
                if (!e.getKey().equals("aliases") && !e.getKey().equals("avoid")) {
                    yaml(text, offset, e.getValue(), e.getKey(), display, d, strict);
                }
            }
        } else if (node.isList()) {
            for (YamlNode item : node.list()) {
                yaml(text, offset, item, null, display, d, strict);
            }
        } else if (key != null && isEnglish(key) && node.value() instanceof String) {
            scalar(text, offset, node, display, d, strict);
        }
    }

    /** One YAML string, checked as it is written in its file (quotes, escapes and line breaks included). */
    private void scalar(String text, int offset, YamlNode node, Path display, Diagnostics d, boolean strict) {
        int from = offsetOf(text, node.line() - offset, node.column());
        int to = offsetOf(text, node.endLine() - offset, node.endColumn());
        if (from < 0 || to < from) {
            return;
        }
        String source = text.substring(from, to);
        for (Finding f : findings(source)) {
            int lineStart = source.lastIndexOf('\n', f.index() - 1) + 1;
            int line = lines(source, f.index());
            int column = line == 0
                    ? node.column() - 1 + source.codePointCount(0, f.index())
                    : source.codePointCount(lineStart, f.index());
            report(display, node.line() + line, column, f.message(), f.hint(), d, strict);
        }
    }

    /** The index in {@code text} of a 1-based line and column (columns count code points), or -1. */
    private static int offsetOf(String text, int line, int column) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            at = text.indexOf('\n', at) + 1;
            if (at == 0) {
                return -1;
            }
        }
        int end = text.indexOf('\n', at);
        end = end < 0 ? text.length() : end;
        if (column - 1 > text.codePointCount(at, end)) {
            return -1;
        }
        return text.offsetByCodePoints(at, column - 1);
    }

    /** The number of line breaks before {@code index}. */
    private static int lines(String text, int index) {
        int n = 0;
        for (int i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
            n++;
        }
        return n;
    }

    /**
     * What a text (a line, or lines joined by line breaks) breaks of the house style, in the order of the text and then
     * of the rules. Each line is masked on its own; a form may run over one line break.
     */
    List<Finding> findings(String raw) {
        if (raw.isEmpty()) {
            return List.of();
        }
        String text;
        if (raw.indexOf('\n') < 0) {
            text = masked(raw);
        } else {
            StringBuilder sb = new StringBuilder(raw.length());
            for (int from = 0; ; ) {
                int nl = raw.indexOf('\n', from);
                sb.append(masked(raw.substring(from, nl < 0 ? raw.length() : nl)));
                if (nl < 0) {
                    break;
                }
                sb.append('\n');
                from = nl + 1;
            }
            text = sb.toString();
        }
        List<Finding> found = new ArrayList<>(0);
        int[] nextAllowed = new int[ruleCount];
        int n = text.length();
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            if (c == '\u2018' || c == '\u2019' || c == '\u201C' || c == '\u201D') {
                boolean single = c == '\u2018' || c == '\u2019';
                found.add(new Finding(
                        i,
                        "curly " + (single ? "quote or apostrophe" : "quotation mark") + " '" + c
                                + "': the house uses straight quotes",
                        "write " + (single ? "'" : "\"")));
                i++;
                continue;
            }
            if (!isWordChar(c)) {
                i++;
                continue;
            }
            // a run of word characters (letters, digits, '_'): the unit of the -ise check
            int wordEnd = i;
            while (wordEnd < n && isWordChar(text.charAt(wordEnd))) {
                wordEnd++;
            }
            // the forms may start at each run of letters inside it that follows no letter, digit or hyphen
            for (int at = i; at < wordEnd; at++) {
                if (isLetter(text.charAt(at))
                        && (at == 0 || !isLetterOrNumber(text.charAt(at - 1)) && text.charAt(at - 1) != '-')) {
                    matchForms(text, at, nextAllowed, found);
                }
            }
            ise(text, i, wordEnd, found);
            i = wordEnd;
        }
        if (found.size() > 1) {
            found.sort(Comparator.comparingInt(Finding::index).thenComparing(Finding::message));
        }
        return found;
    }

    /**
     * Whether the word after {@code end} (past spaces and line breaks) is one that "hospital" would modify:
     * a word not in {@link #AFTER_HOSPITAL_IDIOM}. Punctuation, the end of the text or a number leave the idiom.
     */
    static boolean modifiesNext(String text, int end) {
        int i = end;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\n')) {
            i++;
        }
        int j = i;
        while (j < text.length() && isLetter(text.charAt(j))) {
            j++;
        }
        return j > i && !AFTER_HOSPITAL_IDIOM.contains(text.substring(i, j).toLowerCase(Locale.ROOT));
    }

    private void matchForms(String text, int at, int[] nextAllowed, List<Finding> found) {
        int run = letterRun(text, at);
        List<Form> forms = formsOfRun(text, at, run);
        // a form of one run of letters in the plural: its run is the letters before "s" or "es"
        if (run > 1 && Character.toLowerCase(text.charAt(at + run - 1)) == 's') {
            for (int cut = 1; cut <= 2 && run - cut > 0; cut++) {
                if (cut == 2 && Character.toLowerCase(text.charAt(at + run - 2)) != 'e') {
                    break;
                }
                List<Form> singular = formsOfRun(text, at, run - cut);
                if (singular != null) {
                    List<Form> merged = new ArrayList<>(forms == null ? List.of() : forms);
                    singular.stream().filter(Form::plural).forEach(merged::add);
                    merged.sort(ORDER);
                    forms = merged;
                }
            }
        }
        if (forms == null) {
            return;
        }
        int matchedRule = -1;
        for (Form f : forms) {
            if (f.rule() == matchedRule || at < nextAllowed[f.rule()]) {
                continue;
            }
            int base = formEnd(text, at, f);
            if (base < 0) {
                continue;
            }
            int end = wordEnds(text, base, f) ? base : -1;
            if (end < 0 && f.plural()) {
                // the plural: "s" or "es" after the form, then the end of the word
                int s = suffix(text, base, "s", f.exact())
                        ? base + 1
                        : suffix(text, base, "es", f.exact()) ? base + 2 : -1;
                end = s >= 0 && wordEnds(text, s, f) ? s : -1;
            }
            if (end < 0 || f.rule() == idiomRule && f.lower().endsWith("hospital") && modifiesNext(text, end)) {
                continue;
            }
            matchedRule = f.rule();
            nextAllowed[f.rule()] = end;
            String what = text.substring(at, end);
            if (what.indexOf('\n') >= 0) {
                what = what.replaceAll("[ \t]*\n[ \t]*", " ");
            }
            if (f.house() == null) {
                continue;
            }
            boolean plural = end != base;
            String shown = plural && f.pluralHouse() != null ? f.pluralHouse() : f.house();
            // a form told by its capitals alone: the house form as it is written, whatever the first letter
            String form = what.substring(0, what.length() - (end - base));
            if (!f.exact() || !form.equalsIgnoreCase(f.house())) {
                shown = caseLike(what, shown);
            }
            String hint = plural && f.pluralHouse() == null
                    ? "write the plural of \"" + shown + "\""
                    : "write \"" + shown + "\"";
            found.add(new Finding(at, "\"" + what + "\" is not the house form: " + f.why(), hint));
        }
    }

    /**
     * Where the form found at {@code at} ends, or -1: a form in any case, or (told by its capitals) with only its
     * first letter in either case; a space in the form matches one space or one line break with the spaces and tabs
     * around it.
     */
    private static int formEnd(String text, int at, Form f) {
        String form = f.exact() ? f.text() : f.lower();
        int n = text.length();
        int j = at;
        for (int k = 0; k < form.length(); k++) {
            char c = form.charAt(k);
            if (c == ' ') {
                int m = j;
                while (m < n && (text.charAt(m) == ' ' || text.charAt(m) == '\t')) {
                    m++;
                }
                if (m < n && text.charAt(m) == '\n') {
                    m++;
                    while (m < n && (text.charAt(m) == ' ' || text.charAt(m) == '\t')) {
                        m++;
                    }
                    j = m;
                } else if (j < n && text.charAt(j) == ' ') {
                    j++;
                } else {
                    return -1;
                }
                continue;
            }
            if (j >= n) {
                return -1;
            }
            boolean same;
            if (!f.exact()) {
                same = text.regionMatches(true, j, form, k, 1);
            } else if (k == 0) {
                same = Character.toLowerCase(text.charAt(j)) == Character.toLowerCase(c);
            } else {
                same = text.charAt(j) == c;
            }
            if (!same) {
                return -1;
            }
            j++;
        }
        return j;
    }

    /** Whether {@code suffix} is at {@code at} (in lower case for a form told by its capitals). */
    private static boolean suffix(String text, int at, String suffix, boolean exact) {
        return text.regionMatches(!exact, at, suffix, 0, suffix.length());
    }

    /** No letter or number at {@code end} (nor, for a form in any case, a hyphen and a letter). */
    private static boolean wordEnds(String text, int end, Form f) {
        if (end < text.length()) {
            char next = text.charAt(end);
            if (isLetterOrNumber(next)) {
                return false;
            }
            if (!f.exact() && next == '-' && end + 1 < text.length() && Character.isLetter(text.charAt(end + 1))) {
                return false;
            }
        }
        return true;
    }

    /** The forms whose first run of letters is the {@code run} letters at {@code at}, or null. */
    private List<Form> formsOfRun(String text, int at, int run) {
        if (run < shortestRun || run > longestRun || !maybeFirstTwo(text, at, run)) {
            return null;
        }
        return byFirstRun.get(text.substring(at, at + run).toLowerCase(Locale.ROOT));
    }

    /** Whether a run of letters may be the first run of a form, by its first two letters. */
    private boolean maybeFirstTwo(String text, int at, int run) {
        char a = Character.toLowerCase(text.charAt(at));
        char b = run < 2 ? 0 : Character.toLowerCase(text.charAt(at + 1));
        if (a >= 128 || b >= 128) {
            return nonAsciiStart;
        }
        return firstTwo[a * 128 + b];
    }

    private static final String[] ISE_SUFFIXES = {"e", "es", "ed", "ing", "er", "ers", "ation", "ations", "ational"};

    /**
     * An -ise/-isation form: a word of letters only, a stem of two letters or more, "is" and one of the
     * suffixes (the longest stem first, as a greedy match would take it).
     */
    private static void ise(String text, int from, int to, List<Finding> found) {
        int len = to - from;
        // every suffix ends in one of these letters
        if (len < 5 || "esdgrnlESDGRNL".indexOf(text.charAt(to - 1)) < 0) {
            return;
        }
        for (int k = from; k < to; k++) {
            if (!isLetter(text.charAt(k))) {
                return;
            }
        }
        for (int is = to - 3; is >= from + 2; is--) {
            char a = text.charAt(is);
            char b = text.charAt(is + 1);
            if ((a != 'i' && a != 'I') || (b != 's' && b != 'S')) {
                continue;
            }
            for (String suffix : ISE_SUFFIXES) {
                if (is + 2 + suffix.length() == to && text.regionMatches(true, is + 2, suffix, 0, suffix.length())) {
                    String stem = text.substring(from, is);
                    String lowerStem = stem.toLowerCase(Locale.ROOT);
                    if (ISE_WORDS.contains(lowerStem + "ise") || lowerStem.endsWith("w")) {
                        return;
                    }
                    String actualSuffix = text.substring(is + 2, to);
                    found.add(new Finding(
                            from,
                            "\"" + text.substring(from, to)
                                    + "\" is not the house form: house spelling is US English (-ize)",
                            "write \"" + stem + "iz" + actualSuffix + "\""));
                    return;
                }
            }
        }
    }

    /** The line with code, link targets, tags, URLs, placeholders and official names blanked out. */
    private static String masked(String raw) {
        char[] masked = null;
        // every span SKIP matches holds one of these; most prose lines hold none
        if (raw.indexOf('{') >= 0
                || raw.indexOf('`') >= 0
                || raw.indexOf("](") >= 0
                || raw.indexOf('<') >= 0
                || raw.indexOf("://") >= 0
                || raw.indexOf(":::") >= 0) {
            masked = raw.toCharArray();
            Matcher m = SKIP.matcher(raw);
            while (m.find()) {
                Arrays.fill(masked, m.start(), m.end(), ' ');
            }
        }
        for (String allowed : ALLOWED) {
            for (int at = raw.indexOf(allowed); at >= 0; at = raw.indexOf(allowed, at + 1)) {
                if (masked == null) {
                    masked = raw.toCharArray();
                }
                Arrays.fill(masked, at, at + allowed.length(), ' ');
            }
        }
        return masked == null ? raw : new String(masked);
    }

    private static int letterRun(String s, int from) {
        int i = from;
        while (i < s.length() && isLetter(s.charAt(i))) {
            i++;
        }
        return i - from;
    }

    private static boolean isWordChar(char c) {
        if (c < 128) {
            return c == '_' || (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= '0' && c <= '9';
        }
        return Character.isLetterOrDigit(c);
    }

    private static boolean isLetter(char c) {
        return c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
    }

    /** {@code \\p{L}} or {@code \\p{N}}. */
    private static boolean isLetterOrNumber(char c) {
        if (c < 128) {
            return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= '0' && c <= '9';
        }
        if (Character.isLetter(c)) {
            return true;
        }
        int t = Character.getType(c);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    private static String caseLike(String found, String house) {
        if (house == null || found.isEmpty()) {
            return house;
        }
        if (Character.isUpperCase(found.charAt(0)) && !Character.isUpperCase(house.charAt(0))) {
            return Character.toUpperCase(house.charAt(0)) + house.substring(1);
        }
        return house;
    }

    private static void report(
            Path file, int line, int index, String message, String hint, Diagnostics d, boolean strict) {
        d.report(new Diagnostic(
                strict ? Severity.ERROR : Severity.WARNING,
                SourcePosition.of(file, line, Math.max(1, index + 1)),
                "style: " + message,
                hint));
    }
}
