package casebook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.diag.Diagnostics;
import casebook.frontmatter.YamlReader;
import casebook.theme.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The custom blocks: each is read by its class and written by the theme's template of the same name. The
 * default theme writes the HTML casebook wrote before the markup moved into templates (recorded from it);
 * another theme's template changes a block's markup; a template's mistake is reported at its own line.
 */
class BlocksTest {
    static final MarkdownRenderer MD = DefaultTheme.renderer();

    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("keypoint.title", "Key points"),
            Map.entry("keypoint.categories", "Category"),
            Map.entry("keypoint.current", "(this case)"),
            Map.entry("category.prefecture", "Prefecture"),
            Map.entry("category.core-city", "Core city"),
            Map.entry("category.general-city", "General city"),
            Map.entry("basic.population", "Population"),
            Map.entry("basic.hospitals", "Hospitals"),
            Map.entry("unit.people", "{n} people"),
            Map.entry("asof.era", " (as of {date})"),
            Map.entry("note.pattern", " ({text})"),
            Map.entry("figure.omitted", "The figure is not reproduced."),
            Map.entry("participants.mark", "Mark"),
            Map.entry("participants.name", "Name"),
            Map.entry("participants.role", "Role"),
            Map.entry("participants.affiliation", "Affiliation"),
            Map.entry("participants.joiner", ", "),
            Map.entry("dialogue.says", " says: "));

    static final String DATA = """
            category: core-city
            basic_info:
              - item: population
                value: 607651
                unit: people
                as_of: 2024-10-01
                as_of_calendar: era
              - item: hospitals
                value: 12
                note:
                  en: incl. clinics
            """;

    /** Every block once, nested ones too, on an English page (Japanese runs are marked). */
    static final String PAGE = """
            ## Overview {#overview}

            :::keypoint
            A *headline* with a [link](../a/)

            - first point
            - second 日本語 point

            :::note
            nested note
            :::
            :::

            :::basic-info
            :::

            ### Table

            :::summary-table
            - Row one
              - a point
              - another
            - Row **two**

              second paragraph
            :::

            :::figure Figure 1: *flow* of 支援
            The words of the figure.

            :::credit
            Source: ministry
            :::
            :::

            :::infocard Contacts & more
            Term
            : Definition
            :::

            :::note
            A note with <span class="x">raw</span> HTML.
            :::

            ## Round-table

            :::participants
            - id: mod
              mark: 司
              role: Moderator
              people:
                - name: Iwagami 洋一
                  affiliation: Corporation "A"
            - id: g1
              mark: A
              people:
                - name: Guest
            :::

            :::dialogue
            mod: Let us begin, [see](../b/).
            g1: Thank you.
            continued line

            mod: Third turn.
            :::
            """;

    static final String EXPECTED = """
            <h2 id="overview">Overview</h2>
            <section class="keypoint" aria-labelledby="keypoint keypoint-category">
            <h2 class="keypoint__title" id="keypoint">Key points</h2>
            <ul class="keypoint__categories" aria-label="Category"><li class="keypoint__category">Prefecture</li><li class="keypoint__category is-current" id="keypoint-category"><span class="keypoint__mark" aria-hidden="true">✓</span>Core city<span class="visually-hidden">(this case)</span></li><li class="keypoint__category">General city</li></ul>
            <p class="keypoint__headline">A <em>headline</em> with a <a href="../a/index.html">link</a></p>
            <ul class="keypoint__points">
            <li>first point</li>
            <li>second <span lang="ja">日本語</span> point</li>
            </ul>
            <div class="note" role="note"><p>nested note</p>
            </div>
            </section>
            <table class="basic-info" id="basic-info-table" aria-labelledby="keypoint">
            <tbody>
            <tr><th scope="row">Population</th><td>607,651 people (as of 1 October 2024)</td></tr>
            <tr><th scope="row">Hospitals</th><td>12 (incl. clinics)</td></tr>
            </tbody>
            </table>
            <h3 id="table">Table</h3>
            <table class="summary-table" aria-labelledby="table">
            <tbody>
            <tr><th scope="row">Row one</th><td><ul>
            <li>a point</li>
            <li>another</li>
            </ul>
            </td></tr>
            <tr><th scope="row">Row <strong>two</strong></th><td><p>second paragraph</p>
            </td></tr>
            </tbody>
            </table>
            <figure class="figure">
            <figcaption class="figure__caption">Figure 1: <em>flow</em> of <span lang="ja">支援</span></figcaption>
            <div class="figure__body">
            <p class="figure__omitted">The figure is not reproduced.</p>
            <p>The words of the figure.</p>
            <div class="credit"><p>Source: ministry</p>
            </div>
            </div>
            </figure>
            <aside class="infocard" aria-labelledby="infocard">
            <p class="infocard__title" id="infocard">Contacts &amp; more</p>
            <dl>
            <dt>Term</dt>
            <dd>Definition</dd>
            </dl>
            </aside>
            <div class="note" role="note"><p>A note with <span class="x">raw</span> HTML.</p>
            </div>
            <h2 id="round-table">Round-table</h2>
            <ul class="participants" aria-labelledby="round-table">
            <li class="participant participant--mod"><dl class="participant__entry"><div class="participant__mark"><dt class="visually-hidden">Mark</dt><dd><span class="speaker-mark speaker-mark--mod"><span lang="ja">司</span></span></dd></div><div class="participant__name"><dt class="visually-hidden">Name</dt><dd>Iwagami <span lang="ja">洋一</span></dd></div><div class="participant__role"><dt class="visually-hidden">Role</dt><dd>Moderator</dd></div><div class="participant__affiliation"><dt class="visually-hidden">Affiliation</dt><dd>Corporation &quot;A&quot;</dd></div></dl></li>
            <li class="participant participant--g1"><dl class="participant__entry"><div class="participant__mark"><dt class="visually-hidden">Mark</dt><dd><span class="speaker-mark speaker-mark--g1">A</span></dd></div><div class="participant__name"><dt class="visually-hidden">Name</dt><dd>Guest</dd></div></dl></li>
            </ul>
            <div class="dialogue">
            <p class="turn turn--mod"><span class="speaker"><span class="speaker-mark speaker-mark--mod" aria-hidden="true"><span lang="ja">司</span></span> <span class="speaker__name" aria-hidden="true">Moderator Iwagami <span lang="ja">洋一</span></span><span class="visually-hidden">Moderator Iwagami <span lang="ja">洋一</span> says: </span></span> <span class="turn__text">Let us begin, <a href="../b/index.html">see</a>.</span></p>
            <p class="turn turn--g1"><span class="speaker"><span class="speaker-mark speaker-mark--g1" aria-hidden="true">A</span> <span class="speaker__name" aria-hidden="true">Guest</span><span class="visually-hidden">Guest says: </span></span> <span class="turn__text">Thank you.
            continued line</span></p>
            <p class="turn turn--mod"><span class="speaker"><span class="speaker-mark speaker-mark--mod" aria-hidden="true"><span lang="ja">司</span></span> <span class="speaker__name" aria-hidden="true">Moderator Iwagami <span lang="ja">洋一</span></span><span class="visually-hidden">Moderator Iwagami <span lang="ja">洋一</span> says: </span></span> <span class="turn__text">Third turn.</span></p>
            </div>
            """;

    static RenderedBody render(MarkdownRenderer md, String body, Diagnostics d) {
        return md.render(
                new RenderRequest(
                        Path.of("p.md"),
                        "en",
                        body,
                        5,
                        YamlReader.read(DATA, Path.of("data.yaml"), 0, d),
                        Path.of("data.yaml"),
                        LABELS,
                        GlossaryTerms.NONE,
                        "g/",
                        true),
                d);
    }

    @Test
    void theDefaultThemeWritesEveryBlockAsBefore() {
        Diagnostics d = new Diagnostics();
        RenderedBody b = render(MD, PAGE, d);
        assertEquals(List.of(), d.kept());
        assertEquals(EXPECTED, b.html());
        assertEquals(
                "overview:H2, keypoint:UL, keypoint:NOTE, keypoint:KEYPOINT, keypoint:TABLE, table:H3, table:UL, table:UL, "
                        + "table:TABLE, table:FIGURE, table:CREDIT, table:UL, table:INFOCARD, table:NOTE, round-table:H2, "
                        + "round-table:PARTICIPANTS, round-table:TURN, round-table:TURN, round-table:TURN",
                b.structure().stream().map(s -> s.section() + ":" + s.kind()).collect(Collectors.joining(", ")));
        assertEquals(
                List.of("overview", "keypoint", "table", "round-table"),
                b.headings().stream().map(OutlineHeading::id).toList());
    }

    @Test
    void everyBlockHasATemplateInTheDefaultThemeAndEveryTemplateABlock() throws IOException {
        try (Stream<Path> files = Files.list(DefaultTheme.TEMPLATES.resolve("blocks"))) {
            assertEquals(
                    new TreeSet<>(MarkdownRenderer.CONTAINERS),
                    files.map(p -> p.getFileName().toString())
                            .map(n -> n.substring(0, n.length() - ".ftlh".length()))
                            .collect(Collectors.toCollection(TreeSet::new)));
        }
        assertFalse(MarkdownRenderer.CONTAINERS.isEmpty());
    }

    /** Adding a block is one class, one template and one section of the content guide, which shows it in use. */
    @Test
    void everyBlockIsShownInTheContentGuide() throws IOException {
        String guide = Files.readString(Path.of("docs/content-guide.md"));
        for (String name : MarkdownRenderer.CONTAINERS) {
            assertTrue(
                    Pattern.compile("(?m)^:::" + Pattern.quote(name) + "( |$)")
                            .matcher(guide)
                            .find(),
                    "docs/content-guide.md has no example of :::" + name);
        }
    }

    @Test
    void aThemeChangesABlocksMarkupWithItsOwnTemplate(@TempDir Path theme) throws IOException {
        Files.createDirectories(theme.resolve("blocks"));
        Files.writeString(theme.resolve("blocks/note.ftlh"), "<aside class=\"remark\">${bodyHtml?no_esc}</aside>\n");
        MarkdownRenderer md = new MarkdownRenderer().withBlocks(new Templates(theme, Path.of("mytheme")).blocks());
        Diagnostics d = new Diagnostics();
        RenderedBody b = render(md, "Before.\n\n:::note\nA *remark* & more.\n:::\n", d);
        assertEquals(List.of(), d.kept());
        assertEquals(
                "<p>Before.</p>\n<aside class=\"remark\"><p>A <em>remark</em> &amp; more.</p>\n</aside>\n", b.html());
    }

    @Test
    void aTemplateMistakeIsReportedAtItsLineAndTheBlockLeftOut(@TempDir Path theme) throws IOException {
        Files.createDirectories(theme.resolve("blocks"));
        Files.writeString(theme.resolve("blocks/note.ftlh"), "<div>\n${missing}</div>\n");
        MarkdownRenderer md = new MarkdownRenderer().withBlocks(new Templates(theme, Path.of("mytheme")).blocks());
        Diagnostics d = new Diagnostics();
        RenderedBody b = render(md, "Before.\n\n:::note\nText\n:::\n\n:::credit\nSource\n:::\n", d);
        assertEquals("<p>Before.</p>\n", b.html());
        List<String> problems = d.kept().stream().map(Object::toString).toList();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(
                problems.get(0).startsWith("mytheme/blocks/credit.ftlh:1:1: error: cannot load template"),
                problems.get(0));
        assertTrue(problems.get(1).startsWith("mytheme/blocks/note.ftlh:2:3: error: template error:"), problems.get(1));
    }

    @Test
    void aTemplateCannotReachJavaThroughABlocksModel(@TempDir Path theme) throws IOException {
        Files.createDirectories(theme.resolve("blocks"));
        Files.writeString(theme.resolve("blocks/note.ftlh"), "${bodyHtml?api.getClass()}\n");
        MarkdownRenderer md = new MarkdownRenderer().withBlocks(new Templates(theme, Path.of("mytheme")).blocks());
        Diagnostics d = new Diagnostics();
        RenderedBody b = render(md, ":::note\nText\n:::\n", d);
        assertEquals("", b.html());
        assertTrue(
                d.kept().get(0).toString().startsWith("mytheme/blocks/note.ftlh:1:"),
                d.kept().toString());
    }

    @Test
    void aModelReachesTheTemplateAsPlainValues() {
        var model = new KeyPointBlock.KeyPoint(
                "kp",
                "Key points",
                "Category",
                "(this case)",
                List.of(new KeyPointBlock.Category("Core city", true)),
                List.of(new KeyPointBlock.Part("headline", "<em>x</em>")));
        Map<String, Object> view = BlockView.of(model);
        assertEquals(
                List.of("id", "title", "categoriesLabel", "currentLabel", "categories", "body"),
                List.copyOf(view.keySet()));
        assertEquals(List.of(Map.of("name", "Core city", "current", true)), view.get("categories"));
        assertEquals(List.of(Map.of("kind", "headline", "contentHtml", "<em>x</em>")), view.get("body"));
        assertFalse(view.values().stream().anyMatch(v -> v instanceof Record));
    }

    @Test
    void aMistakeInsideABlockIsStillReportedAtItsLineInThePage() {
        Diagnostics d = new Diagnostics();
        render(MD, "Intro.\n\n:::dialogue\nmod: Hello.\nnobody: Hi.\n:::\n", d);
        assertEquals(
                List.of(
                        "p.md:8:1: error: speaker \"mod\" is not in this page's participants (fix: declare it in the"
                                + " :::participants block above the dialogue, or correct the id)",
                        "p.md:9:1: error: speaker \"nobody\" is not in this page's participants (fix: declare it in the"
                                + " :::participants block above the dialogue, or correct the id)"),
                d.kept().stream().map(Object::toString).toList());
    }
}
