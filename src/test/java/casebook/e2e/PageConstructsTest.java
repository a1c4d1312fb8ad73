package casebook.e2e;

import static casebook.testing.SiteFixture.SITE_YAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.testing.SiteFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What particular pages show, pinned on a fixture written here rather than on the real content (whose
 * pages may change): a case's key points and basic information, a round table's speakers, the top
 * page's introduction, the glossary's first-use links. The fixture is also a valid collection, so the
 * content-neutral checks run on it too.
 */
class PageConstructsTest {
    static final String FIXTURE = "-- site.yaml --\n" + SITE_YAML + """
            groups:
              cases: {ja: 取組事例, en: Case studies}
            order: [city, talk]
            -- index.ja.md --
            ---
            title: 取組事例集
            ---

            本取組事例集に関する情報は、
            下記のポータルサイトに掲載されています。
            -- index.en.md --
            ---
            title: Case studies
            ---

            Information on this collection is on the
            portal site below.
            -- glossary.yaml --
            - id: public-health-center
              ja: 保健所
              en: public health center
              definition:
                ja: 地域の保健を担う機関です。
                en: The public body in charge of a region's health.
            -- city/data.yaml --
            category: core-city
            basic_info:
              - item: population
                value: 7326804
                unit: people
                as_of: 2024-10-01
                as_of_calendar: era
              - item: inpatients
                value: 75
                unit: people
                as_of: 2023-06-30
                as_of_calendar: western
              - item: hospitals
                value: 2
                unit: hospitals
              - item: beds
                value: 438
                unit: beds
                note:
                  ja: 認知症病床を含む
                  en: including dementia beds
            -- city/index.ja.md --
            ---
            title: 埼玉県川口市
            label: 取組事例①
            group: cases
            ---

            :::keypoint
            民間と連携している事例

            - 一つ目
            - 二つ目
            - 三つ目
            - 四つ目
            :::

            ## 1. 基本情報 {#basic-info}

            :::basic-info
            :::

            ## 2. 体制 {#structure}

            保健所が支援する。保健所は地域の拠点である。
            -- city/index.en.md --
            ---
            title: Kawaguchi City, Saitama Prefecture
            label: Case study 1
            group: cases
            ---

            :::keypoint
            A case working with private partners

            - One
            - Two
            - Three
            - Four
            :::

            ## 1. Basic information {#basic-info}

            :::basic-info
            :::

            ## 2. Organization {#structure}

            The public health center supports it. The public health center is the region's base.
            -- talk/index.ja.md --
            ---
            title: 座談会
            ---

            ## 参加者と凡例 {#participants}

            :::participants
            - id: mod
              mark: 司
              role: 司会
              people:
                - name: 岩上洋一氏
                  affiliation: 委員長
            - id: city
              mark: 川
              people:
                - name: 佐野 美貴氏
                  affiliation: 川口市保健所
                - name: 小林 三沙氏
                  affiliation: 川口市障害福祉課
            :::

            ## 川口市 {#city}

            :::dialogue
            mod: 変化はありましたか？
            city: 「保健所ができました。」
            mod: ありがとうございます。
            :::
            -- talk/index.en.md --
            ---
            title: Round table
            ---

            ## Participants {#participants}

            :::participants
            - id: mod
              mark: M
              role: Moderator
              people:
                - name: Mr Yoichi Iwagami
                  affiliation: Chair
            - id: city
              mark: K
              people:
                - name: Ms Miki Sano
                  affiliation: Kawaguchi City Public Health Center
                - name: Ms Misa Kobayashi
                  affiliation: Kawaguchi City Disability Welfare Division
            :::

            ## Kawaguchi City {#city}

            :::dialogue
            mod: Has anything changed?
            city: "A public health center was set up."
            mod: Thank you.
            :::
            """;

    @TempDir
    static Path tmp;

    static Path out;

    @BeforeAll
    static void build() {
        Path content = SiteFixture.write(tmp.resolve("content"), FIXTURE);
        out = tmp.resolve("site");
        var r = SiteFixture.build(content, out);
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
    }

