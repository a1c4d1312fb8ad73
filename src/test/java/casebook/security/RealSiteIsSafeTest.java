package casebook.security;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The published copy of the real collection passes the same output check as the hostile suites. */
class RealSiteIsSafeTest {
    @Test
    void theCommittedSiteHoldsNothingScriptCapable() {
        PublishedHtml.assertNothingScriptCapable(Path.of("site"));
    }
}
