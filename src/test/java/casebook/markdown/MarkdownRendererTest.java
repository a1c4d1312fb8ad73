package casebook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.diag.Diagnostics;
import casebook.frontmatter.YamlNode;
import casebook.frontmatter.YamlReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
    static final MarkdownRenderer MD = DefaultTheme.renderer();
    static final Map<String, String> LABELS = Map.of(
            "keypoint.title",
            "取組のポイント",
            "category.prefecture",
            "都道府県",
            "category.core-city",
            "中核市",
            "category.general-city",
            "一般市",
            "basic.population",
            "人口",
            "unit.people",
            "{n}人",
            "asof.era",
            "（{date}現在）",
            "dialogue.says",
            "：",
            "participants.joiner",
            "、",
            "figure.in_section",
            "「{section}」の図");

    static RenderedBody render(String body, String lang, String data, Diagnostics d) {
        YamlNode node = data == null ? null : YamlReader.read(data, Path.of("data.yaml"), 0, d);
        return MD.render(
                new RenderRequest(
                        Path.of("p.md"),
                        lang,
                        body,
                        5,
                        node,
                        data == null ? null : Path.of("data.yaml"),
                        LABELS,
                        GlossaryTerms.NONE,
                        "../glossary/index.html",
                        !lang.equals("ja")),
                d);
    }

    static Document html(RenderedBody b) {
        return Jsoup.parseBodyFragment(b.html());
    }

    @Test
    void lineBreakBetweenJapaneseIsNotASpaceButBetweenLatinWordsItIs() {
        Diagnostics d = new Diagnostics();
        assertEquals("本文の続き", html(render("本文の\n続き\n", "ja", null, d)).text());
        assertEquals("two words", html(render("two\nwords\n", "en", null, d)).text());
        assertEquals("日本語English", html(render("日本語\nEnglish\n", "ja", null, d)).text());
    }

    @Test
    void headingsGetExplicitOrDerivedUniqueIds() {
        Diagnostics d = new Diagnostics();
        RenderedBody b = render("## 基本情報 {#basic-info}\n\n## 取組の概要\n\n## 取組の概要\n", "ja", null, d);
        assertEquals(
                List.of("basic-info", "取組の概要", "取組の概要-2"),
                b.headings().stream().map(OutlineHeading::id).toList());
        assertEquals("基本情報", html(b).getElementById("basic-info").text());
        assertEquals(5, b.headings().get(0).line());
    }

    @Test
    void keyPointBoxShowsCategoryHeadlineAndPoints() {
        Diagnostics d = new Diagnostics();
        RenderedBody b = render(":::keypoint\n見出し文\n\n- 一つ目\n- 二つ目\n:::\n", "ja", "category: core-city\n", d);
        Document h = html(b);
        assertEquals(0, d.errorCount());
        assertEquals("見出し文", h.selectFirst(".keypoint__headline").text());
        assertEquals(2, h.select(".keypoint__points li").size());
        assertTrue(h.selectFirst(".is-current").text().contains("中核市"));
    }

    @Test
    void basicInformationComesFromDataWithPositionsForMistakes() {
        Diagnostics d = new Diagnostics();
        String data =
                "basic_info:\n  - item: population\n    value: 607651\n    unit: people\n    as_of: 2024-10-01\n    as_of_calendar: era\n"
                        + "  - item: populaton\n    value: 1\n";
        RenderedBody b = render(":::basic-info\n:::\n", "ja", data, d);
        assertEquals("607,651人（令和6年10月1日現在）", html(b).selectFirst("td").text());
        String m = d.kept().get(0).toString();
        assertTrue(
                m.startsWith(
                        "data.yaml:7:5: error: unknown basic-information item \"populaton\"; did you mean \"population\"?"),
                m);
    }

    @Test
    void dataMistakesThatWouldBePublishedAsWrittenAreReported() {
        Diagnostics d = new Diagnostics();
        String data =
                "population: 3\nbasic_info:\n  - item: population\n    value: 1\n    as_of: 2024-10-01\n    as_of_calendar: gregorian\n";
        RenderedBody b = render(
                "人口{{ data.population }}人、{{data. population}}、{{ data.population }\n\n{{ data.basic_info }}\n\n"
                        + ":::basic-info\n:::\n",
                "ja",
                data,
                d);
        String m = d.kept().stream().map(Object::toString).collect(Collectors.joining("\n"));
        assertTrue(html(b).text().startsWith("人口3人、"), html(b).text());
        assertTrue(m.contains("p.md:5:26: error: \"{{data. population}}\" is not a data reference"), m);
        assertTrue(m.contains("p.md:5:47: error: \"{{ data.population }\" is not a data reference"), m);
        assertTrue(m.contains("p.md:7:1: error: data key \"basic_info\" in data.yaml holds a list, not one value"), m);
        assertTrue(m.contains("data.yaml:6:21: error: as_of_calendar must be era or western, not \"gregorian\""), m);
    }

    /** A figure of the basic information is an item of a list, not a key: the message says so and what to do. */
    @Test
    void aDataValueWithAPipeStaysInItsTableCell() {
        Diagnostics d = new Diagnostics();
        Document doc = html(render(
                "| 項目 | 内容 |\n|---|---|\n| 窓口 | {{ data.desk }} |\n\n本文 {{ data.desk }}\n", "ja", "desk: 相談|支援\n", d));
        assertEquals(List.of(), d.kept(), "no problem");
        assertEquals(2, doc.select("tbody tr td").size(), doc.html());
        assertEquals("相談|支援", doc.select("tbody tr td").get(1).text());
        assertEquals("本文 相談|支援", doc.select("p").last().text(), "and in a paragraph it reads the same");
    }

    @Test
    void aReferenceToABasicInformationItemSaysItIsAnItemOfTheList() {
        Diagnostics d = new Diagnostics();
        render("人口{{ data.population }}人\n", "ja", "basic_info:\n  - item: population\n    value: 1\n", d);
        String m = d.kept().get(0).toString();
        assertTrue(
                m.contains("p.md:5:3: error: data key \"population\" is not in data.yaml: \"population\" is an item of"
                        + " the list \"basic_info\""),
                m);
        assertTrue(m.contains("show basic_info with :::basic-info"), m);
    }

    @Test
    void aParticipantsBlockThatCannotBeReadIsReportedOnceNotOncePerTurn() {
        Diagnostics d = new Diagnostics();
        render(
                ":::participants\n- id: mod\n\tmark: 司\n:::\n\n:::dialogue\nmod: 質問です。\nguest: 答えです。\n:::\n",
                "ja",
                null,
                d);
        assertEquals(1, d.errorCount(), d.kept().toString());
        assertTrue(
                d.kept().get(0).toString().contains("error: a tab character: YAML allows only spaces here"),
                d.kept().toString());
    }

    @Test
    void doubleBracesInCodeOrEscapedAreExampleTextNotMistakes() {
        Diagnostics d = new Diagnostics();
        render(
                "Use `{{ .Title }}` here, or \\{{ this }}.\n\n```\n{{ range }}\n```\n\n    {{ indented }}\n",
                "ja",
                "x: 1\n",
                d);
        assertEquals(0, d.warningCount(), d.kept().toString());
    }

    /**
     * A turn is a two-column grid (speaker, words): its only children must be the speaker and one box
     * holding all the words, or each link and text run becomes a grid cell of its own.
     */
    @Test
    void aDialogueTurnWithALinkKeepsItsWordsInOneBox() {
        Diagnostics d = new Diagnostics();
        String body =
                ":::participants\n- id: mod\n  mark: 司\n  role: 司会\n  people:\n    - name: 岩上洋一氏\n      affiliation: 法人\n:::\n\n"
                        + ":::dialogue\nmod: 前の文、[保健師](../a/)と*強調*、後の文。\n:::\n";
        Document h = html(render(body, "ja", null, d));
        Element turn = h.selectFirst(".turn");
        assertEquals(
                List.of("speaker", "turn__text"),
                turn.children().stream().map(Element::className).toList());
        assertTrue(turn.textNodes().stream().allMatch(t -> t.text().isBlank()), turn.outerHtml());
        assertEquals("前の文、保健師と強調、後の文。", turn.selectFirst(".turn__text").text());
    }

    @Test
    void aHeadingIdWithASpaceIsReportedNotTakenAsText() {
        Diagnostics d = new Diagnostics();
        RenderedBody b = render("## 看護師の懸念 {#nurse concerns}\n", "ja", null, d);
        assertEquals("看護師の懸念", html(b).selectFirst("h2").text());
        assertTrue(
                d.kept().get(0).toString().startsWith("p.md:5:1: error: heading id \"nurse concerns\" is not valid"),
                d.kept().toString());
    }

    @Test
    void dialogueTurnsNameTheirSpeakerForScreenReaders() {
        Diagnostics d = new Diagnostics();
        String body =
                ":::participants\n- id: mod\n  mark: 司\n  role: 司会\n  people:\n    - name: 岩上洋一氏\n      affiliation: 法人\n:::\n\n"
                        + ":::dialogue\nmod: 質問です。\nguest: 答えです。\n:::\n";
        Document h = html(render(body, "ja", null, d));
        assertEquals("司会 岩上洋一氏：", h.selectFirst(".turn .visually-hidden").text());
        assertEquals("true", h.selectFirst(".turn .speaker-mark").attr("aria-hidden"));
        String m = d.kept().get(0).toString();
        assertTrue(m.startsWith("p.md:16:1: error: speaker \"guest\" is not in this page's participants"), m);
    }

    @Test
    void japaneseOnEnglishPagesIsMarked() {
        Diagnostics d = new Diagnostics();
        Document h =
                html(render("Saitama Prefecture (埼玉県) and Sano Miki (佐野 美貴), part 3 (高齢者・障害者 第3部).\n", "en", null, d));
        assertEquals(
                List.of("埼玉県", "佐野 美貴", "高齢者・障害者 第3部"),
                h.select("span[lang=ja]").eachText());
    }

    @Test
    void figureKeepsCaptionAndCreditWithoutInventingAnImage() {
        Diagnostics d = new Diagnostics();
        Document h = html(render(":::figure 図の題\n:::credit\n出典) 県提供資料\n:::\n:::\n", "ja", null, d));
        assertEquals("図の題", h.selectFirst("figure figcaption").text());
        assertEquals("出典) 県提供資料", h.selectFirst("figure .credit").text());
        assertEquals(0, h.select("img").size());
    }

    /**
     * A figure without a caption is named by the section it sits in (the nearest heading of level 2 or 3 above it, the
     * heading's Japanese marked on another language's page); a captioned figure keeps its caption; before any such
     * heading a figure gets no label, since there is nothing true to name it by.
     */
    @Test
    void aFigureWithoutACaptionIsNamedByItsSectionAndNothingElse() {
        Diagnostics d = new Diagnostics();
        String figure = ":::figure\n図の文言。\n\n:::credit\n出典) 県提供資料\n:::\n:::\n\n";
        Document h = html(render(
                "## 2. 庁内体制 {#structure}\n\n" + figure + "### 小見出し\n\n#### 取組概要\n\n" + figure
                        + ":::figure 図の題\n図の文言。\n:::\n",
                "ja",
                null,
                d));
        assertEquals(
                List.of("「2. 庁内体制」の図", "「小見出し」の図", "図の題"),
                h.select("figure figcaption").eachText());
        assertEquals(2, h.select("figcaption.figure__caption--section").size());
        Document en = html(render("## Structure (庁内体制)\n\n" + figure, "en", null, d));
        assertEquals("庁内体制", en.selectFirst("figcaption span[lang=ja]").text());
        assertEquals(0, html(render(figure, "ja", null, d)).select("figcaption").size());
        assertEquals(List.of(), d.kept(), "no diagnostics");
    }

    @Test
    void summaryTableTurnsNestedListsIntoRowHeadersAndCells() {
        Diagnostics d = new Diagnostics();
        Document h = html(render(":::summary-table\n- 行見出し\n  - 点1\n  - 点2\n- 二行目\n  - 点3\n:::\n", "ja", null, d));
        assertEquals(List.of("行見出し", "二行目"), h.select("th[scope=row]").eachText());
        assertEquals(2, h.select("tr").get(0).select("td li").size());
        assertNotNull(h.selectFirst("table.summary-table"));
    }

    @Test
    void aRefusedLinkKeepsItsTextAndLosesItsTargetAndARefusedImageIsLeftOut() {
        Diagnostics d = new Diagnostics();
        RenderedBody b = render(
                "[読む](javascript:alert(1)) ![図](data:image/png;base64,AAAA) <vbscript:msgbox(1)> [ok](../b/)\n",
                "ja",
                null,
                d);
        Document h = html(b);
        assertEquals(1, h.select("a").size(), b.html());
        assertEquals("../b/index.html", h.selectFirst("a").attr("href"));
        assertTrue(h.select("img").isEmpty(), b.html());
        assertTrue(h.text().startsWith("読む "), h.text());
        // the link check reports them: each is among the page's links, where it is written
        assertEquals(
                List.of("javascript:alert(1)", "data:image/png;base64,AAAA", "vbscript:msgbox(1)", "../b/"),
                b.links().stream().map(LinkUse::url).toList());
    }

    @Test
    void referenceLinksAreRewrittenCheckedAndRefusedLikeInlineOnes() {
        Diagnostics d = new Diagnostics();
        RenderedBody b = render(
                "[前][p] と [悪][bad] と ![図][img]\n\n[p]: ../hasuda/#basic-info \"題\"\n[bad]: JAVASCRIPT:alert(1)\n"
                        + "[img]: figure1.png\n",
                "ja",
                null,
                d);
        Document h = html(b);
        assertEquals("../hasuda/index.html#basic-info", h.selectFirst("a").attr("href"));
        assertEquals("題", h.selectFirst("a").attr("title"));
        assertEquals(1, h.select("a").size(), b.html());
        assertEquals("figure1.png", h.selectFirst("img").attr("src"));
        assertEquals("図", h.selectFirst("img").attr("alt"));
        // the definitions are the links checked, at the line and column of their URL
        assertEquals(
                List.of("../hasuda/#basic-info@7:6", "JAVASCRIPT:alert(1)@8:8", "figure1.png@9:8"),
                b.links().stream()
                        .map(l -> l.url() + "@" + l.line() + ":" + l.column())
                        .toList());
    }

    @Test
    void eachKindOfRawHtmlRemovalIsReportedOnItsOwnAndDone() {
        String[][] cases = {
            {"<script>alert(1)</script>", "p.md:5:1: warning: raw HTML removed: <script>", "script"},
            {
                "<div onclick=\"x()\">a</div>",
                "p.md:5:6: warning: raw HTML removed: onclick=\"x()\" from <div>",
                "[onclick]"
            },
            {
                "<div style=\"background:url(javascript:x)\">a</div>",
                "p.md:5:6: warning: raw HTML removed: style=",
                "[style]"
            },
            {"<base href=\"https://evil.example/\">", "p.md:5:1: warning: raw HTML removed: <base>", "base"},
            {
                "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
                "p.md:5:1: warning: raw HTML removed: <meta>",
                "meta"
            },
            {"<style>p{display:none}</style>", "p.md:5:1: warning: raw HTML removed: <style>", "style"},
            {"<link rel=\"stylesheet\" href=\"x.css\">", "p.md:5:1: warning: raw HTML removed: <link>", "link"},
            {
                "<svg><animate onbegin=\"x()\"></animate></svg>",
                "p.md:5:1: warning: raw HTML removed: <svg>",
                "svg, animate"
            },
            {
                "text <b onmouseover=\"x()\">bold</b> text",
                "p.md:5:9: warning: raw HTML removed: onmouseover=\"x()\" from <b>",
                "[onmouseover]"
            },
        };
        for (String[] c : cases) {
            Diagnostics d = new Diagnostics();
            RenderedBody b = render(c[0] + "\n", "ja", null, d);
            String m = d.kept().stream().map(Object::toString).collect(Collectors.joining("\n"));
            assertTrue(m.startsWith(c[1]), c[0] + " -> " + m);
            assertEquals(0, d.errorCount(), m);
            assertTrue(html(b).select(c[2]).isEmpty(), c[0] + " -> " + b.html());
        }
    }

    @Test
    void allowedRawHtmlIsKeptWithoutAWarningAndPagesWithoutRawHtmlAreNotReserialised() {
        Diagnostics d = new Diagnostics();
        RenderedBody b = render(
                "<p class=\"x\" lang=\"en\">A <ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby> <sub>2</sub>"
                        + " <a href=\"mailto:a@example.jp\">m</a> <img src=\"fig.png\" alt=\"図\" width=\"10\"></p>\n",
                "ja",
                null,
                d);
        assertEquals(0, d.kept().size(), d.kept().toString());
        Document h = html(b);
        assertEquals("かん", h.selectFirst("p.x[lang=en] ruby rt").text());
        assertEquals("mailto:a@example.jp", h.selectFirst("a").attr("href"));
        assertEquals("10", h.selectFirst("img[src=fig.png][alt=図]").attr("width"));
        // no raw HTML: Flexmark's bytes as they were (the cleaner would write <br> for <br />)
        assertEquals(
                "<p>a<br />\nb</p>\n",
                render("a  \nb\n", "ja", null, new Diagnostics()).html());
    }

    @Test
    void anElementOpenedInOneHtmlBlockAndClosedInAnotherStillWrapsTheMarkdownBetween() {
        Diagnostics d = new Diagnostics();
        RenderedBody b = render("<div class=\"box\">\n\n**太字**\n\n</div>\n\n後の段落\n", "ja", null, d);
        Document h = html(b);
        assertEquals("太字", h.selectFirst("div.box > p > strong").text());
        assertEquals("後の段落", h.selectFirst("div.box + p").text());
        assertEquals(0, d.kept().size());
    }

    /**
     * Participants are one entry per person, each a description list (mark, name, role, affiliation), not a
     * table whose cells could shrink a name to one character a line; a speaker of two people gives two entries.
     */
    @Test
    void participantsAreOneEntryPerPersonNotATable() {
        Diagnostics d = new Diagnostics();
        String body =
                "## 参加者 {#participants}\n\n:::participants\n- id: mod\n  mark: 司\n  role: 司会\n  people:\n    - name: 岩上洋一氏\n      affiliation: 法人\n"
                        + "- id: kawaguchi\n  mark: 川\n  people:\n    - name: 佐野 美貴氏\n      affiliation: 保健所\n    - name: 小林 三沙氏\n      affiliation: 障害福祉課\n:::\n";
        Document h = html(render(body, "ja", null, d));
        assertFalse(d.hasErrors(), d.kept().toString());
        assertTrue(h.select("table").isEmpty(), h.outerHtml());
        Element list = h.selectFirst("ul.participants[aria-labelledby=participants]");
        assertNotNull(list, h.outerHtml());
        assertEquals(
                List.of("mod", "kawaguchi", "kawaguchi"),
                list.select("> li .speaker-mark").stream()
                        .map(m -> m.className().replace("speaker-mark speaker-mark--", ""))
                        .toList());
        assertEquals(
                List.of("岩上洋一氏", "佐野 美貴氏", "小林 三沙氏"),
                list.select(".participant__name dd").eachText());
        assertEquals(
                List.of("司会"),
                list.select(".participant__role dd").eachText(),
                "a speaker without a role gets no empty role");
        assertEquals(
                List.of("法人", "保健所", "障害福祉課"),
                list.select(".participant__affiliation dd").eachText());
        // every value has its term for screen readers
        assertEquals(
                List.of("participants.mark", "participants.name", "participants.role", "participants.affiliation"),
                list.select("> li").first().select("dt").eachText());
    }
}
