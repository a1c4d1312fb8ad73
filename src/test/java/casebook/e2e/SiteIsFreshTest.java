package casebook.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed site/ is byte-for-byte a fresh build of content/, so the published copy never drifts. */
class SiteIsFreshTest {
    @TempDir
    Path tmp;

    @Test
    void committedSiteEqualsAFreshBuild() throws IOException {
        BuildResult r = SiteFixture.build(Path.of("content"), tmp.resolve("site"));
        assertFalse(r.diagnostics().hasErrors(), () -> SiteFixture.messages(r));
        TreeMap<String, byte[]> fresh = files(tmp.resolve("site"));
        TreeMap<String, byte[]> committed = files(Path.of("site"));
        assertEquals(fresh.keySet(), committed.keySet(), "run: mvn compile exec:java, and commit site/");
        List<String> differ = new ArrayList<>();
        for (String k : fresh.keySet()) {
            if (!Arrays.equals(fresh.get(k), committed.get(k))) {
                differ.add(k);
            }
        }
        assertEquals(List.of(), differ, "site/ is stale; run: mvn compile exec:java, and commit site/");
    }

    static TreeMap<String, byte[]> files(Path root) throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