    static Document page(String path) {
        try {
            return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
        } catch (IOException e) {
            throw new AssertionError(path, e);
        }
    }

    @Test
    void keyPointBoxHasItsCategoryAndPoints() {
        Element box = page("ja/city/index.html").selectFirst("section.keypoint");
        assertEquals("取組のポイント", box.selectFirst("h2").text());
        assertEquals(4, box.select(".keypoint__points > li").size());
        assertEquals(3, box.select(".keypoint__category").size());
        Element current = box.selectFirst(".keypoint__category.is-current");
        assertTrue(current.text().contains("中核市"), current.text());
        assertNotNull(
                current.selectFirst(".visually-hidden"),
                "the current category is announced, not shown by colour alone");
        assertEquals("民間と連携している事例", box.selectFirst(".keypoint__headline").text());
        assertEquals(
                4,
                page("en/city/index.html")
                        .select("section.keypoint .keypoint__points > li")
                        .size());
    }

    @Test
    void basicInformationFiguresAreFormattedPerLanguage() {
        Element ja = page("ja/city/index.html").selectFirst("table.basic-info");
        assertEquals("人口", ja.selectFirst("tr th").text());
        assertEquals(4, ja.select("tr th[scope=row]").size());
        String t = ja.text();
        assertTrue(t.contains("7,326,804人（令和6年10月1日現在）"), t);
        assertTrue(t.contains("75人（2023年6月30日時点）"), t);
        assertTrue(t.contains("438床（認知症病床を含む）"), t);
        String en = page("en/city/index.html").selectFirst("table.basic-info").text();
        assertTrue(en.contains("7,326,804 people (as of 1 October 2024)"), en);
        assertTrue(en.contains("including dementia beds"), en);
    }

    @Test
    void roundTableMarksEverySpeaker() {
        Document d = page("ja/talk/index.html");
        List<Element> turns = d.select(".dialogue .turn");
        assertEquals(3, turns.size());
        for (Element t : turns) {
            assertNotNull(t.selectFirst(".speaker-mark[aria-hidden=true]"));
            assertFalse(t.selectFirst(".speaker .visually-hidden").text().isBlank(), "screen readers hear who speaks");
        }
        assertTrue(d.selectFirst(".turn--mod .visually-hidden").text().contains("岩上洋一氏"));
        // one entry per person, each naming mark, name and affiliation; no table whose cells could break a name
        assertEquals(3, d.select("ul.participants > li.participant").size(), "one entry per person");
        assertTrue(d.select("table.participants").isEmpty());
        for (Element p : d.select("li.participant")) {
            assertNotNull(p.selectFirst(".participant__mark .speaker-mark"), p.outerHtml());
            assertFalse(p.select(".participant__name dd").text().isBlank(), p.outerHtml());
            assertFalse(p.select(".participant__affiliation dd").text().isBlank(), p.outerHtml());
        }
    }

    @Test
    void japaneseLineBreaksDoNotBecomeSpaces() {
        String intro = page("ja/index.html").selectFirst(".intro").text();
        assertTrue(intro.contains("本取組事例集に関する情報は、下記のポータルサイト"), intro);
        String en = page("en/index.html").selectFirst(".intro").text();
        assertTrue(en.contains("on the portal site"), en);
    }

    @Test
    void glossaryTermsLinkOnFirstUse() {
        Document d = page("ja/city/index.html");
        assertEquals(1, d.select("a.term[href$=#public-health-center]").size(), "only the first use links");
        assertEquals(
                "../glossary/index.html#public-health-center",
                d.selectFirst("a.term").attr("href"));
        assertNotNull(page("en/glossary/index.html").getElementById("public-health-center"));
    }

    @Test
    void theFixtureIsAValidCollectionForTheContentNeutralChecks() {
        new CollectionChecks(tmp.resolve("content"), tmp.resolve("site-checks")).all();
    }
}
