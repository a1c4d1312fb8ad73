package casebook.check;

import casebook.diag.Diagnostic;
import casebook.diag.Diagnostics;
import casebook.diag.Severity;
import casebook.diag.SourcePosition;
import casebook.site.Glossary;
import casebook.site.Page;
import java.util.ArrayList;
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
    static final Set<String> ISE_WORDS = Set.of("advise", "advertise", "anise", "apprise", "appraise", "arise", "bruise",
            "chastise", "circumcise", "comprise", "compromise", "concise", "cruise", "demise", "despise", "devise", "disguise",
            "enterprise", "excise", "liaise", "exercise", "expertise", "franchise", "guise", "improvise", "incise", "merchandise",
            "noise", "paradise", "poise", "praise", "precise", "premise", "promise", "raise", "reprise", "revise", "surmise",
            "supervise", "surprise", "televise", "treatise", "tortoise", "turquoise", "valise", "porpoise", "mortise", "reise");

    /** Official names written in another spelling; text inside them is not checked. */
    static final List<String> ALLOWED = List.of("Ministry of Health, Labour and Welfare");

    private static final Pattern ISE = Pattern.compile("(?i)\\b(\\p{L}{2,})is(e|es|ed|ing|er|ers|ation|ations|ational)\\b");
    private static final Pattern CURLY = Pattern.compile("[\u2018\u2019\u201C\u201D]");
    /** Spans that are not prose: heading ids, placeholders, code, link targets, URLs, HTML tags and comments. */
    private static final Pattern SKIP = Pattern.compile("\\{#[^}]*}|\\{\\{.*?}}|`[^`]*`|]\\([^)]*\\)|<!--.*?-->|<[^>\\s][^>]*>"
            + "|https?://\\S+|^\\s*:::[\\w-]*");

    /**
     * A rule's pattern, the forms it looks for in lower case (a line holding none of them is not matched:
     * a case-insensitive alternation tried at every position costs far more than a substring search), the
     * house form of each, and why.
     */
    private record Rule(Pattern pattern, List<String> needles, Map<String, String> house, String why) { }

    private final List<Rule> rules = new ArrayList<>();

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
        rules.add(new Rule(words(spelling.keySet()), lower(spelling.keySet()), spelling, "house spelling is US English"));
        for (Glossary.Entry e : glossary.entries()) {
            String term = e.term().get("en");
            List<String> avoid = e.avoid().getOrDefault("en", List.of());
            if (term == null || avoid.isEmpty()) continue;
            Map<String, String> house = new HashMap<>();
            for (String a : avoid) house.put(a.toLowerCase(Locale.ROOT), term);
            List<String> accepted = new ArrayList<>(e.aliases().getOrDefault("en", List.of()));
            accepted.add(term);
            // a form differing from an accepted one only in capitals is told apart by its capitals
            boolean byCase = avoid.stream().anyMatch(a -> accepted.stream().anyMatch(a::equalsIgnoreCase));
            rules.add(new Rule(byCase ? exact(avoid) : words(avoid), lower(avoid), house,
                    "the glossary's term (entry " + e.id() + ") is \"" + term + "\""));
        }
    }

    private static List<String> lower(java.util.Collection<String> forms) {
        return forms.stream().map(f -> f.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    /** Whole words or phrases, any case. */
    private static Pattern words(java.util.Collection<String> forms) {
        List<String> sorted = new ArrayList<>(forms);
        sorted.sort((a, b) -> b.length() - a.length());
        StringBuilder sb = new StringBuilder("(?i)(?<![\\p{L}\\p{N}-])(?:");
        for (int i = 0; i < sorted.size(); i++) sb.append(i == 0 ? "" : "|").append(Pattern.quote(sorted.get(i)));
        return Pattern.compile(sb.append(")(?![\\p{L}\\p{N}]|-\\p{L})").toString(), Pattern.UNICODE_CASE);
    }

    /** Whole phrases as written, or with a capital first letter (a sentence's start). */
    private static Pattern exact(List<String> forms) {
        StringBuilder sb = new StringBuilder("(?<![\\p{L}\\p{N}-])(?:");
        for (int i = 0; i < forms.size(); i++) {
            String f = forms.get(i);
            sb.append(i == 0 ? "" : "|").append("[").append(Pattern.quote(f.substring(0, 1).toLowerCase(Locale.ROOT)))
                    .append(Pattern.quote(f.substring(0, 1).toUpperCase(Locale.ROOT))).append("]").append(Pattern.quote(f.substring(1)));
        }
        return Pattern.compile(sb.append(")(?![\\p{L}\\p{N}])").toString());
    }

    /** Checks an English page (a page in another language is left alone). */
    public void check(Page p, Diagnostics d, boolean strict) {
        if (!p.lang().equals("en") && !p.lang().startsWith("en-")) return;
        if (p.meta() != null && p.meta().title() != null) line(p, p.meta().titleLine(), -1, p.meta().title(), "the title: ", d, strict);
        String[] lines = p.body().split("\n", -1);
        boolean fenced = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.stripLeading().startsWith("```") || l.stripLeading().startsWith("~~~")) { fenced = !fenced; continue; }
            if (!fenced) line(p, p.bodyStartLine() + i, 0, l, "", d, strict);
        }
    }

    /** Checks one line of text; {@code offset} is added to columns, or is -1 to report at column 1 (front matter). */
    private void line(Page p, int lineNo, int offset, String raw, String where, Diagnostics d, boolean strict) {
        if (raw.isEmpty()) return;
        char[] masked = raw.toCharArray();
        // every span SKIP matches holds one of these; most prose lines hold none, and the alternation is costly
        if (raw.indexOf('{') >= 0 || raw.indexOf('`') >= 0 || raw.indexOf("](") >= 0 || raw.indexOf('<') >= 0
                || raw.indexOf("://") >= 0 || raw.indexOf(":::") >= 0) {
            mask(masked, SKIP.matcher(raw));
        }
        for (String allowed : ALLOWED) {
            for (int at = raw.indexOf(allowed); at >= 0; at = raw.indexOf(allowed, at + 1)) {
                for (int k = at; k < at + allowed.length(); k++) masked[k] = ' ';
            }
        }
        String text = new String(masked);
        String lower = text.toLowerCase(Locale.ROOT);
        for (Rule r : rules) {
            if (r.needles().stream().noneMatch(lower::contains)) continue;
            Matcher m = r.pattern().matcher(text);
            while (m.find()) {
                String found = m.group();
                String house = caseLike(found, r.house().get(found.toLowerCase(Locale.ROOT)));
                if (house == null) continue;
                report(p, lineNo, offset < 0 ? -1 : m.start(), where + "\"" + found + "\" is not the house form: " + r.why(),
                        "write \"" + house + "\"", d, strict);
            }
        }
        Matcher ise = ISE.matcher(text);
        // every -ise form holds "ise", "isi" (-ising) or "isa" (-isation)
        boolean mayHoldIse = lower.contains("ise") || lower.contains("isi") || lower.contains("isa");
        while (mayHoldIse && ise.find()) {
            String stem = ise.group(1);
            String base = (stem + "ise").toLowerCase(Locale.ROOT);
            if (ISE_WORDS.contains(base) || stem.toLowerCase(Locale.ROOT).endsWith("w")) continue;
            String found = ise.group();
            String suffix = ise.group(2);
            String house = stem + "iz" + suffix;
            report(p, lineNo, offset < 0 ? -1 : ise.start(), where + "\"" + found + "\" is not the house form: house spelling is US English (-ize)",
                    "write \"" + house + "\"", d, strict);
        }
        Matcher q = CURLY.matcher(text);
        while (q.find()) {
            char c = q.group().charAt(0);
            boolean single = c == '\u2018' || c == '\u2019';
            report(p, lineNo, offset < 0 ? -1 : q.start(), where + "curly " + (single ? "quote or apostrophe" : "quotation mark") + " '" + c
                    + "': the house uses straight quotes", "write " + (single ? "'" : "\""), d, strict);
        }
    }

    private static void mask(char[] chars, Matcher m) {
        while (m.find()) for (int k = m.start(); k < m.end(); k++) chars[k] = ' ';
    }

    private static String caseLike(String found, String house) {
        if (house == null || found.isEmpty()) return house;
        if (Character.isUpperCase(found.charAt(0)) && !Character.isUpperCase(house.charAt(0))) {
            return Character.toUpperCase(house.charAt(0)) + house.substring(1);
        }
        return house;
    }

    private static void report(Page p, int line, int index, String message, String hint, Diagnostics d, boolean strict) {
        d.report(new Diagnostic(strict ? Severity.ERROR : Severity.WARNING, SourcePosition.of(p.display(), line, Math.max(1, index + 1)),
                "style: " + message, hint));
    }
}
