package casebook.source;

import casebook.diag.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Stage 1: walks {@code content/} in sorted order and decodes what it finds. A page is any folder
 * holding {@code index.<lang>.md}; {@code data.yaml} beside it holds its facts; other files (images,
 * PDFs) are listed as assets, which the build publishes only when a page links to them. Editor leftovers
 * ({@code ~}, {@code .swp}, {@code .bak}, hidden files) are ignored. A symbolic link is followed only to a
 * file inside the real content folder: one leading outside is an error at the link and nothing is read
 * through it, and a link to a folder is not followed (a warning).
 */
public final class ContentScanner {
    private static final Pattern PAGE_FILE = Pattern.compile("index\\.([a-z]{2,3})\\.md");

    private final Path displayBase;

    /** @param displayBase paths in diagnostics are printed relative to this folder */
    public ContentScanner(Path displayBase) {
        this.displayBase = displayBase.toAbsolutePath().normalize();
    }

    public ContentTree scan(Path root, Diagnostics diagnostics) {
        Path absRoot = root.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        // find, not walk + isRegularFile: the walk has read each entry's attributes already, so no second stat per
        // file. A content folder that is itself a symbolic link is walked through its target, and its files keep the
        // name given. Symbolic links inside it are followed only to a file inside the (real) content folder.
        try {
            Path realRoot = absRoot.toRealPath();
            Path walkRoot = Files.isSymbolicLink(absRoot) ? realRoot : absRoot;
            List<Path> found;
            try (Stream<Path> walk = Files.find(
                    walkRoot, Integer.MAX_VALUE, (p, attrs) -> attrs.isRegularFile() || attrs.isSymbolicLink())) {
                found = walk.map(p -> walkRoot == absRoot ? p : absRoot.resolve(walkRoot.relativize(p)))
                        .filter(p -> !isIgnored(absRoot.relativize(p)))
                        .sorted()
                        .toList();
            }
            for (Path p : found) {
                if (!Files.isSymbolicLink(p) || linkInside(p, realRoot, diagnostics)) {
                    files.add(p);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException(
                    "cannot read content folder " + root,
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
        SourceFile site = null;
        SourceFile glossary = null;
        Map<String, Map<String, SourceFile>> pages = new TreeMap<>();
        Map<String, SourceFile> data = new TreeMap<>();
        List<Path> assets = new ArrayList<>();
        List<Path> toRead = new ArrayList<>();
        for (Path file : files) {
            Path rel = absRoot.relativize(file);
            if (rel.toString().indexOf('\uFFFD') >= 0) {
                // the JVM decodes file names with the locale's charset (sun.jnu.encoding): under LC_ALL=C it is ASCII,
                // a Japanese name comes back with U+FFFD in place of its bytes, and no path built from it can be opened
                diagnostics.error(
                        display(file),
                        1,
                        1,
                        "file name cannot be read in this system's encoding (" + System.getProperty("sun.jnu.encoding")
                                + ")",
                        "run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8 (or rename the file using ASCII letters)");
                continue;
            }
            String name = rel.getFileName().toString();
            if (rel.getNameCount() == 1 && (name.equals("site.yaml") || name.equals("glossary.yaml"))
                    || PAGE_FILE.matcher(name).matches()
                    || name.equals("data.yaml")) {
                toRead.add(file);
            } else if (!name.endsWith(".md") && !name.endsWith(".yaml") && !name.endsWith(".yml")) {
                assets.add(rel);
            }
        }
        List<SourceFile> decoded =
                toRead.parallelStream().map(f -> read(f, diagnostics)).toList();
        for (int i = 0; i < toRead.size(); i++) {
            SourceFile sf = decoded.get(i);
            if (sf == null) {
                continue;
            }
            Path rel = absRoot.relativize(toRead.get(i));
            String name = rel.getFileName().toString();
            String slug =
                    rel.getParent() == null ? "" : rel.getParent().toString().replace('\\', '/');
            Matcher m = PAGE_FILE.matcher(name);
            if (slug.isEmpty() && name.equals("site.yaml")) {
                site = sf;
            } else if (slug.isEmpty() && name.equals("glossary.yaml")) {
                glossary = sf;
            } else if (name.equals("data.yaml")) {
                data.put(slug, sf);
            } else if (m.matches()) {
                pages.computeIfAbsent(slug, k -> new TreeMap<>()).put(m.group(1), sf);
            }
        }
        return new ContentTree(absRoot, site, glossary, pages, data, assets);
    }

    /**
     * Whether the symbolic link {@code link} names a file to read: one whose real path lies inside the real
     * content folder. A link leading outside is an error at the link, and nothing is read through it (a link
     * to /etc/passwd would otherwise be published); a link to a folder is not followed (as a walk never
     * follows one), and the editor is told; a link to nothing is a warning.
     */
    private boolean linkInside(Path link, Path realRoot, Diagnostics d) {
        Path display = display(link);
        Path target;
        try {
            target = link.toRealPath();
        } catch (IOException e) {
            d.warning(
                    display,
                    1,
                    1,
                    display + " is a symbolic link to nothing (its target does not exist); it is skipped",
                    "delete the link, or copy the file in instead");
            return false;
        }
        boolean folder = Files.isDirectory(target);
        if (!target.startsWith(realRoot)) {
            d.error(
                    display,
                    1,
                    1,
                    display + " is a symbolic link to a " + (folder ? "folder" : "file")
                            + " outside the content folder; nothing is read through it",
                    "copy the " + (folder ? "folder" : "file") + " in instead");
            return false;
        }
        if (folder) {
            d.warning(
                    display,
                    1,
                    1,
                    display + " is a symbolic link to a folder; folder links are not followed, so nothing in"
                            + " it is read",
                    "move or copy the folder in instead");
            return false;
        }
        return Files.isRegularFile(target);
    }

    public Path display(Path absolute) {
        Path abs = absolute.toAbsolutePath().normalize();
        return abs.startsWith(displayBase) ? displayBase.relativize(abs) : abs;
    }

    private SourceFile read(Path file, Diagnostics diagnostics) {
        Path display = display(file);
        try {
            String text = TextDecoder.decode(Files.readAllBytes(file), display, diagnostics);
            return text == null ? null : new SourceFile(file, display, text);
        } catch (IOException e) {
            diagnostics.error(display, 1, 1, "cannot read file: " + e.getMessage(), null);
            return null;
        }
    }

    /** Editor backups, swap files and hidden files are never content. */
    public static boolean isIgnored(Path rel) {
        for (Path part : rel) {
            String s = part.toString();
            if (s.startsWith(".") || s.startsWith("#")) {
                return true;
            }
        }
        String name = rel.getFileName().toString();
        return name.endsWith("~")
                || name.endsWith(".swp")
                || name.endsWith(".swx")
                || name.endsWith(".bak")
                || name.endsWith(".tmp")
                || name.startsWith("~$");
    }
}
