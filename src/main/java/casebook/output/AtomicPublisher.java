package casebook.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Stage 6: the output folder is replaced only by a complete, successful build, and survives a kill at any
 * instant. One build at a time holds the output ({@link OutputLock}); it writes into a staging folder
 * {@code <out>.tmp-<pid>} beside the output (while rendering, see {@link OutputTree}); on success it swaps
 * the staging folder in, on failure it deletes it and the previous site is left byte for byte as it was.
 *
 * <p>The swap is a sequence of named steps, each a single rename or a deletion:
 * <ol>
 * <li>{@code seal}: the staging folder's marker becomes {@code kind: site};</li>
 * <li>{@code retire}: {@code out} → {@code out.old-<pid>} (an empty unmarked {@code out} is removed instead);</li>
 * <li>{@code promote}: {@code out.tmp-<pid>} → {@code out};</li>
 * <li>{@code discard}: {@code out.old-<pid>} → {@code out.tmp-<pid>}, then its files are deleted, its marker last.</li>
 * </ol>
 * After a kill between {@code retire} and {@code promote} there is no {@code out} but a complete
 * {@code out.old-<pid>}: the next run, before anything else, renames it back ({@code restore}), so the old
 * site is in place whether that run succeeds or fails. A copy being deleted is always named
 * {@code .tmp-}, never {@code .old-}, so a half-deleted copy is never restored.
 *
 * <p>Only casebook's own leftovers are ever deleted or put back: a sibling whose name is exactly
 * {@code <out>.tmp-<digits>} or {@code <out>.old-<digits>}, that is named in the journal of the lock file
 * (written before the folder was created or renamed, see {@link OutputLock}), that is a folder carrying the
 * marker ({@link OutputMarker}) or an empty folder (a kill right after it was created), and whose process is
 * no longer running (or is this one, which holds the lock). {@code site.old-backup-2024/}, {@code site.tmp-keep/}
 * and even a copy {@code site.old-2024/} of a published site (marker included) are never touched.
 */
public final class AtomicPublisher implements AutoCloseable {
    private final Path target;
    private final Path shown;
    private final String name;
    private final long pid;
    private final Consumer<String> steps;
    private final OutputLock lock;
    private final Pattern leftover;
    private Path staging;
    private boolean committed;

    private AtomicPublisher(Path target, Path shown, long pid, Consumer<String> steps, OutputLock lock) {
        this.target = target;
        this.shown = shown;
        this.name = target.getFileName().toString();
        this.pid = pid;
        this.steps = steps;
        this.lock = lock;
        this.leftover = Pattern.compile(Pattern.quote(name) + "\\.(tmp|old)-([0-9]{1,18})(?:-[0-9]{1,9})?");
    }

    /**
     * Checks {@code out} ({@link OutputGuard}), takes its lock, puts back the old site if a swap was killed
     * half-way, and removes the leftovers of interrupted runs.
     *
     * @throws OutputRefused when the folder is not casebook's to replace or another build holds it; nothing
     *                       has been written then
     */
    public static AtomicPublisher open(Path out, Path content, Path themes, Path cwd) {
        OutputGuard.Refusal r = OutputGuard.check(out, content, themes, cwd);
        if (r != null) {
            throw new OutputRefused(r.message(), r.hint());
        }
        return open(OutputGuard.real(out), out, ProcessHandle.current().pid(), s -> {});
    }

