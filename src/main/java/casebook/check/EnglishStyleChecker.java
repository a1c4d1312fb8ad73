package casebook.check;

import casebook.diag.Diagnostic;
import casebook.diag.Diagnostics;
import casebook.diag.Repeats;
import casebook.diag.Severity;
import casebook.diag.SourcePosition;
import casebook.site.Glossary;
import casebook.site.Page;
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
 * Keeps English pages in the house style of docs/translation-style.md: US spelling, straight quotes and
 * one rendering per glossary term. (Its numbers rule is left to editors: a number in words is too
 * often a name or a heading, such as "Two".) It reads each English page's Markdown source (its title and body; heading ids, link targets, code, HTML tags and {@code {{data}}}
 * placeholders are skipped) and warns, at the line and column of the variant, for
 * <ul>
 * <li>a spelling of {@link #SPELLING}, or an {@code -ise}/{@code -isation} verb, when the house writes
 *     {@code -ize};</li>
 * <li>curly quotation marks and apostrophes;</li>
 * <li>a form listed under a glossary entry's {@code avoid: en:}.</li>
 * </ul>
 * Official names that keep another spelling are listed in {@link #ALLOWED} and never reported. With
 * {@code strict}, all of these are errors.
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
     * glossary form told apart from an accepted one by its capitals), its house form and why.
     */
    private record Form(String lower, String text, boolean exact, String house, String why, int rule, int order) {}

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

    public EnglishStyleChecker(Glossary glossary) {
        Map<String, String> spelling = new LinkedHashMap<>();
        for (String line : SPELLING.strip().split("\n")) {
            String[] kv = line.split("=");
            String variant = kv[0].strip();
            String house = kv[1].strip();
            if (variant.endsWith("(s)")) {
                String v = variant.substring(0, variant.length() - 3);
                String h = house.substring(0, house.length() - 3);
                spelling.put(v, h);
                spelling.put(v + "s", h + "s");
            } else {
                spelling.put(variant, house);
            }
        }
        addRule(spelling, false, "house spelling is US English");
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
            addRule(house, byCase, "the glossary's term (entry " + e.id() + ") is \"" + term + "\"");
        }
        for (List<Form> forms : byFirstRun.values()) {
            // the order the alternation of the rule tried them in: longest first, or as listed for a form told by its
            // capitals
            forms.sort(Comparator.comparingInt(Form::rule)
                    .thenComparingInt(f -> f.exact() ? f.order() : -f.text().length()));
        }
    }

    private void addRule(Map<String, String> house, boolean exact, String why) {
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
                    .add(new Form(lower, form, exact, lowerHouse.get(lower), why, rule, order));
        }
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
                report(p, p.meta().titleLine(), -1, "the title: " + f.message(), f.hint(), d, strict);
            }
        }
        String body = p.body();
        boolean fenced = false;
        int lineNo = p.bodyStartLine();
        for (int from = 0; from <= body.length(); lineNo++) {
            int nl = body.indexOf('\n', from);
            int to = nl < 0 ? body.length() : nl;
            String l = body.substring(from, to);
            from = to + 1;
            String lead = l.stripLeading();
            if (lead.startsWith("```") || lead.startsWith("~~~")) {
                fenced = !fenced;
            } else if (!fenced) {
                for (Finding f : findings(l)) {
                    report(p, lineNo, f.index(), f.message(), f.hint(), d, strict);
                }
            }
            if (nl < 0) {
                break;
            }
        }
    }

    /** What one line of text breaks of the house style, in the order of the rules and then of the line. */
    List<Finding> findings(String raw) {
        if (raw.isEmpty()) {
            return List.of();
        }
        String text = masked(raw);
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

    private void matchForms(String text, int at, int[] nextAllowed, List<Finding> found) {
        int run = letterRun(text, at);
        if (run < shortestRun || run > longestRun || !maybeFirstTwo(text, at, run)) {
            return;
        }
        List<Form> forms = byFirstRun.get(text.substring(at, at + run).toLowerCase(Locale.ROOT));
        if (forms == null) {
            return;
        }
        int matchedRule = -1;
        for (Form f : forms) {
            if (f.rule() == matchedRule || at < nextAllowed[f.rule()] || !matches(text, at, f)) {
                continue;
            }
            matchedRule = f.rule();
            int end = at + f.text().length();
            nextAllowed[f.rule()] = end;
            String what = text.substring(at, end);
            String house = caseLike(what, f.house());
            if (house != null) {
                found.add(new Finding(
                        at, "\"" + what + "\" is not the house form: " + f.why(), "write \"" + house + "\""));
            }
        }
    }

    /** The form at {@code at}, followed by no letter or number (nor, for a form in any case, a hyphen and a letter). */
    private static boolean matches(String text, int at, Form f) {
        int len = f.text().length();
        if (at + len > text.length()) {
            return false;
        }
        if (f.exact()) {
            if (Character.toLowerCase(text.charAt(at))
                            != Character.toLowerCase(f.text().charAt(0))
                    || !text.regionMatches(at + 1, f.text(), 1, len - 1)) {
                return false;
            }
        } else if (!text.regionMatches(true, at, f.lower(), 0, len)) {
            return false;
        }
        int end = at + len;
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
            Page p, int line, int index, String message, String hint, Diagnostics d, boolean strict) {
        d.report(new Diagnostic(
                strict ? Severity.ERROR : Severity.WARNING,
                SourcePosition.of(p.display(), line, Math.max(1, index + 1)),
                "style: " + message,
                hint));
    }
}
