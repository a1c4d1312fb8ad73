package casebook.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.site.Glossary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one-pass checker finds exactly what the regular expressions it replaced found (the rules written as
 * one case-insensitive alternation per rule, with look-arounds for word edges, an optional plural "s" or "es" for the
 * glossary's forms and each space of a form matching one space or one line break, kept here as the oracle):
 * on every line of the real English pages and on 20,000 random lines made of the rules' own forms, their
 * near misses, -ise words, curly quotes, code, links, tags, hyphens, digits and underscores.
 */
class EnglishStyleOracleTest {
    static final Glossary GLOSSARY = new Glossary(
            List.of(
                    entry("community-building", "community building", List.of(), List.of("community development")),
                    entry(
                            "desk",
                            "General Welfare Consultation Desk",
                            List.of(),
                            List.of(
                                    "general welfare consultation desk",
                                    "General welfare desk",
                                    "General welfare consultation")),
                    entry("nurse", "public health nurse", List.of("PHN"), List.of("health nurse", "Phn"))),
            null);

    static Glossary.Entry entry(String id, String en, List<String> aliases, List<String> avoid) {
        return new Glossary.Entry(
                id,
                Map.of("en", en, "ja", id),
                Map.of("en", "x"),
                Map.of("en", aliases),
                Map.of("en", avoid),
                Map.of(),
                1);
    }

    final EnglishStyleChecker checker = new EnglishStyleChecker(GLOSSARY);
    final Oracle oracle = new Oracle(GLOSSARY);

    @Test
    void everyLineOfTheRealEnglishPagesGivesTheSameFindings() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            for (Path f :
                    files.filter(f -> f.toString().endsWith(".en.md")).sorted().toList()) {
                lines.addAll(Files.readAllLines(f));
            }
        }
        assertTrue(lines.size() > 100, "the real English pages were read: " + lines.size());
        for (String l : lines) {
            assertEquals(oracle.findings(l), checker.findings(l), l);
        }
    }

    @Test
    void randomLinesOfFormsAndNearMissesGiveTheSameFindings() {
        String[] pieces = {
            "colour",
            "Colour",
            "COLOURS",
            "colours-based",
            "re-colour",
            "colour-",
            "per cent",
            "Per Cent",
            "per  cent",
            "round-table",
            "round-tables",
            "roundtable",
            "centre",
            "centres",
            "centred",
            "towards",
            "organise",
            "Organised",
            "organisation",
            "organisational",
            "realise",
            "advise",
            "exercises",
            "revised",
            "sawise",
            "wise",
            "franchising",
            "analyse",
            "is",
            "isis",
            "visits",
            "criticise",
            "x_colour",
            "colour_x",
            "2colour",
            "colour2",
            "colour²",
            "Ⅻcolour",
            "community development",
            "Community development",
            "community developments",
            "general welfare consultation desk",
            "General welfare consultation desk",
            "General Welfare Consultation Desk",
            "General welfare desk",
            "General welfare consultation",
            "health nurse",
            "Health nurse",
            "Phn",
            "PHN",
            "phn",
            "\u2018",
            "\u2019",
            "\u201C",
            "\u201D",
            "`colour`",
            "[colour](colour)",
            "<b class=\"colour\">",
            "<!-- colour -->",
            "https://colour.example/centre",
            "{#colour}",
            "{{data.colour}}",
            "::: colour",
            "Ministry of Health, Labour and Welfare",
            "labour",
            "neighbourhood",
            "travelling",
            "grey",
            "licence",
            "ageing",
            "-",
            "'",
            "\"",
            ",",
            ".",
            "(",
            ")",
            " ",
            " ",
            "  ",
            "café",
            "naïve",
            "organisé",
            "ORGANISATIONS",
            "Organisationally",
            "amongst",
            "learnt",
            "whilst",
            "\n",
            " \n  ",
            "\n\n",
            "community",
            "development",
            "developments",
            "developmentES",
            "general welfare consultation desks",
            "General Welfare consultation desk",
            "health nurses",
            "Phns",
            "PhnS",
            "in",
            "hospital",
            "in hospital",
            "joined-up",
            "Joined-up",
            "at municipal level",
            "per"
        };
        Random random = new Random(20261128);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int parts = 1 + random.nextInt(12);
            for (int k = 0; k < parts; k++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
                if (random.nextInt(3) > 0) {
                    sb.append(' ');
                }
            }
            String line = sb.toString();
            assertEquals(oracle.findings(line), checker.findings(line), line);
        }
    }

    /** The checker as it was: one alternation per rule, a mask of skipped spans, -ise and quotes by pattern. */
    static final class Oracle {
        /** A rule's pattern: group 1 the form, group 2 (glossary rules) the plural's "s" or "es". */
        private record Rule(
                Pattern pattern, Map<String, String> house, String why, boolean exact, String pluralHouse) {}

        /** A space of a form: one space, or one line break with spaces and tabs around it. */
        private static final String SPACE = "(?: |[ \\t]*\\n[ \\t]*)";

        private static final Pattern ISE =
                Pattern.compile("(?i)\\b(\\p{L}{2,})is(e|es|ed|ing|er|ers|ation|ations|ational)\\b");
        private static final Pattern CURLY = Pattern.compile("[\u2018\u2019\u201C\u201D]");
        private static final Pattern SKIP = Pattern.compile("\\{#[^}]*}|\\{\\{.*?}}|`[^`]*`|]\\([^)]*\\)|<!--.*?-->"
                + "|<[^>\\s][^>]*>|https?://\\S+|^\\s*:::[\\w-]*");
        private final List<Rule> rules = new ArrayList<>();

        Oracle(Glossary glossary) {
            list(EnglishStyleChecker.SPELLING, "house spelling is US English");
            list(EnglishStyleChecker.IDIOMS, "house usage is US English");
            for (Glossary.Entry e : glossary.entries()) {
                String term = e.term().get("en");
                List<String> avoid = e.avoid().getOrDefault("en", List.of());
                if (term == null || avoid.isEmpty()) {
                    continue;
                }
                Map<String, String> house = new HashMap<>();
                for (String a : avoid) {
                    house.put(a.toLowerCase(Locale.ROOT), term);
                }
                List<String> accepted = new ArrayList<>(e.aliases().getOrDefault("en", List.of()));
                accepted.add(term);
                boolean byCase = avoid.stream().anyMatch(a -> accepted.stream().anyMatch(a::equalsIgnoreCase));
                String plural = accepted.stream()
                        .filter(a -> a.equalsIgnoreCase(term + "s") || a.equalsIgnoreCase(term + "es"))
                        .findFirst()
                        .orElse(null);
                rules.add(new Rule(
                        byCase ? exact(avoid) : words(avoid, true),
                        house,
                        "the glossary's term (entry " + e.id() + ") is \"" + term + "\"",
                        byCase,
                        plural));
            }
        }

        private void list(String list, String why) {
            Map<String, String> spelling = new LinkedHashMap<>(); // fully qualified: the oracle keeps its own
            for (String line : list.strip().split("\n")) {
                String[] kv = line.split("=");
                String variant = kv[0].strip();
                String house = kv[1].strip();
                if (variant.endsWith("(s)")) {
                    spelling.put(variant.substring(0, variant.length() - 3), house.substring(0, house.length() - 3));
                    spelling.put(
                            variant.substring(0, variant.length() - 3) + "s",
                            house.substring(0, house.length() - 3) + "s");
                } else {
                    spelling.put(variant, house);
                }
            }
            rules.add(new Rule(words(new ArrayList<>(spelling.keySet()), false), lower(spelling), why, false, null));
        }

        private static Map<String, String> lower(Map<String, String> m) {
            Map<String, String> out = new HashMap<>();
            m.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
            return out;
        }

        /** A form quoted, each space as {@link #SPACE}. */
        private static String quote(String form) {
            StringBuilder sb = new StringBuilder();
            String[] parts = form.split(" ", -1);
            for (int i = 0; i < parts.length; i++) {
                sb.append(i == 0 ? "" : SPACE).append(parts[i].isEmpty() ? "" : Pattern.quote(parts[i]));
            }
            return sb.toString();
        }

        private static Pattern words(List<String> forms, boolean plural) {
            List<String> sorted = new ArrayList<>(forms);
            sorted.sort((a, b) -> b.length() - a.length());
            StringBuilder sb = new StringBuilder("(?i)(?<![\\p{L}\\p{N}-])(?:(");
            for (int i = 0; i < sorted.size(); i++) {
                sb.append(i == 0 ? "" : "|").append(quote(sorted.get(i)));
            }
            sb.append(")").append(plural ? "(e?s)?" : "()");
            return Pattern.compile(sb.append(")(?![\\p{L}\\p{N}]|-\\p{L})").toString(), Pattern.UNICODE_CASE);
        }

        private static Pattern exact(List<String> forms) {
            StringBuilder sb = new StringBuilder("(?<![\\p{L}\\p{N}-])(?:(");
            for (int i = 0; i < forms.size(); i++) {
                String f = forms.get(i);
                sb.append(i == 0 ? "" : "|")
                        .append("[")
                        .append(Pattern.quote(f.substring(0, 1).toLowerCase(Locale.ROOT)))
                        .append(Pattern.quote(f.substring(0, 1).toUpperCase(Locale.ROOT)))
                        .append("]")
                        .append(quote(f.substring(1)));
            }
            return Pattern.compile(sb.append(")(e?s)?)(?![\\p{L}\\p{N}])").toString());
        }

        private static final Pattern NEXT_WORD = Pattern.compile("[ \\t\\n]*(\\p{L}*)");

        /** "hospital" modifying the word after the form ("in hospital settings"): not the British idiom. */
        private static boolean modifies(String form, String text, int end) {
            if (!form.toLowerCase(Locale.ROOT).endsWith("hospital")) {
                return false;
            }
            Matcher next = NEXT_WORD.matcher(text);
            next.region(end, text.length());
            String word = next.lookingAt() ? next.group(1) : "";
            return !word.isEmpty() && !EnglishStyleChecker.AFTER_HOSPITAL_IDIOM.contains(word.toLowerCase(Locale.ROOT));
        }

        private static String mask(String raw) {
            char[] masked = raw.toCharArray();
            Matcher skip = SKIP.matcher(raw);
            while (skip.find()) {
                for (int k = skip.start(); k < skip.end(); k++) {
                    masked[k] = ' ';
                }
            }
            for (String allowed : EnglishStyleChecker.ALLOWED) {
                for (int at = raw.indexOf(allowed); at >= 0; at = raw.indexOf(allowed, at + 1)) {
                    for (int k = at; k < at + allowed.length(); k++) {
                        masked[k] = ' ';
                    }
                }
            }
            return new String(masked);
        }

        List<EnglishStyleChecker.Finding> findings(String raw) {
            List<EnglishStyleChecker.Finding> out = new ArrayList<>();
            if (raw.isEmpty()) {
                return out;
            }
            StringBuilder joined = new StringBuilder();
            for (String line : raw.split("\n", -1)) {
                joined.append(mask(line)).append('\n');
            }
            String text = joined.substring(0, joined.length() - 1);
            for (Rule r : rules) {
                Matcher m = r.pattern().matcher(text);
                while (m.find()) {
                    String found = m.group().replaceAll("[ \t]*\n[ \t]*", " ");
                    String form = m.group(1).replaceAll("[ \t]*\n[ \t]*", " ");
                    boolean plural = m.group(2) != null && !m.group(2).isEmpty();
                    String house = r.house().get(form.toLowerCase(Locale.ROOT));
                    if (house == null || r.why().equals("house usage is US English") && modifies(form, text, m.end())) {
                        continue;
                    }
                    String shown = plural && r.pluralHouse() != null ? r.pluralHouse() : house;
                    boolean capitalsOnly = r.exact() && form.equalsIgnoreCase(house);
                    if (!capitalsOnly
                            && Character.isUpperCase(found.charAt(0))
                            && !Character.isUpperCase(shown.charAt(0))) {
                        shown = Character.toUpperCase(shown.charAt(0)) + shown.substring(1);
                    }
                    String hint = plural && r.pluralHouse() == null
                            ? "write the plural of \"" + shown + "\""
                            : "write \"" + shown + "\"";
                    out.add(new EnglishStyleChecker.Finding(
                            m.start(), "\"" + found + "\" is not the house form: " + r.why(), hint));
                }
            }
            Matcher ise = ISE.matcher(text);
            while (ise.find()) {
                String stem = ise.group(1);
                if (EnglishStyleChecker.ISE_WORDS.contains((stem + "ise").toLowerCase(Locale.ROOT))
                        || stem.toLowerCase(Locale.ROOT).endsWith("w")) {
                    continue;
                }
                out.add(new EnglishStyleChecker.Finding(
                        ise.start(),
                        "\"" + ise.group() + "\" is not the house form: house spelling is US English (-ize)",
                        "write \"" + stem + "iz" + ise.group(2) + "\""));
            }
            Matcher q = CURLY.matcher(text);
            while (q.find()) {
                char c = q.group().charAt(0);
                boolean single = c == '\u2018' || c == '\u2019';
                out.add(new EnglishStyleChecker.Finding(
                        q.start(),
                        "curly " + (single ? "quote or apostrophe" : "quotation mark") + " '" + c
                                + "': the house uses straight quotes",
                        "write " + (single ? "'" : "\"")));
            }
            out.sort(Comparator.comparingInt(EnglishStyleChecker.Finding::index) // fully qualified: oracle only
                    .thenComparing(EnglishStyleChecker.Finding::message));
            return out;
        }
    }
}
