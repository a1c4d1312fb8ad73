package casebook.cli;

import casebook.diag.Diagnostics;
import casebook.frontmatter.SiteConfig;
import casebook.frontmatter.YamlNode;
import casebook.frontmatter.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * {@code new case <slug>} and {@code new page <slug>}: creates a page folder from a documented
 * template holding every construct of its kind (for a case: key-point box, basic-information table,
 * numbered sections, a figure with its credit, a note), in both languages, and appends the slug to
 * site.yaml's order. Refuses an invalid or existing slug.
 */
public final class Scaffold {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private Scaffold() { }

    public static int run(Arguments a, Console console) throws UsageException {
        if (a.words().size() != 2 || !(a.words().get(0).equals("case") || a.words().get(0).equals("page"))) {
            throw new UsageException("usage: new case <slug> | new page <slug>");
        }
        String kind = a.words().get(0);
        String slug = a.words().get(1);
        if (!SLUG.matcher(slug).matches()) {
            throw new UsageException("\"" + slug + "\" is not a valid slug: use lowercase ASCII letters, digits and hyphens (e.g. "
                    + slug.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "") + ")");
        }
        Path content = a.options().content();
        Path dir = content.resolve(slug);
        if (Files.exists(dir)) throw new UsageException(dir + " already exists; choose another slug");
        Path siteYaml = content.resolve("site.yaml");
        if (!Files.isRegularFile(siteYaml)) throw new UsageException(siteYaml + " not found; pass --content DIR");
        try {
            String site = Files.readString(siteYaml, StandardCharsets.UTF_8);
            Diagnostics d = new Diagnostics();
            YamlNode n = YamlReader.read(site, siteYaml, 0, d);
            if (n == null) {
                console.diagnostics(d);
                return 1;
            }
            SiteConfig cfg = SiteConfig.from(n, siteYaml, d);
            Files.createDirectories(dir);
            if (kind.equals("case")) {
                write(dir.resolve("index.ja.md"), CASE_JA);
                write(dir.resolve("index.en.md"), CASE_EN);
                write(dir.resolve("data.yaml"), DATA);
            } else {
                write(dir.resolve("index.ja.md"), PAGE_JA);
                write(dir.resolve("index.en.md"), PAGE_EN);
            }
            if (!cfg.order().contains(slug)) Files.writeString(siteYaml, appendToOrder(site, slug, n.get("order") != null), StandardCharsets.UTF_8);
            console.info("created " + dir + " (index.ja.md, index.en.md" + (kind.equals("case") ? ", data.yaml" : "")
                    + ") and added \"" + slug + "\" to the order in " + siteYaml);
            console.info("next: edit the files, then preview with: mvn compile exec:java -Dexec.args=\"serve\"");
            return 0;
        } catch (IOException e) {
            console.error("casebook: " + e.getMessage());
            return 1;
        }
    }

    /** Adds "- slug" after the last item of the order list, keeping the file's own layout and comments. */
    static String appendToOrder(String site, String slug, boolean hasOrder) {
        if (!site.endsWith("\n")) site += "\n";
        if (!hasOrder) return site + "order:\n  - " + slug + "\n";
        String[] lines = site.split("\n", -1);
        int orderLine = -1;
        int last = -1;
        String indent = "  ";
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("order:")) { orderLine = i; last = i; continue; }
            if (orderLine >= 0 && last >= orderLine) {
                String t = lines[i].stripLeading();
                if (t.startsWith("- ")) { last = i; indent = lines[i].substring(0, lines[i].indexOf('-')); }
                else if (!lines[i].isBlank() && !lines[i].startsWith(" ")) break;
            }
        }
        if (lines[orderLine].contains("[")) {
            lines[orderLine] = lines[orderLine].replaceFirst("\\]\\s*$", ", " + slug + "]");
            return String.join("\n", lines);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            out.append(lines[i]);
            if (i < lines.length - 1) out.append('\n');
            if (i == last) out.append(indent).append("- ").append(slug).append('\n');
        }
        return out.toString();
    }

    private static void write(Path p, String text) throws IOException {
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    static final String CASE_JA = """
            ---
            title: ○○県○○市
            label: 取組事例④
            group: cases
            ---

            :::keypoint
            （取組の特徴を一文で）している事例

            - 取組のポイント1
            - 取組のポイント2
            - 取組のポイント3
            :::

            ## 1. 基本情報 {#basic-info}

            :::basic-info
            :::

            ## 2. 庁内体制 {#administrative-structure}

            :::figure （図の題）
            :::credit
            出典) ○○市提供資料
            :::
            :::

            - 体制の説明

            ## 3. 取組前の問題意識 {#issues}

            ### （小見出し） {#issue-1}

            - 本文

            ## 4. 取組の内容 {#initiatives}

            本文。

            :::note
            ※注記
            :::

            ## 5. 取組のまとめ {#summary}

            ### （まとめの見出し） {#summary-1}

            - 本文
            """;

    static final String CASE_EN = """
            ---
            title: ○○ City, ○○ Prefecture
            label: Case study 4
            group: cases
            ---

            :::keypoint
            A case that (the feature of the initiative in one sentence)

            - Key point 1
            - Key point 2
            - Key point 3
            :::

            ## 1. Basic information {#basic-info}

            :::basic-info
            :::

            ## 2. Organization within the local government {#administrative-structure}

            :::figure (Figure caption)
            :::credit
            Source: material provided by ○○ City
            :::
            :::

            - Description of the organization

            ## 3. Awareness of the issues before the initiative {#issues}

            ### (Subheading) {#issue-1}

            - Text

            ## 4. The initiatives {#initiatives}

            Text.

            :::note
            Note: ...
            :::

            ## 5. Summary of the initiatives {#summary}

            ### (Summary heading) {#summary-1}

            - Text
            """;

    static final String DATA = """
            # Facts of this case, written once for both languages (see docs/content-guide.md).
            category: general-city       # prefecture | core-city | general-city
            basic_info:
              - item: population
                value: 0
                unit: people
                as_of: 2025-01-01
                as_of_calendar: era        # era: （令和7年1月1日現在） | western: （2025年1月1日時点）
              - item: inpatients
                value: 0
                unit: people
              - item: hospitals
                value: 0
                unit: hospitals
              - item: beds
                value: 0
                unit: beds
            """;

    static final String PAGE_JA = """
            ---
            title: ページの題
            ---

            ## 見出し {#section-1}

            本文。
            """;

    static final String PAGE_EN = """
            ---
            title: Page title
            ---

            ## Heading {#section-1}

            Text.
            """;
}
