package casebook.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicPublisherTest {
    @TempDir
    Path tmp;

    /** Thrown by a step listener: the process "dies" just before that step. */
    static final class Killed extends RuntimeException {
        final String step;

        Killed(String step) {
            super("killed before " + step);
            this.step = step;
        }
    }

    /** A process id no process has (counting down from above Linux's largest pid_max). */
    static long deadPid(long from) {
        for (long p = from; ; p--) {
            if (ProcessHandle.of(p).isEmpty()) {
                return p;
            }
        }
    }

    static final long DEAD = deadPid(4_999_999);
    static final long DEAD2 = deadPid(DEAD - 1);
    static final long OURS = ProcessHandle.current().pid();

    static OutputTree version(String v) {
        OutputTree t = new OutputTree();
        t.put("index.html", "<p>" + v + "</p>");
        t.put("ja/a/index.html", "a " + v);
        return t;
    }

    /** What a published folder of this version holds, the marker included. */
    static TreeMap<String, byte[]> expected(String v) {
        TreeMap<String, byte[]> m = new TreeMap<>(version(v).files());
        m.put(
                OutputMarker.NAME,
                OutputMarker.text("site", version(v).files().keySet()).getBytes(StandardCharsets.UTF_8));
        return m;
    }

    static TreeMap<String, byte[]> files(Path root) throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }

    static void assertSameFiles(Map<String, byte[]> want, Map<String, byte[]> got, String what) {
        assertEquals(want.keySet(), got.keySet(), what);
        for (Map.Entry<String, byte[]> e : want.entrySet()) {
            assertArrayEquals(e.getValue(), got.get(e.getKey()), what + ": " + e.getKey());
        }
    }

    static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** One run that writes {@code v} into {@code out} and commits (or, if {@code fail}, aborts as a failed build does). */
    static void run(Path out, long pid, String v, boolean fail, Consumer<String> steps) {
        try (AtomicPublisher p = AtomicPublisher.open(OutputGuard.real(out), out, pid, steps)) {
            p.write(version(v));
            if (fail) {
                p.abort();
            } else {
                p.commit();
            }
        }
    }

    /** The same run, killed at the step {@code killAt} (counted from 0); returns the step it was killed at, or null. */
    static String killedRun(Path out, long pid, String v, boolean fail, int killAt) {
        int[] n = {0};
        AtomicPublisher[] p = {null};
        try {
            p[0] = AtomicPublisher.open(OutputGuard.real(out), out, pid, s -> {
                if (n[0]++ == killAt) {
                    throw new Killed(s);
                }
            });
            p[0].write(version(v));
            if (fail) {
                p[0].abort();
            } else {
                p[0].commit();
            }
            p[0].close();
            return null;
        } catch (Killed k) {
            if (p[0] != null) {
                p[0].killed();
            } // the OS releases the lock; nothing is tidied
            return k.step;
        }
    }

    @Test
    void publishReplacesTheWholeFolderAndLeavesNoTemporaries() throws IOException {
        Path out = tmp.resolve("site");
        OutputTree v1 = version("v1");
        v1.put("old/stale.html", "stale"); // a page the next build no longer writes: casebook's, so it goes
        AtomicPublisher.publish(v1, out);
        // the leftover of a run killed while writing, by a process that is gone: removed
        assertEquals("stage: mark site.tmp-" + DEAD, killedRun(out, DEAD, "v2", false, 1));
        assertTrue(Files.isDirectory(tmp.resolve("site.tmp-" + DEAD)));
        AtomicPublisher.publish(version("v2"), out);
        assertSameFiles(expected("v2"), files(out), "site/");
        assertFalse(Files.exists(out.resolve("old/stale.html")), "files of the previous build are gone");
        assertEquals(Set.of("site"), names(tmp), "only site/ remains (no staging, no old copy, no lock file)");
    }

    @Test
    void theStepsOfASwapAreNamed() {
        Path out = tmp.resolve("site");
        AtomicPublisher.publish(version("v1"), out);
        List<String> steps = new ArrayList<>();
        run(out, DEAD, "v2", false, steps::add);
        String all = String.join("\n", steps);
        int seal = steps.indexOf("seal");
        int retire = steps.indexOf("retire");
        int promote = steps.indexOf("promote");
        int discard = steps.indexOf("discard");
        assertTrue(0 < seal && seal < retire && retire < promote && promote < discard, all);
        assertEquals(
                "delete site.tmp-" + DEAD + "/" + OutputMarker.NAME,
                steps.get(steps.size() - 2),
                "the marker is deleted last");
        assertEquals("delete site.tmp-" + DEAD, steps.get(steps.size() - 1), all);
    }

    /**
     * A kill at every step of a build that publishes v2 over v1, followed by a failed build killed at every step
     * of its start (putting back and tidying up what the kill left) and then run again to the end: the output
     * folder always holds v1 or v2 complete, v1 exactly when the kill came before the promoting rename; the
     * user's folders beside it are untouched; the next successful build publishes and leaves nothing of
     * casebook's behind.
     */
    @Test
    void aKillAtAnyStepLeavesTheOldOrTheNewSiteAndAFailedNextBuildKeepsIt() throws IOException {
        Path dry = tmp.resolve("dry/site");
        AtomicPublisher.publish(version("v1"), dry);
        List<String> steps = new ArrayList<>();
        run(dry, DEAD, "v2", false, steps::add);
        int promote = steps.indexOf("promote");
        int cases = 0;
        for (int i = 0; i < steps.size(); i++) {
            for (int j = 0; ; j++) {
                Path dir = tmp.resolve("k" + i + "-" + j);
                Path out = dir.resolve("site");
                AtomicPublisher.publish(version("v1"), out);
                Files.createDirectories(dir.resolve("site.old-backup-2024"));
                Files.writeString(dir.resolve("site.old-backup-2024/keep.html"), "backup");
                Files.createDirectories(dir.resolve("site.tmp-keep"));
                Files.writeString(dir.resolve("site.tmp-keep/keep.txt"), "keep");
                String when = "killed before step " + i + " (" + steps.get(i) + ")";
                assertEquals(steps.get(i), killedRun(out, DEAD, "v2", false, i), when);
                String want = i <= promote ? "v1" : "v2";
                // the next build fails, killed at its step j; once the kill comes after its start, it is not killed
                String second = killedRun(out, DEAD2, "v3", true, j);
                String then = when + ", next failed build killed before its step " + j + " (" + second + ")";
                boolean started = second == null || second.startsWith("stage");
                if (second != null) {
                    run(out, OURS, "v3", true, s -> {});
                } // and a failed build once more
                assertSameFiles(expected(want), files(out), then);
                assertEquals("backup", Files.readString(dir.resolve("site.old-backup-2024/keep.html")), then);
                assertEquals("keep", Files.readString(dir.resolve("site.tmp-keep/keep.txt")), then);
                // a successful build then publishes, and only the user's folders remain beside it
                run(out, OURS, "v3", false, s -> {});
                assertSameFiles(expected("v3"), files(out), then);
                assertEquals(Set.of("site", "site.old-backup-2024", "site.tmp-keep"), names(dir), then);
                cases++;
                if (started) {
                    break;
                }
            }
        }
        assertTrue(cases > steps.size(), "cases: " + cases);
    }

    @Test
    void aSwapKilledBetweenItsRenamesIsPutBackBeforeAnythingElse() throws IOException {
        Path out = tmp.resolve("site");
        AtomicPublisher.publish(version("v1"), out);
        Path dry = tmp.resolve("dry/site");
        AtomicPublisher.publish(version("v1"), dry);
        List<String> steps = new ArrayList<>();
        run(dry, DEAD, "v2", false, steps::add);
        assertEquals("promote", killedRun(out, DEAD, "v2", false, steps.indexOf("promote")));
        assertFalse(Files.exists(out), "the kill came between the two renames");
        assertTrue(Files.isDirectory(tmp.resolve("site.old-" + DEAD)));
        List<String> next = new ArrayList<>();
        try (AtomicPublisher p = AtomicPublisher.open(OutputGuard.real(out), out, OURS, next::add)) {
            assertEquals("restore site.old-" + DEAD, next.get(0));
            assertSameFiles(expected("v1"), files(out), "restored");
        }
    }

    @Test
    void onlyLeftoversNamedInTheJournalMarkedAndIdleAreDeleted() throws IOException {
        Path out = tmp.resolve("site");
        AtomicPublisher.publish(version("v1"), out);
        long live = ProcessHandle.current().parent().map(ProcessHandle::pid).orElseThrow();
        Path liveTmp = Files.createDirectories(tmp.resolve("site.tmp-" + live));
        OutputMarker.write(liveTmp, "staging");
        Path unmarked = Files.createDirectories(tmp.resolve("site.old-" + DEAD));
        Files.writeString(unmarked.resolve("mine.txt"), "mine");
        Path emptyDead = Files.createDirectories(tmp.resolve("site.tmp-" + DEAD2));
        Path markedDead = Files.createDirectories(tmp.resolve("site.tmp-" + DEAD));
        OutputMarker.write(markedDead, "staging");
        // copies of the published site the user made, marker included, with names that look like leftovers
        Path copy = tmp.resolve("site.old-2024");
        Path copy2 = tmp.resolve("site.tmp-" + (DEAD2 - 1));
        for (Path c : List.of(copy, copy2)) {
            Files.createDirectories(c);
            for (Map.Entry<String, byte[]> e : files(out).entrySet()) {
                Files.write(c.resolve(e.getKey().replace("/", "_")), e.getValue());
            }
        }
        // the journal a killed build left: it names every one of them except the user's copies
        Files.writeString(
                tmp.resolve("site.lock"),
                DEAD + "\n" + liveTmp.getFileName() + "\n" + unmarked.getFileName() + "\n" + emptyDead.getFileName()
                        + "\n" + markedDead.getFileName() + "\nsite.tmp-" + DEAD2 + "5"); // a line cut short
        Path cut = Files.createDirectories(tmp.resolve("site.tmp-" + DEAD2 + "5"));
        AtomicPublisher.publish(version("v2"), out);
        assertTrue(Files.isDirectory(liveTmp), "its process is running");
        assertEquals("mine", Files.readString(unmarked.resolve("mine.txt")), "no marker: not casebook's");
        assertFalse(Files.exists(emptyDead), "an empty leftover (killed as it was created) is removed");
        assertFalse(Files.exists(markedDead), "a marked leftover of a dead process is removed");
        assertTrue(Files.isDirectory(copy) && Files.isDirectory(copy2), "not in the journal: the user's");
        assertTrue(Files.isDirectory(cut), "a journal line cut short by a kill names nothing");
    }

    @Test
    void anUnmarkedFolderThatFilledUpDuringTheBuildIsNotReplaced() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("site"));
        try (AtomicPublisher p = AtomicPublisher.open(OutputGuard.real(out), out, OURS, s -> {})) {
            p.write(version("v1"));
            Files.writeString(out.resolve("letter.txt"), "dear");
            assertThrows(OutputRefused.class, p::commit);
        }
        assertEquals("dear", Files.readString(out.resolve("letter.txt")));
        assertEquals(Set.of("site"), names(tmp), "the staging folder is deleted");
    }

    @Test
    void anEmptyUnmarkedFolderIsReplaced() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("site"));
        AtomicPublisher.publish(version("v1"), out);
        assertSameFiles(expected("v1"), files(out), "site/");
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstHoldsTheLock() throws IOException {
        Path out = tmp.resolve("site");
        try (AtomicPublisher first = AtomicPublisher.open(OutputGuard.real(out), out, OURS, s -> {})) {
            OutputRefused e = assertThrows(
                    OutputRefused.class, () -> AtomicPublisher.open(OutputGuard.real(out), out, OURS, s -> {}));
            assertEquals(
                    "another casebook build is writing to " + out + " (pid " + OURS + "); wait for it to finish",
                    e.getMessage());
            assertTrue(Files.isRegularFile(tmp.resolve("site.lock")));
        }
        assertFalse(Files.exists(tmp.resolve("site.lock")), "the lock file goes with the build");
        AtomicPublisher.publish(version("v1"), out);
    }

    @Test
    void aLockFileThatIsNotCasebooksIsLeftAlone() throws IOException {
        Path out = tmp.resolve("site");
        Files.writeString(tmp.resolve("site.lock"), "my notes about the lock on the shed\n");
        OutputRefused e = assertThrows(OutputRefused.class, () -> AtomicPublisher.publish(version("v1"), out));
        assertTrue(e.getMessage().contains("was not made by casebook"), e.getMessage());
        assertEquals("my notes about the lock on the shed\n", Files.readString(tmp.resolve("site.lock")));
        assertFalse(Files.exists(out));
        // a lock file left by a killed build (its process id in it) is taken over
        Files.writeString(tmp.resolve("site.lock"), DEAD + "\n");
        AtomicPublisher.publish(version("v1"), out);
        assertFalse(Files.exists(tmp.resolve("site.lock")));
    }

    @Test
    void aFileCasebookDidNotWriteStopsThePublicationAndStays() throws IOException {
        Path out = tmp.resolve("site");
        AtomicPublisher.publish(version("v1"), out);
        Files.writeString(out.resolve("other-dept.html"), "the portal's page");
        Files.createDirectories(out.resolve("uploads"));
        Files.writeString(out.resolve("uploads/report.pdf"), "%PDF");
        Files.createDirectories(out.resolve("ja/empty"));
        TreeMap<String, byte[]> before = files(out);
        OutputRefused e = assertThrows(OutputRefused.class, () -> AtomicPublisher.publish(version("v2"), out));
        assertEquals(
                "--out " + out + " holds 3 files or folders casebook did not write (ja/empty/, other-dept.html,"
                        + " uploads/); publishing replaces the whole folder and would delete them",
                e.getMessage());
        assertTrue(e.hint().startsWith("move them out of " + out + ", or choose another --out"), e.hint());
        assertSameFiles(before, files(out), "site/ as it was");
        assertEquals(Set.of("site"), names(tmp), "the staging folder and the lock are gone");
    }

    @Test
    void theMarkerListsEveryFileTheBuildWrote() throws IOException {
        Path out = tmp.resolve("site");
        OutputTree t = version("v1");
        t.put("ja/a/figure 1%.png", new byte[] {1, 2});
        AtomicPublisher.publish(t, out);
        OutputMarker.Manifest m = OutputMarker.manifest(out);
        assertFalse(m.damaged());
        assertEquals(Set.of("index.html", "ja/a/index.html", "ja/a/figure 1%.png"), m.files());
        assertEquals(List.of(), OutputGuard.unknown(out, m.files()));
    }

    @Test
    void aMarkerOfAnOlderCasebookIsReplacedOnlyWhenItHoldsNothingButThisBuildsFiles() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("site/ja/a"));
        out = tmp.resolve("site");
        Files.writeString(out.resolve(OutputMarker.NAME), OutputMarker.text("site")); // no list of files
        Files.writeString(out.resolve("index.html"), "old");
        Files.writeString(out.resolve("ja/a/index.html"), "old a");
        Files.writeString(out.resolve("ja/a/notes.html"), "someone's");
        TreeMap<String, byte[]> before = files(out);
        Path site = out;
        OutputRefused e = assertThrows(OutputRefused.class, () -> AtomicPublisher.publish(version("v2"), site));
        assertTrue(e.getMessage().contains("holds a file this build does not write (ja/a/notes.html)"), e.getMessage());
        assertTrue(e.getMessage().contains("made by an older casebook"), e.getMessage());
        assertSameFiles(before, files(out), "site/ as it was");
        Files.delete(out.resolve("ja/a/notes.html"));
        AtomicPublisher.publish(version("v2"), out);
        assertSameFiles(expected("v2"), files(out), "replaced, now with a list");
    }

    @Test
    void aDamagedListOfFilesIsNotTrusted() throws IOException {
        Path out = tmp.resolve("site");
        AtomicPublisher.publish(version("v1"), out);
        Path marker = out.resolve(OutputMarker.NAME);
        String text = Files.readString(marker);
        Files.writeString(marker, text.substring(0, text.lastIndexOf("file: "))); // one file fewer than the count
        assertTrue(OutputMarker.manifest(out).damaged());
        TreeMap<String, byte[]> before = files(out);
        OutputRefused e = assertThrows(OutputRefused.class, () -> AtomicPublisher.publish(version("v2"), out));
        assertTrue(e.getMessage().contains("cut short or garbled"), e.getMessage());
        assertSameFiles(before, files(out), "site/ as it was");
    }

    @Test
    void aStagingFolderHoldingOnlyThePartMarkerIsCasebooksLeftoverEvenForTheSamePid() throws IOException {
        Path out = tmp.resolve("site");
        AtomicPublisher.publish(version("v1"), out);
        // killed while the staging marker was being written: the folder holds only the marker's .part
        assertEquals("stage: mark site.tmp-" + DEAD, killedRun(out, DEAD, "v2", false, 1));
        Path left = tmp.resolve("site.tmp-" + DEAD);
        Files.writeString(left.resolve(OutputMarker.NAME + ".part"), "made-by: casebook\nki");
        // a later build that happens to get the same process id (containers): it removes it and publishes
        List<String> steps = new ArrayList<>();
        run(out, DEAD, "v2", false, steps::add);
        assertTrue(steps.contains("delete site.tmp-" + DEAD + "/" + OutputMarker.NAME + ".part"), steps.toString());
        assertSameFiles(expected("v2"), files(out), "site/");
        assertEquals(Set.of("site"), names(tmp));
    }

    @Test
    void aStagingNameTakenByAFolderNotCasebooksGivesTheNextFreeName() throws IOException {
        Path out = tmp.resolve("site");
        AtomicPublisher.publish(version("v1"), out);
        Path taken = Files.createDirectories(tmp.resolve("site.tmp-" + DEAD)); // not in any journal: not casebook's
        Files.writeString(taken.resolve(OutputMarker.NAME + ".part"), "x");
        Files.writeString(tmp.resolve("site.tmp-" + DEAD + "-2"), "a file, not even a folder");
        List<String> steps = new ArrayList<>();
        run(out, DEAD, "v2", false, steps::add);
        assertTrue(steps.contains("stage: create site.tmp-" + DEAD + "-3"), steps.toString());
        assertSameFiles(expected("v2"), files(out), "site/");
        assertEquals(Set.of("site", "site.tmp-" + DEAD, "site.tmp-" + DEAD + "-2"), names(tmp), "both left alone");
        assertEquals("x", Files.readString(taken.resolve(OutputMarker.NAME + ".part")));
        // and a numbered leftover of a killed build is cleaned like any other
        assertEquals("stage: mark site.tmp-" + DEAD + "-3", killedRun(out, DEAD, "v3", false, 1));
        run(out, DEAD2, "v3", false, s -> {});
        assertEquals(Set.of("site", "site.tmp-" + DEAD, "site.tmp-" + DEAD + "-2"), names(tmp));
    }
}
