package casebook.output;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Refuses output folders that are not casebook's to replace. Publishing replaces the whole output folder
 * ({@link AtomicPublisher}), so casebook writes only to a folder that is new, empty, or carries its marker
 * ({@link OutputMarker}), and never to one that is, holds or lies inside the content or the themes, or holds
 * the folder casebook runs in. Paths are compared after resolving symbolic links, so another name for the
 * same folder (a link to the content, a link inside it) is caught too. Nothing is written before these checks.
 */
public final class OutputGuard {
    private OutputGuard() {}

    /** A refusal: what is wrong and what to do instead. */
    public record Refusal(String message, String hint) {}

    /** The hint for a folder that would delete sources. */
    public static final String FIX = "choose a folder of its own, e.g. --out site";

    /**
     * The names casebook gives its own staging and retired copies beside the output: {@code <out>.tmp-<pid>},
     * {@code <out>.old-<pid>}, and, when that name is taken, {@code <out>.tmp-<pid>-<n>}.
     */
    static final Pattern TEMPORARY = Pattern.compile(".+\\.(tmp|old)-[0-9]{1,18}(-[0-9]{1,9})?");

    /** How many of the files casebook did not make a refusal names. */
    static final int SHOWN = 3;

    /** What is wrong with publishing to {@code out}, or null when it is safe. */
    public static String problem(Path out, Path content, Path themes, Path cwd) {
        Refusal r = check(out, content, themes, cwd);
        return r == null ? null : r.message();
    }

    /** The refusal for publishing to {@code out}, or null when it is casebook's to replace. Reads, never writes. */
    public static Refusal check(Path out, Path content, Path themes, Path cwd) {
        Path o = real(out);
        Path c = real(content);
        Path t = real(themes);
        String replace = ": publishing replaces the whole output folder and would delete it";
        if (Files.isSymbolicLink(o)) {
            return new Refusal("--out " + out + " is a symbolic link to nothing", FIX);
        }
        if (Files.exists(o) && !Files.isDirectory(o)) {
            return new Refusal("--out " + out + " is a file, not a folder", FIX);
        }
        if (c.startsWith(o)) {
            return new Refusal("--out " + out + " is or holds the content folder " + content + replace, FIX);
        }
        if (o.startsWith(c)) {
            return new Refusal(
                    "--out " + out + " lies inside the content folder " + content
                            + ": the next build would read it back as content, and publishing could replace a page's sources",
                    FIX);
        }
        if (t.startsWith(o) || o.startsWith(t)) {
            return new Refusal("--out " + out + " is, holds or lies inside the themes folder " + themes + replace, FIX);
        }
        if (real(cwd).startsWith(o)) {
            return new Refusal("--out " + out + " is or holds the folder casebook runs in" + replace, FIX);
        }
        if (o.getParent() == null) {
            return new Refusal("--out " + out + " is the root of the file system", FIX);
        }
        for (Path part : o) {
            if (part.toString().equals(".git")) {
                return new Refusal(
                        "--out " + out + " lies inside a .git folder: version control keeps its own files there", FIX);
            }
        }
        if (TEMPORARY.matcher(o.getFileName().toString()).matches()) {
            return new Refusal(
                    "--out " + out
                            + " has the name casebook gives its temporary folders (<out>.tmp-<pid>, <out>.old-<pid>)",
                    FIX);
        }
        if (Files.isDirectory(o) && OutputMarker.isMarked(o)) {
            OutputMarker.Manifest m = OutputMarker.manifest(o);
            if (m.damaged()) {
                return new Refusal(
                        "--out " + out + " has a " + OutputMarker.NAME
                                + " file whose list of files is cut short or garbled, so casebook cannot tell its"
                                + " files from others",
                        "look inside the folder: move what is not casebook's elsewhere and delete the folder, or choose"
                                + " another --out");
            }
            if (m.listed()) {
                Refusal r = foreign(out, unknown(o, m.files()));
                if (r != null) {
                    return r;
                }
            } // a marker without a list (an older casebook): decided when this build's files are known (commit)
        }
        if (Files.isDirectory(o) && !OutputMarker.isMarked(o)) {
            Boolean empty = isEmpty(o);
            if (empty == null) {
                return new Refusal("--out " + out + " cannot be read", "choose a folder you can read and write");
            }
            if (!empty) {
                return new Refusal(
                        "--out " + out + " is not empty and was not made by casebook (it has no " + OutputMarker.NAME
                                + " file); choose an empty or new folder, or delete it yourself",
                        "if it is the output of a casebook version older than the marker, delete it once and build again");
            }
        }
        return null;
    }

    /**
     * The refusal for an output folder holding files casebook did not write, or null when {@code unknown} is
     * empty. {@code unknown} is what {@link #unknown} found.
     */
    static Refusal foreign(Path out, List<String> unknown) {
        if (unknown.isEmpty()) {
            return null;
        }
        List<String> shown = unknown.subList(0, Math.min(SHOWN, unknown.size()));
        return new Refusal(
                "--out " + out + " holds " + (unknown.size() == 1 ? "a file" : unknown.size() + " files or folders")
                        + " casebook did not write (" + String.join(", ", shown)
                        + (unknown.size() > SHOWN ? ", …" : "") + "); publishing replaces the whole folder and would"
                        + " delete " + (unknown.size() == 1 ? "it" : "them"),
                "move " + (unknown.size() == 1 ? "it" : "them") + " out of " + out
                        + ", or choose another --out (a folder of casebook's own, e.g. --out site, then copy it)");
    }

    /**
     * What lies in {@code dir} that is not in {@code known} (relative file paths) and not the marker: a file or
     * symbolic link not listed, or a folder that holds no listed file (named with a trailing {@code /}, its
     * contents not looked at). Sorted; a folder that cannot be read counts as unknown. Links are not followed.
     */
    public static List<String> unknown(Path dir, Collection<String> known) {
        Set<String> files = new HashSet<>(known);
        Set<String> folders = new HashSet<>();
        for (String f : known) {
            for (int i = f.indexOf('/'); i >= 0; i = f.indexOf('/', i + 1)) {
                folders.add(f.substring(0, i));
            }
        }
        TreeSet<String> found = new TreeSet<>();
        Deque<Path> todo = new ArrayDeque<>();
        todo.add(dir);
        while (!todo.isEmpty()) {
            Path d = todo.pop();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(d)) {
                for (Path p : ds) {
                    String rel = dir.relativize(p).toString().replace('\\', '/');
                    if (d.equals(dir) && rel.equals(OutputMarker.NAME)) {
                        continue;
                    }
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        if (folders.contains(rel)) {
                            todo.add(p);
                        } else {
                            found.add(rel + "/");
                        }
                    } else if (!files.contains(rel)) {
                        found.add(rel);
                    }
                }
            } catch (IOException e) {
                found.add(d.equals(dir) ? "." : dir.relativize(d).toString().replace('\\', '/') + "/");
            }
        }
        return new ArrayList<>(found);
    }

    /** True when the folder has no entries at all, null when it cannot be listed. */
    static Boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return null;
        }
    }

    /** The absolute path with symbolic links resolved as far as the path exists; the rest appended as given. */
    public static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }
}
