package casebook.pipeline;

import casebook.diag.Diagnostics;
import casebook.site.Glossary;
import casebook.site.Site;
import casebook.site.SiteAssembler;

/**
 * The functions the stages are given for the work {@code serve} memoises, chosen in one place: {@link #DIRECT}
 * does the work, {@link BuildCache#hooks()} puts {@code serve}'s memos around the same work. {@link Build} takes
 * one of the two once per build and hands each stage its function; the stages run the same code either way and
 * never see a cache.
 */
interface StageHooks {
    /** Stage 2's reader of YAML and page files. */
    SiteAssembler.Reader reader();

    /** The theme stage. */
    Theme theme(ThemeLoader loader, BuildOptions options, Site site, Diagnostics d);

    /** A page's Markdown. */
    PageStage.Bodies bodies();

    /** A page's template, with {@code theme}. */
    PageStage.Html html(Theme theme);

    /** A page's English against the house style, with the site's {@code glossary}. */
    PageStage.Style style(Glossary glossary);

    /** A listing page's template (and the search page's), with {@code theme}. */
    ListingStage.Views views(Theme theme);

    /** The open data files and the comparison's and open-data page's content. */
    OpenDataPages.Tables tables();

    /** A page's search text and terms. */
    SearchStage.Texts texts();

    /** A language's search index. */
    SearchStage.Indexes indexes();

    /** The files a page loads, for its weight. */
    PublishChecks.References references();

    /** Every piece of work done afresh: a one-off build's hooks. */
    StageHooks DIRECT = new StageHooks() {
        @Override
        public SiteAssembler.Reader reader() {
            return SiteAssembler.Reader.DIRECT;
        }

        @Override
        public Theme theme(ThemeLoader loader, BuildOptions options, Site site, Diagnostics d) {
            return loader.load(site, d);
        }

        @Override
        public PageStage.Bodies bodies() {
            return PageStage.Bodies.DIRECT;
        }

        @Override
        public PageStage.Html html(Theme theme) {
            return PageStage.Html.DIRECT;
        }

        @Override
        public PageStage.Style style(Glossary glossary) {
            return PageStage.Style.DIRECT;
        }

        @Override
        public ListingStage.Views views(Theme theme) {
            return ListingStage.Views.DIRECT;
        }

        @Override
        public OpenDataPages.Tables tables() {
            return OpenDataPages.Tables.DIRECT;
        }

        @Override
        public SearchStage.Texts texts() {
            return SearchStage.Texts.DIRECT;
        }

        @Override
        public SearchStage.Indexes indexes() {
            return SearchStage.Indexes.DIRECT;
        }

        @Override
        public PublishChecks.References references() {
            return PublishChecks.References.DIRECT;
        }
    };
}
