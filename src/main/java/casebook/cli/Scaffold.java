package casebook.cli;

import casebook.diag.Diagnostics;
import casebook.diag.Suggestions;
import casebook.frontmatter.FrontMatter;
import casebook.frontmatter.SiteConfig;
import casebook.frontmatter.YamlNode;
import casebook.frontmatter.YamlReader;
import casebook.pipeline.BuildOptions;
import casebook.site.Placeholders;
import casebook.site.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code new case <slug>} and {@code new page <slug>}: creates a page folder from a documented
 * template holding every construct of its kind (for a case: key-point box, basic-information table,
 * numbered sections, a figure with its credit, a note), in both languages, and adds the slug to
 * site.yaml's order: after {@code --after SLUG}, or by default a case after the last page of its group
 * and a plain page before the pages about the site. Every text and figure to be supplied is written as
 * {@code TODO(…)} ({@link Placeholders}), so an untouched scaffold cannot be published by mistake.
 * Refuses an invalid or existing slug, and an {@code --after} slug that is not in the order.
 */
public final class Scaffold {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
    /** The group a case joins when site.yaml defines it. */
    static final String CASES = "cases";
    /** What {@code new} makes. */
    static final List<String> KINDS = List.of("case", "page", "translation");

    private Scaffold() {}

    public static int run(Arguments a, Console console) throws UsageException {
        if (a.words().size() != 2 || !KINDS.contains(a.words().get(0))) {
            throw new UsageException(
                    "usage: new case <slug> [--after SLUG] | new page <slug> [--after SLUG] | new translation <slug>");
        }
        String kind = a.words().get(0);
        String slug = a.words().get(1);
        if (!SLUG.matcher(slug).matches()) {
            throw new UsageException(
                    "\"" + slug + "\" is not a valid slug: use lowercase ASCII letters, digits and hyphens (e.g. "
                            + slug.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "") + ")");
        }
        if (kind.equals("translation")) {
            if (a.after() != null) {
                throw new UsageException("--after is an option of new case and new page only: a translation takes"
                        + " the place of its original");
            }
            return TranslationScaffold.run(a, slug, console);
        }
        Path content = a.options().content();
        Path dir = content.resolve(slug);
        if (Files.exists(dir)) {
            throw new UsageException(dir + " already exists; choose another slug"
                    + (Files.exists(dir.resolve("index.ja.md"))
                            ? " (to scaffold only its translation: new translation " + slug + ")"
                            : ""));
        }
        Path siteYaml = content.resolve("site.yaml");
        if (!Files.isRegularFile(siteYaml)) {
            throw new UsageException(siteYaml + " not found; pass --content DIR");
        }
        try {
            String site = Files.readString(siteYaml, StandardCharsets.UTF_8);
            Diagnostics d = new Diagnostics();
            YamlNode n = YamlReader.read(site, siteYaml, 0, d);
            if (n == null) {
                console.diagnostics(d);
                return 1;
            }
            SiteConfig cfg = SiteConfig.from(n, siteYaml, d);
            String group = kind.equals("case") ? caseGroup(cfg) : null;
            Map<String, String> groups = groupsOf(content, cfg);
            String after = a.after();
            if (after != null && !cfg.order().contains(after)) {
                String s = Suggestions.closest(after, cfg.order());
                throw new UsageException("--after " + after + ": \"" + after + "\" is not in the order in " + siteYaml
                        + (s != null ? "; did you mean \"" + s + "\"?" : ""));
            }
            if (after == null) {
                after = defaultPlace(cfg.order(), groups, group);
            }
            // site.yaml is changed in memory first, so nothing is written when the order cannot be found
            String updated = cfg.order().isEmpty() ? null : insertIntoOrder(site, slug, after);
            if (!cfg.order().isEmpty() && updated == null) {
                throw new UsageException(
                        "cannot find the order list in " + siteYaml + "; add \"- " + slug + "\" to it by hand");
            }
            Files.createDirectories(dir);
            // a case's number is its place among the cases of its group in the order (the labels count them)
            int place = after == null ? 0 : cfg.order().indexOf(after) + 1;
            List<String> laterCases = new ArrayList<>();
            int number = 1;
            for (int i = 0; i < cfg.order().size(); i++) {
                String other = cfg.order().get(i);
                if (group != null && group.equals(groups.get(other))) {
                    if (i < place) {
                        number++;
                    } else {
                        laterCases.add(other);
                    }
                }
            }
            if (kind.equals("case")) {
                write(dir.resolve("index.ja.md"), caseJa(group, number));
                write(dir.resolve("index.en.md"), caseEn(group, number));
                write(dir.resolve("data.yaml"), DATA);
            } else {
                write(dir.resolve("index.ja.md"), PAGE_JA);
                write(dir.resolve("index.en.md"), PAGE_EN);
            }
            if (updated != null) {
                Files.writeString(siteYaml, updated, StandardCharsets.UTF_8);
            }
            console.info(
                    "created " + dir + " (index.ja.md, index.en.md" + (kind.equals("case") ? ", data.yaml" : "") + ")"
                            + (updated == null
                                    ? ""
                                    : " and added \"" + slug + "\" to the order in " + siteYaml
                                            + (after == null ? " (first)" : " after \"" + after + "\"")));
            if (kind.equals("case") && !laterCases.isEmpty()) {
                console.info("its label is 取組事例" + circled(number) + " / Case study " + number
                        + ", by its place among the cases; " + String.join(", ", laterCases)
                        + (laterCases.size() == 1 ? ", which comes" : ", which come")
                        + " after it, keep their labels: renumber them (label: in each index.<lang>.md)");
            }
            console.info("next: replace every TODO(…) in them (" + command(a, "check")
                    + " lists each file still holding one); for a page in Japanese only, delete index.en.md. Preview"
                    + " while writing: " + command(a, "serve"));
            return 0;
        } catch (IOException e) {
            console.error("casebook: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The Maven command line that runs {@code command} on the same content and themes the user named: a hint
     * that dropped {@code --content /tmp/copy} would send the editor to the real collection. Options left at
     * their defaults are not repeated; a value with a space or a quote is put in single quotes.
     */
    static String command(Arguments a, String command) {
        BuildOptions defaults = BuildOptions.defaults();
        StringBuilder args = new StringBuilder(command);
        BuildOptions o = a.options();
        if (!o.content().equals(defaults.content())) {
            args.append(" --content ").append(quoted(o.content().toString()));
        }
        if (!o.themes().equals(defaults.themes())) {
            args.append(" --themes ").append(quoted(o.themes().toString()));
        }
        if (o.theme() != null) {
            args.append(" --theme ").append(quoted(o.theme()));
        }
        return "mvn compile exec:java -Dexec.args=\"" + args + "\"";
    }

    private static String quoted(String value) {
        return value.matches("[^\\s'\"]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }

    /** "cases" when site.yaml defines it, else the first group it defines, else none. */
    static String caseGroup(SiteConfig cfg) {
        if (cfg.groups().containsKey(CASES) || cfg.groups().isEmpty()) {
            return cfg.groups().isEmpty() ? null : CASES;
        }
        return cfg.groups().keySet().iterator().next();
    }

    /** The group of each page in the order ("" for none), read from its front matter in any language. */
    static Map<String, String> groupsOf(Path content, SiteConfig cfg) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String slug : cfg.order()) {
            String group = "";
            for (String lang : cfg.languages()) {
                Path f = content.resolve(slug).resolve("index." + lang + ".md");
                if (!Files.isRegularFile(f)) {
                    continue;
                }
                FrontMatter fm = FrontMatter.split(
                        Files.readString(f, StandardCharsets.UTF_8).replace("\r\n", "\n"));
                YamlNode node = fm == null ? null : YamlReader.read(fm.yaml(), f, 0, new Diagnostics());
                if (node != null && node.isMap() && node.text("group") != null) {
                    group = node.text("group");
                }
                break;
            }
            out.put(slug, group);
        }
        return out;
    }

    /**
     * Where a new page goes when no --after is given: a case after the last page of its group; a page
     * of no group (or of a group not yet used) before the pages about the site that end the order.
     * Null means first.
     */
    static String defaultPlace(List<String> order, Map<String, String> groups, String group) {
        if (order.isEmpty()) {
            return null;
        }
        if (group != null) {
            for (int i = order.size() - 1; i >= 0; i--) {
                if (group.equals(groups.get(order.get(i)))) {
                    return order.get(i);
                }
            }
        }
        int i = order.size();
        while (i > 0 && Site.ABOUT.equals(groups.get(order.get(i - 1)))) {
            i--;
        }
        return i == 0 ? null : order.get(i - 1);
    }

    /**
     * site.yaml with "- slug" inserted into the order after {@code after} (first when null), keeping the
     * file's own layout and comments; null when the order list is not written in a form this recognises
     * (a block list, or a flow list on one line).
     */
    static String insertIntoOrder(String site, String slug, String after) {
        String[] lines = site.split("\n", -1);
        int orderLine = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].matches("order\\s*:.*")) {
                orderLine = i;
                break;
            }
        }
        if (orderLine < 0) {
            return null;
        }
        String rest = lines[orderLine].substring(lines[orderLine].indexOf(':') + 1);
        if (rest.strip().startsWith("[")) {
            int open = lines[orderLine].indexOf('[');
            int close = lines[orderLine].indexOf(']', open);
            if (close < 0) {
                return null;
            }
            List<String> items = new ArrayList<>();
            for (String x : lines[orderLine].substring(open + 1, close).split(",")) {
                if (!x.isBlank()) {
                    items.add(x.strip());
                }
            }
            int at = after == null ? 0 : indexOfItem(items, after) + 1;
            if (at == 0 && after != null) {
                return null;
            }
            items.add(at, slug);
            lines[orderLine] = lines[orderLine].substring(0, open + 1)
                    + String.join(", ", items)
                    + lines[orderLine].substring(close);
            return String.join("\n", lines);
        }
        if (!rest.strip().isEmpty() && !rest.strip().startsWith("#")) {
            return null;
        }
        int insertAt = -1;
        String indent = null;
        for (int i = orderLine + 1; i < lines.length; i++) {
            String l = lines[i];
            if (l.isBlank() || l.stripLeading().startsWith("#")) {
                continue;
            }
            String t = l.stripLeading();
            if (!t.startsWith("- ") && !t.equals("-")) {
                break;
            } // the next key: the list has ended
            if (indent == null) {
                indent = l.substring(0, l.indexOf('-'));
                if (after == null) {
                    insertAt = i;
                }
            }
            if (after != null
                    && unquote(t.substring(1).replaceFirst("\\s+#.*$", "").strip())
                            .equals(after)) {
                insertAt = i + 1;
            }
        }
        if (indent == null || insertAt < 0) {
            return null;
        }
        List<String> out = new ArrayList<>(List.of(lines));
        out.add(insertAt, indent + "- " + slug);
        return String.join("\n", out);
    }

    private static int indexOfItem(List<String> items, String slug) {
        for (int i = 0; i < items.size(); i++) {
            if (unquote(items.get(i)).equals(slug)) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))
                ? s.substring(1, s.length() - 1)
                : s;
    }

    private static void write(Path p, String text) throws IOException {
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    /** ①…⑳ for the Japanese label, then plain digits. */
    static String circled(int n) {
        return n >= 1 && n <= 20 ? String.valueOf((char) (0x2460 + n - 1)) : String.valueOf(n);
    }

    static String caseJa(String group, int number) {
        return CASE_JA.replace("label: 取組事例④\n", "label: 取組事例" + circled(number) + "\n")
                .replace("group: cases\n", group == null ? "" : "group: " + group + "\n");
    }

    static String caseEn(String group, int number) {
        return CASE_EN.replace("label: Case study 4\n", "label: Case study " + number + "\n")
                .replace("group: cases\n", group == null ? "" : "group: " + group + "\n");
    }

    static final String CASE_JA = """
            ---
            title: TODO(○○県○○市)
            label: 取組事例④
            group: cases
            ---

            :::keypoint
            TODO(取組の特徴を一文で)している事例

            - TODO(取組のポイント1)
            - TODO(取組のポイント2)
            - TODO(取組のポイント3)
            :::

            ## 1. 基本情報 {#basic-info}

            :::basic-info
            :::

            ## 2. 庁内体制 {#administrative-structure}

            :::figure TODO(図の題)
            TODO(図中の文言。原資料に文言がないときは「原資料のテキストにはこの図の文言が含まれていないため、図の内容は掲載していません。」)

            :::credit
            出典) TODO(○○市提供資料)
            :::
            :::

            - TODO(体制の説明)

            ## 3. 取組前の問題意識 {#issues}

            ### TODO(小見出し) {#issue-1}

            - TODO(本文)

            ## 4. 取組の内容 {#initiatives}

            TODO(本文)

            :::note
            ※TODO(注記)
            :::

            ## 5. 取組のまとめ {#summary}

            ### TODO(まとめの見出し) {#summary-1}

            - TODO(本文)
            """;

    static final String CASE_EN = """
            ---
            title: TODO(○○ City, ○○ Prefecture)
            label: Case study 4
            group: cases
            ---

            :::keypoint
            A case that TODO(the feature of the initiative in one sentence)

            - TODO(Key point 1)
            - TODO(Key point 2)
            - TODO(Key point 3)
            :::

            ## 1. Basic information {#basic-info}

            :::basic-info
            :::

            ## 2. Structure within the local government {#administrative-structure}

            :::figure TODO(Figure caption)
            TODO(the words in the figure; when the source gives none: The text of the original publication does not include the words of this figure, so its content is not given here.)

            :::credit
            Source: TODO(material provided by ○○ City)
            :::
            :::

            - TODO(Description of the organization)

            ## 3. Background {#issues}

            ### TODO(Subheading) {#issue-1}

            - TODO(Text)

            ## 4. The initiatives {#initiatives}

            TODO(Text)

            :::note
            Note: TODO(note)
            :::

            ## 5. Summary {#summary}

            ### TODO(Summary heading) {#summary-1}

            - TODO(Text)
            """;

    /** The case's facts; each example value carries a TODO comment (a YAML comment, so the file stays valid). */
    static final String DATA = """
            # Facts of this case, written once for both languages (see docs/content-guide.md).
            # Write the real value over each example below and delete its TODO comment.
            category: general-city       # TODO(prefecture | core-city | general-city)
            basic_info:
              - item: population
                value: 0                   # TODO(人口 population)
                unit: people
                as_of: 2025-01-01          # TODO(時点 as-of date; delete as_of and as_of_calendar when the source gives none)
                as_of_calendar: era        # era （令和7年1月1日現在, the default） | western （2025年1月1日時点）
              - item: inpatients
                value: 0                   # TODO(入院精神障害者数 psychiatric inpatients)
                unit: people
              - item: hospitals
                value: 0                   # TODO(精神科病院数 psychiatric hospitals)
                unit: hospitals
              - item: beds
                value: 0                   # TODO(精神科病床数 psychiatric beds)
                unit: beds
            """;

    static final String PAGE_JA = """
            ---
            title: TODO(ページの題)
            ---

            ## TODO(見出し) {#section-1}

            TODO(本文)
            """;

    static final String PAGE_EN = """
            ---
            title: TODO(Page title)
            ---

            ## TODO(Heading) {#section-1}

            TODO(Text)
            """;
}