    /**
     * Without the guard, with a given process id and a listener called before every step (tests make it throw
     * to simulate a kill at that step).
     *
     * @param target the output folder, absolute, symbolic links resolved
     */
    static AtomicPublisher open(Path target, Path shown, long pid, Consumer<String> steps) {
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new OutputRefused(
                    "cannot create the folder " + target.getParent() + " for --out " + shown + ": " + e.getMessage(),
                    "choose an output folder in a folder you can write to");
        }
        OutputLock lock = OutputLock.acquire(target, shown, pid);
        AtomicPublisher p = new AtomicPublisher(target, shown, pid, steps, lock);
        try {
            p.recover();
            p.cleanLeftovers();
            return p;
        } catch (IOException e) {
            lock.close();
            throw new UncheckedIOException("cannot tidy up beside " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /**
     * Creates the empty staging folder (with its marker) that this build writes into: {@code <out>.tmp-<pid>},
     * or when a folder of that name is there (a leftover casebook may not delete, or another process with the same
     * id in another container), the first free {@code <out>.tmp-<pid>-<n>}.
     *
     * @throws OutputRefused when no free name is found (nothing has been written then)
     */
    public Path stage() {
        Path first = sibling("tmp");
        Path tmp = first;
        try {
            for (int n = 2; ; n++) {
                if (!Files.exists(tmp, LinkOption.NOFOLLOW_LINKS)) {
                    lock.record(tmp.getFileName().toString());
                    step("stage: create " + tmp.getFileName());
                    try {
                        Files.createDirectory(tmp);
                        break;
                    } catch (FileAlreadyExistsException e) {
                        // made by someone else just now: try the next name
                    }
                }
                if (n > MAX_NAMES) {
                    throw new OutputRefused(
                            "cannot prepare a staging folder beside --out " + shown + ": " + first.getFileName()
                                    + " and " + MAX_NAMES + " names after it are taken by folders that are not"
                                    + " casebook's to delete",
                            "look inside those folders beside " + shown + " (leftovers of killed builds, or copies of"
                                    + " someone's): delete or rename them, or choose another --out");
                }
                tmp = sibling("tmp", n);
            }
            staging = tmp;
            step("stage: mark " + tmp.getFileName());
            OutputMarker.write(tmp, OutputMarker.STAGING);
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + tmp + ": " + e.getMessage(), e);
        }
    }

    /** How many numbered names beside the output are tried for a staging or retired copy. */
    static final int MAX_NAMES = 100;

    /** Swaps the complete staging folder in as the output folder (see the class comment for the steps). */
    public void commit() {
        if (staging == null) {
            throw new IllegalStateException("nothing staged");
        }
        Path old = free("old");
        try {
            List<String> written = OutputMarker.filesUnder(staging);
            step("seal");
            OutputMarker.write(staging, OutputMarker.SITE, written);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new OutputRefused("--out " + shown + " is not a folder", OutputGuard.FIX);
                }
                if (OutputMarker.isMarked(target)) {
                    refuseForeignFiles(written);
                    lock.record(old.getFileName().toString());
                    step("retire");
                    Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                } else if (Boolean.TRUE.equals(OutputGuard.isEmpty(target))) {
                    step("retire: remove the empty folder");
                    Files.delete(target); // fails, and deletes nothing, if a file appeared in it meanwhile
                } else {
                    throw new OutputRefused(
                            "--out " + shown + " is not empty and was not made by casebook (it has no "
                                    + OutputMarker.NAME
                                    + " file); choose an empty or new folder, or delete it yourself",
                            OutputGuard.FIX);
                }
            }
            step("promote");
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // put the old site back rather than leave no output folder until the next run
                if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) && Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                }
                throw e;
            }
            staging = null;
            committed = true;
            if (Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
                Path gone = free("tmp");
                step("discard");
                Files.move(old, gone, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(gone);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + target + ": " + e.getMessage(), e);
        }
    }

    /** Throws the staging folder away (after a failed build); the output folder is not touched. */
    public void abort() {
        if (staging == null) {
            return;
        }
        try {
            deleteTree(staging);
            staging = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + staging + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a staging folder that was not committed and releases the lock. */
    @Override
    public void close() {
        try {
            if (!committed) {
                abort();
            }
        } finally {
            lock.close();
        }
    }

    /** The end of a process that was killed: the lock is released, nothing is tidied (tests). */
    void killed() {
        lock.release();
    }

    /** Writes an in-memory tree into {@code out} (no guard: for callers that checked the folder). */
    public static void publish(OutputTree tree, Path out) {
        Path target = OutputGuard.real(out);
        try (AtomicPublisher p = open(target, out, ProcessHandle.current().pid(), s -> {})) {
            p.write(tree);
            p.commit();
        }
    }

    /** Writes an in-memory tree into the staging folder. */
    void write(OutputTree tree) {
        Path tmp = stage();
        for (Map.Entry<String, byte[]> e : tree.files().entrySet()) {
            Path f = tmp.resolve(e.getKey());
            try {
                Files.createDirectories(f.getParent());
                try (OutputStream o = Files.newOutputStream(f)) {
                    o.write(e.getValue());
                }
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot write " + f, ex);
            }
        }
    }

    private Path sibling(String kind) {
        return target.resolveSibling(name + "." + kind + "-" + pid);
    }

    private Path sibling(String kind, int n) {
        return target.resolveSibling(name + "." + kind + "-" + pid + "-" + n);
    }

    /** The first name {@code <out>.<kind>-<pid>}, {@code <out>.<kind>-<pid>-2}, … that nothing has. */
    private Path free(String kind) {
        Path p = sibling(kind);
        for (int n = 2; Files.exists(p, LinkOption.NOFOLLOW_LINKS) && n <= MAX_NAMES + 1; n++) {
            p = sibling(kind, n);
        }
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputRefused(
                    "cannot find a free name beside --out " + shown + " for the " + kind + " copy",
                    "delete or rename the folders named " + name + "." + kind + "-" + pid + "-* beside it");
        }
        return p;
    }

    /**
     * Refuses to replace the output folder when it holds a file this build's predecessor did not write: the
     * files its marker lists, or, for a marker without a list (a casebook older than the list), the files this
     * build wrote ({@code written}). Checked again here, right before the old site is retired, as the guard
     * checked it before the build: something may have been put there meanwhile.
     */
    private void refuseForeignFiles(List<String> written) {
        OutputMarker.Manifest m = OutputMarker.manifest(target);
        if (m.damaged()) {
            throw new OutputRefused(
                    "--out " + shown + " has a " + OutputMarker.NAME + " file whose list of files is cut short or"
                            + " garbled, so casebook cannot tell its files from others",
                    "look inside the folder: move what is not casebook's elsewhere and delete the folder, or choose"
                            + " another --out");
        }
        List<String> unknown = OutputGuard.unknown(target, m.listed() ? m.files() : written);
        OutputGuard.Refusal r = OutputGuard.foreign(shown, unknown);
        if (r == null) {
            return;
        }
        if (m.listed()) {
            throw new OutputRefused(r.message(), r.hint());
        }
        throw new OutputRefused(
                r.message().replace(" casebook did not write (", " this build does not write (")
                        + "; it was made by an older casebook whose " + OutputMarker.NAME
                        + " does not list its files, so casebook replaces it only when it holds nothing but files this"
                        + " build writes",
                "move those files out of " + shown + ", or, if they are an older build's pages, delete the folder"
                        + " yourself once and build again");
    }

    private void step(String what) {
        steps.accept(what);
    }

    /** A sibling named like a leftover, with its kind ("tmp", "old") and whether casebook may remove it. */
    private record Leftover(Path path, String kind, boolean removable) {}

    private List<Leftover> leftovers() throws IOException {
        List<Leftover> found = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(target.getParent(), name + ".{tmp,old}-*")) {
            for (Path p : ds) {
                Matcher m = leftover.matcher(p.getFileName().toString());
                if (!m.matches() || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                long owner = Long.parseLong(m.group(2));
                boolean idle = owner == pid || ProcessHandle.of(owner).isEmpty();
                boolean ours = lock.created(p.getFileName().toString())
                        && (OutputMarker.isMarked(p)
                                || Boolean.TRUE.equals(OutputGuard.isEmpty(p))
                                || holdsOnlyPartMarker(p));
                found.add(new Leftover(p, m.group(1), idle && ours));
            }
        }
        found.sort(Comparator.comparing(l -> l.path().getFileName().toString())); // a deterministic order of steps
        return found;
    }

    /**
     * A folder holding nothing but {@code .casebook-output.part}, a regular file: a build killed while it wrote
     * its staging folder's marker, which is then not yet in place.
     */
    private static boolean holdsOnlyPartMarker(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> all = s.limit(2).toList();
            return all.size() == 1
                    && all.get(0).getFileName().toString().equals(OutputMarker.PART)
                    && Files.isRegularFile(all.get(0), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        }
    }

    /** A swap killed between retire and promote left no output folder but a complete old copy: put it back. */
    private void recover() throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path best = null;
        FileTime bestTime = null;
        for (Leftover l : leftovers()) {
            if (!l.removable() || !l.kind().equals("old") || !OutputMarker.SITE.equals(OutputMarker.kind(l.path()))) {
                continue;
            }
            FileTime t = Files.getLastModifiedTime(l.path().resolve(OutputMarker.NAME), LinkOption.NOFOLLOW_LINKS);
            if (best == null || t.compareTo(bestTime) > 0) {
                best = l.path();
                bestTime = t;
            }
        }
        if (best == null) {
            return;
        }
        step("restore " + best.getFileName());
        Files.move(best, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the idle leftovers: staging copies first, then old copies (renamed to .tmp- before they are deleted). */
    private void cleanLeftovers() throws IOException {
        for (Leftover l : leftovers()) {
            if (l.removable() && l.kind().equals("tmp")) {
                deleteTree(l.path());
            }
        }
        // with no output folder, an old copy may be the only copy of the site: never delete it then
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        for (Leftover l : leftovers()) {
            if (!l.removable() || !l.kind().equals("old")) {
                continue;
            }
            String owner = l.path().getFileName().toString().substring(name.length() + ".old-".length());
            Path gone = l.path().resolveSibling(name + ".tmp-" + owner);
            if (Files.exists(gone, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            } // not casebook's to delete: left alone
            lock.record(gone.getFileName().toString());
            step("discard " + l.path().getFileName());
            Files.move(l.path(), gone, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(gone);
        }
    }

    /** Deletes a folder of casebook's: its files, deepest first, then its marker, then the folder itself. */
    private void deleteTree(Path dir) throws IOException {
        Path marker = dir.resolve(OutputMarker.NAME);
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        String shown = dir.getFileName().toString();
        for (Path x : all) {
            if (x.equals(marker) || x.equals(dir)) {
                continue;
            }
            step("delete " + shown + "/" + dir.relativize(x).toString().replace('\\', '/'));
            Files.delete(x);
        }
        if (Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
            step("delete " + shown + "/" + OutputMarker.NAME);
            Files.delete(marker);
        }
        step("delete " + shown);
        Files.delete(dir);
    }
}
