package casebook.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebook.Main;
import casebook.output.AtomicPublisher;
import casebook.output.Crash;
import casebook.output.OutputMarker;
import casebook.output.OutputTree;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.testing.SiteFixture;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The output folder is casebook's alone (issue 13, "Lost files"): every case runs the command line in a
 * temporary folder holding a project (content, themes) and the user's other files, and checks the exit code,
 * the message, and byte for byte what is left on disk.
 */
class OutputFolderTest {
    @TempDir
    Path tmp;

    Path project;
    Path content;
    Path themes;
    String stderr;

    static final String SITE = """
            -- site.yaml --
            %s
            order: [a, b]
            -- a/index.ja.md --
            ---
            title: ページA
            ---

            本文です。[次へ](../b/)
            -- b/index.ja.md --
            ---
            title: ページB
            ---

            本文。
            -- c/index.ja.md --
            ---
            title: 順序にないページ
            ---

            順序にないページの本文。
            -- c/photo.txt --
            a file beside a page
            """.formatted(SiteFixture.SITE_YAML);

    @BeforeEach
    void project() throws IOException {
        project = Files.createDirectories(tmp.resolve("project"));
        content = SiteFixture.write(project.resolve("content"), SITE);
        themes = project.resolve("themes");
        Path real = Path.of("themes/default"); // read only: copied, so that nothing is written near the checkout
        try (Stream<Path> s = Files.walk(real)) {
            for (Path p : s.toList()) {
                Path to = themes.resolve("default").resolve(real.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Files.writeString(tmp.resolve("notes.txt"), "the user's notes");
        Files.createDirectories(tmp.resolve("Documents/taxes"));
        Files.writeString(tmp.resolve("Documents/letter.txt"), "dear ministry");
        Files.write(tmp.resolve("Documents/taxes/2024.bin"), new byte[] {0, 1, 2, (byte) 255});
    }

    /** Runs the command line from nowhere near the checkout; its output is kept in {@link #stderr}. */
    int casebook(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--content", content.toString(), "--themes", themes.toString(), "--quiet"));
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return Main.run(all.toArray(String[]::new));
        } finally {
            System.setErr(err);
            System.setOut(out);
            stderr = buf.toString(StandardCharsets.UTF_8);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    int build(Path out) {
        return casebook("build", "--out", out.toString());
    }

    /** Every file, folder and link under {@code root}: path to bytes (a folder to "dir", a link to its target). */
    static TreeMap<String, String> snapshot(Path root) throws IOException {
        TreeMap<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                String k = root.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p)) {
                    m.put(k, "link " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    m.put(k, "dir");
                } else {
                    m.put(k, HexFormat.of().formatHex(Files.readAllBytes(p)));
                }
            }
        }
        return m;
    }

    static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** A folder that must be refused, how to make it, and what the message says. */
    record Refusal(String what, Function<OutputFolderTest, Path> out, String message) {
        @Override
        public String toString() {
            return what;
        }
    }

    static List<Refusal> refusals() {
        return List.of(
                new Refusal(
                        "a page folder that is not in the order",
                        t -> t.content.resolve("c"),
                        "lies inside the content folder"),
                new Refusal("the content folder", t -> t.content, "is or holds the content folder"),
                new Refusal(
                        "a new folder deep inside the content",
                        t -> t.content.resolve("a/x/y/site"),
                        "lies inside the content folder"),
                new Refusal(
                        "the project folder holding content and themes",
                        t -> t.project,
                        "is or holds the content folder"),
                new Refusal("the themes folder", t -> t.themes, "themes folder"),
                new Refusal("a theme", t -> t.themes.resolve("default"), "themes folder"),
                new Refusal("a new folder inside the themes", t -> t.themes.resolve("x"), "themes folder"),
                new Refusal(
                        "an unrelated non-empty folder",
                        t -> t.tmp.resolve("Documents"),
                        "is not empty and was not made by casebook (it has no .casebook-output file);"
                                + " choose an empty or new folder, or delete it yourself"),
                new Refusal(
                        "a non-empty folder whose marker is not casebook's",
                        t -> t.write("Documents/.casebook-output", "made by me").getParent(),
                        "is not empty and was not made by casebook"),
                new Refusal(
                        "a symbolic link to a page folder",
                        t -> t.link("to-page", t.content.resolve("a")),
                        "lies inside the content folder"),
                new Refusal(
                        "a new folder under a symbolic link to the content",
                        t -> t.link("to-content", t.content).resolve("site"),
                        "lies inside the content folder"),
                new Refusal("a file", t -> t.tmp.resolve("notes.txt"), "is a file, not a folder"),
                new Refusal(
                        "the name of casebook's temporary folders",
                        t -> t.tmp.resolve("site.tmp-123"),
                        "has the name casebook gives"),
                new Refusal(
                        "a new folder inside a repository's .git folder",
                        t -> t.write("repo/.git/HEAD", "ref: refs/heads/main\n").resolveSibling("objects/site"),
                        "lies inside a .git folder"));
    }

    Path write(String rel, String text) {
        try {
            Files.createDirectories(tmp.resolve(rel).getParent());
            return Files.writeString(tmp.resolve(rel), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path link(String name, Path to) {
        try {
            return Files.createSymbolicLink(tmp.resolve(name), to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aZipBesideTheOutputThatCasebookDidNotMakeIsAUsageError() throws IOException {
        Path out = tmp.resolve("site");
        Path zip = tmp.resolve("site.zip");
        Files.writeString(zip, "someone's archive");
        TreeMap<String, String> before = snapshot(tmp);
        assertEquals(2, casebook("build", "--bundle", "--out", out.toString()), stderr);
        assertTrue(
                stderr.startsWith("casebook: " + zip + ": site.zip exists and is not a zip made by casebook"), stderr);
        assertTrue(stderr.contains("(fix: move site.zip away"), stderr);
        assertEquals(before, snapshot(tmp), "nothing touched");
        // without --bundle the zip is none of the build's business
        assertEquals(0, casebook("build", "--out", out.toString()), stderr);
    }

    @ParameterizedTest(name = "--out {0} is refused and nothing is touched")
    @MethodSource("refusals")
    void refused(Refusal c) throws IOException {
        Path out = c.out().apply(this);
        TreeMap<String, String> before = snapshot(tmp);
        assertEquals(2, build(out), stderr);
        assertTrue(stderr.startsWith("casebook: --out " + out + " "), stderr);
        assertTrue(stderr.contains(c.message()), stderr);
        assertTrue(stderr.contains("(fix: "), stderr);
        assertEquals(before, snapshot(tmp), "nothing may be created, changed or deleted");
    }

    @Test
    void theApiRefusesAsADiagnostic() throws IOException {
        TreeMap<String, String> before = snapshot(tmp);
        BuildResult r = Build.run(
                BuildOptions.defaults().withContent(content).withThemes(themes).withOut(tmp.resolve("Documents")));
        assertTrue(
                SiteFixture.messages(r)
                        .contains("error: --out " + tmp.resolve("Documents")
                                + " is not empty and was not made by casebook"),
                () -> SiteFixture.messages(r));
        assertEquals(before, snapshot(tmp));
    }

    @Test
    void anEmptyFolderIsAcceptedAndGetsTheMarker() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(0, build(out), stderr);
        assertTrue(Files.isRegularFile(out.resolve("ja/a/index.html")));
        String marker = Files.readString(out.resolve(OutputMarker.NAME));
        assertTrue(marker.startsWith(OutputMarker.text("site") + "files: "), marker);
        assertTrue(marker.contains("\nfile: ja/a/index.html\n"), marker);
        assertEquals(
                Set.of("Documents", "empty", "notes.txt", "project"),
                names(tmp),
                "no lock file or temporary folder is left");
    }

    @Test
    void aFolderCasebookMadeIsReplacedWhole() throws IOException {
        Path out = tmp.resolve("site");
        assertEquals(0, build(out), stderr);
        assertTrue(Files.isRegularFile(out.resolve("ja/b/index.html")));
        // page b leaves the content: its page was casebook's, so the rebuild removes it
        Files.writeString(
                content.resolve("site.yaml"),
                Files.readString(content.resolve("site.yaml")).replace("order: [a, b]", "order: [a]"));
        Files.writeString(content.resolve("a/index.ja.md"), "---\ntitle: ページA2\n---\n\n新しい本文。\n");
        deleteTree(content.resolve("b"));
        assertEquals(0, build(out), stderr);
        assertFalse(Files.exists(out.resolve("ja/b")));
        assertTrue(Files.readString(out.resolve("ja/a/index.html")).contains("新しい本文。"));
        assertTrue(OutputMarker.isMarked(out));
    }

    @Test
    void aFolderTheSiteWasCopiedIntoKeepsItsOtherFiles() throws IOException {
        Path site = tmp.resolve("site");
        assertEquals(0, build(site), stderr);
        // cp -r site/. portal/www/ into a web root holding the portal's own files: the marker goes with the copy
        Path www = Files.createDirectories(tmp.resolve("portal/www/uploads"));
        www = tmp.resolve("portal/www");
        Files.writeString(www.resolve("other-dept.html"), "another department's page");
        Files.write(www.resolve("uploads/report.pdf"), new byte[] {'%', 'P', 'D', 'F', 0, (byte) 200});
        try (Stream<Path> s = Files.walk(site)) {
            for (Path p : s.toList()) {
                Path to = www.resolve(site.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        TreeMap<String, String> before = snapshot(tmp);
        assertEquals(2, build(www), stderr);
        assertEquals(
                "casebook: --out " + www + " holds 2 files or folders casebook did not write (other-dept.html,"
                        + " uploads/); publishing replaces the whole folder and would delete them (fix: move them out"
                        + " of " + www + ", or choose another --out (a folder of casebook's own, e.g. --out site, then"
                        + " copy it))\n",
                stderr);
        assertEquals(before, snapshot(tmp), "nothing changed anywhere");
        // the copy alone (the portal's files moved away) is casebook's again
        Files.delete(www.resolve("other-dept.html"));
        deleteTree(www.resolve("uploads"));
        assertEquals(0, build(www), stderr);
    }

    @Test
    void aLinkToAFolderOfItsOwnIsFollowedAndStays() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("www/html"));
        Path link = link("site-link", real);
        assertEquals(0, build(link), stderr);
        assertEquals(0, build(link), stderr);
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.isRegularFile(real.resolve("ja/a/index.html")));
        assertEquals(
                Set.of("html"), names(tmp.resolve("www")), "the staging folder and lock were beside the real folder");
    }

    @Test
    void aNewFolderInANewParentIsAccepted() {
        Path out = tmp.resolve("elsewhere/deeper/site");
        assertEquals(0, build(out), stderr);
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
    }

    @Test
    void foldersBesideTheOutputThatLookLikeLeftoversSurvive() throws IOException {
        Path out = tmp.resolve("site");
        assertEquals(0, build(out), stderr);
        // the user's backups, one of them a copy of the site with its marker and a name like casebook's own
        for (String name : List.of("site.old-backup-2024", "site.tmp-keep", "site.old-2024")) {
            Path dir = Files.createDirectories(tmp.resolve(name));
            for (Map.Entry<String, String> e : snapshot(out).entrySet()) {
                if (e.getValue().equals("dir")) {
                    Files.createDirectories(dir.resolve(e.getKey()));
                } else {
                    Files.copy(out.resolve(e.getKey()), dir.resolve(e.getKey()));
                }
            }
        }
        TreeMap<String, String> backup = snapshot(tmp.resolve("site.old-2024"));
        TreeMap<String, String> before = snapshot(tmp);
        assertEquals(0, build(out), stderr);
        assertEquals(1, casebook("build", "--out", out.toString(), "--strict"), stderr); // a failed build too
        TreeMap<String, String> after = snapshot(tmp);
        assertEquals(before, after, "an identical build, and a failed one, leave everything as it was");
        assertEquals(backup, snapshot(tmp.resolve("site.old-2024")));
        assertTrue(OutputMarker.isMarked(tmp.resolve("site.old-2024")));
    }

    @Test
    void aMarkedLeftoverOfAKilledBuildIsRemoved() throws IOException {
        Path out = tmp.resolve("site");
        assertEquals(0, build(out), stderr);
        long dead = Crash.deadPid();
        // a build killed while writing its staging folder (its marker written, some pages not yet)
        assertEquals("seal", Crash.publish(out, dead, new OutputTree(), 2));
        Path leftover = tmp.resolve("site.tmp-" + dead);
        Files.writeString(leftover.resolve("half.html"), "<p>half");
        assertTrue(OutputMarker.isMarked(leftover));
        assertTrue(Files.isRegularFile(tmp.resolve("site.lock")), "the killed build's lock file");
        assertEquals(0, build(out), stderr);
        assertFalse(Files.exists(leftover));
        assertEquals(Set.of("Documents", "notes.txt", "project", "site"), names(tmp));
    }

    @Test
    void aSecondBuildWhileOneIsWritingExitsTwoAndLeavesTheSite() throws IOException {
        Path out = tmp.resolve("site");
        assertEquals(0, build(out), stderr);
        TreeMap<String, String> site = snapshot(out);
        Files.writeString(content.resolve("b/index.ja.md"), "---\ntitle: 変更\n---\n\n変更した本文。\n");
        try (AtomicPublisher first = AtomicPublisher.open(out, content, themes, project)) {
            assertEquals(2, build(out), stderr);
            assertEquals(
                    "casebook: another casebook build is writing to " + out + " (pid "
                            + ProcessHandle.current().pid()
                            + "); wait for it to finish (fix: run one build at a time per output folder)\n",
                    stderr);
            assertEquals(site, snapshot(out));
            assertEquals(0, casebook("check"), "check needs no lock: " + stderr);
        }
        assertEquals(0, build(out), stderr);
        assertTrue(Files.readString(out.resolve("ja/b/index.html")).contains("変更した本文。"));
    }

    /** The lock holds across processes: another JVM holding it makes the build exit 2 with that process's id. */
    @Test
    void aBuildInAnotherProcessHoldsTheLock() throws Exception {
        Path out = tmp.resolve("site");
        assertEquals(0, build(out), stderr);
        TreeMap<String, String> site = snapshot(out);
        Path holder = Files.writeString(tmp.resolve("Holder.java"), """
                import java.nio.ByteBuffer;
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class Holder {
                    public static void main(String[] a) throws Exception {
                        try (FileChannel ch = FileChannel.open(Path.of(a[0]), StandardOpenOption.CREATE, StandardOpenOption.READ,
                                StandardOpenOption.WRITE)) {
                            ch.lock();
                            ch.truncate(0);
                            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\\n").getBytes()));
                            ch.force(false);
                            System.out.println("locked");
                            System.out.flush();
                            System.in.read();
                        }
                    }
                }
                """);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(
                        java, holder.toString(), tmp.resolve("site.lock").toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", r.readLine());
            assertEquals(2, build(out), stderr);
            assertTrue(
                    stderr.contains("another casebook build is writing to " + out + " (pid " + p.pid() + ")"), stderr);
            assertEquals(site, snapshot(out));
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        assertEquals(0, build(out), "the lock goes when its process does: " + stderr);
    }

    /**
     * And the other way round: while this process holds the lock, another process cannot take it. (On Linux a
     * process's lock goes when it closes any handle on the file, so the lock's own checks read through handles
     * kept open until it is released.)
     */
    @Test
    void anotherProcessCannotTakeTheLockThisBuildHolds() throws Exception {
        Path out = tmp.resolve("site");
        Path taker = Files.writeString(tmp.resolve("Taker.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.channels.FileLock;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class Taker {
                    public static void main(String[] a) throws Exception {
                        try (FileChannel ch = FileChannel.open(Path.of(a[0]), StandardOpenOption.READ,
                                StandardOpenOption.WRITE)) {
                            FileLock l = ch.tryLock();
                            System.out.println(l == null ? "held" : "free");
                        }
                    }
                }
                """);
        String java = ProcessHandle.current().info().command().orElse("java");
        try (AtomicPublisher first = AtomicPublisher.open(out, content, themes, project)) {
            Process p = new ProcessBuilder(
                            java, taker.toString(), tmp.resolve("site.lock").toString())
                    .redirectErrorStream(true)
                    .start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the other process ends");
            assertEquals("held", said, "the lock file is locked for other processes while this build holds it");
        }
    }

    /**
     * A build of the real command line killed before each step of its swap (each named step, and the first and
     * last deletion of the old copy; AtomicPublisherTest kills at every deletion too), then a failed build, then
     * a good one: the site is the old one or the new one, complete, after the kill and after the failed build.
     */
    @Test
    void aKillAtEachStepOfTheSwapThenAFailedBuildKeepsTheOldOrTheNewSite() throws IOException {
        long dead = Crash.deadPid();
        Path dry = tmp.resolve("dry/site");
        assertEquals(0, build(dry), stderr);
        OutputTree next = nextVersion();
        List<String> steps = Crash.steps(dry, dead, next);
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String s = steps.get(i);
            if (!s.startsWith("delete") || !steps.get(i - 1).startsWith("delete") || i == steps.size() - 1) {
                at.add(i);
            }
        }
        int promote = steps.indexOf("promote");
        assertTrue(at.size() >= 8, steps.toString());
        for (int i : at) {
            Path out = tmp.resolve("k" + i + "/site");
            assertEquals(0, build(out), stderr);
            TreeMap<String, String> old = snapshot(out);
            String when = "killed before " + steps.get(i);
            assertEquals(steps.get(i), Crash.publish(out, dead, next, i), when);
            Files.writeString(content.resolve("b/index.ja.md"), "---\ntitle: [壊れた\n---\n");
            assertEquals(1, build(out), when + ": " + stderr);
            TreeMap<String, String> now = snapshot(out);
            if (i <= promote) {
                assertEquals(old, now, when + ": the old site, complete");
            } else {
                assertEquals(snapshot(dry), now, when + ": the new site, complete");
            }
            SiteFixture.write(content, SITE);
            assertEquals(0, build(out), stderr);
            assertEquals(old, snapshot(out), "the good build again");
            assertEquals(Set.of("site"), names(out.getParent()), when + ": nothing left beside the site");
        }
    }

    /** The site after an edit, built in memory (what the killed build was publishing). */
    OutputTree nextVersion() throws IOException {
        Files.writeString(content.resolve("a/index.ja.md"), "---\ntitle: ページA\n---\n\n新しい本文。[次へ](../b/)\n");
        BuildResult r = Build.run(
                BuildOptions.defaults().withContent(content).withThemes(themes).withWrite(false));
        assertNotNull(r.output(), () -> SiteFixture.messages(r));
        SiteFixture.write(content, SITE);
        return r.output();
    }
}
