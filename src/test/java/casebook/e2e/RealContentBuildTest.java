package casebook.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the real content/ into a temporary folder and checks what a reader would see. Nothing here
 * names a page: the expectations come from site.yaml and the content ({@link CollectionChecks}), so
 * adding, removing, reordering or leaving a page untranslated keeps these tests green as long as
 * {@code check --strict} is clean.
 */
class RealContentBuildTest {
    @TempDir
    static Path tmp;

    static CollectionChecks checks;

    @BeforeAll
    static void build() {
        checks = new CollectionChecks(Path.of("content"), tmp.resolve("site"));
    }

    @Test
    void strictCheckIsClean() {
        checks.strictCheckIsClean();
    }

    @Test
    void everyPageExistsInEachOfItsLanguages() {
        checks.everyPageExistsInEachOfItsLanguages();
    }

    @Test
    void topPagesShowTheCollectionAndItsContentsInOrder() {
        checks.topPagesShowTheCollectionAndItsContentsInOrder();
    }

    @Test
    void previousAndNextFollowTheReadingOrder() {
        checks.previousAndNextFollowTheReadingOrder();
    }

    @Test
    void languageSwitchPointsAtTheTwinOrSaysItIsMissing() {
        checks.languageSwitchPointsAtTheTwinOrSaysItIsMissing();
    }

    @Test
    void everyInternalLinkAndAnchorResolves() {
        checks.everyInternalLinkAndAnchorResolves();
    }

    @Test
    void translatedPagesHaveNoJapaneseOutsideLangJa() {
        checks.translatedPagesHaveNoJapaneseOutsideLangJa();
    }

    @Test
    void translationsMatchTheOriginalsInStructure() {
        checks.translationsMatchTheOriginalsInStructure();
    }

    @Test
    void keyPointBoxesAreComplete() {
        checks.keyPointBoxesAreComplete();
    }

    @Test
    void basicInformationShowsEveryFigure() {
        checks.basicInformationShowsEveryFigure();
    }

    @Test
    void dialogueMarksEverySpeaker() {
        checks.dialogueMarksEverySpeaker();
    }

    @Test
    void glossaryTermsLinkOnceAndEveryEntryIsPublished() {
        checks.glossaryTermsLinkOnceAndEveryEntryIsPublished();
    }

    @Test
    void noPlaceholderIsPublished() {
        checks.noPlaceholderIsPublished();
    }
}
