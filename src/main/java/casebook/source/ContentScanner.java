package casebook.source;

import casebook.diag.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Stage 1: walks {@code content/} in sorted order and decodes what it finds. A page is any folder
 * holding {@code index.<lang>.md}; {@code data.yaml} beside it holds its facts; other files in a page
 * folder (images, PDFs) are assets copied beside the page. Editor leftovers ({@code ~}, {@code .swp},
 * {@code .bak}, hidden files) are ignored.
 */
public final class ContentScanner {
    private static final Pattern PAGE_FILE = Pattern.compile("index\\.([a-z]{2,3})\\.md");

    private final Path displayBase;
    private final Map<Path, Cached> cache;

    /** A decoded file and the modification time and size it was read at. */
    public record Cached(java.nio.file.attribute.FileTime modified, long size, SourceFile file) { }

    /** @param displayBase paths in diagnostics are printed relative to this folder */
    public ContentScanner(Path displayBase) {
        this(displayBase, null);
    }

    /**
     * @param cache files decoded by an earlier scan ({@code serve}); a file whose modification time and
     *              size are unchanged is not read again. Null to read everything.
     */
    public ContentScanner(Path displayBase, Map<Path, Cached> cache) {
        this.displayBase = displayBase.toAbsolutePath().normalize();
        this.cache = cache;
    }

    public ContentTree scan(Path root, Diagnostics diagnostics) {
        Path absRoot = root.toAbsolutePath().normalize();
        List<Found> found;
        // A content folder that is itself a symbolic link is walked through its target, and its files keep the
        // name given. The folders at the top (one per page: thousands in a large collection) are walked, and
        // their files read and decoded, in parallel: the walk is one file-system call per entry, mostly waiting.
        try {
            Path walkRoot = Files.isSymbolicLink(absRoot) ? absRoot.toRealPath() : absRoot;
            List<Path> top;
            try (Stream<Path> list = Files.list(walkRoot)) {
                top = list.toList();
            }
            found = top.parallelStream().flatMap(ContentScanner::filesUnder)
                    .map(p -> walkRoot == absRoot ? p : absRoot.resolve(walkRoot.relativize(p)))
                    .map(p -> found(absRoot, p, diagnostics)).filter(f -> f != null)
                    .sorted(Comparator.comparing(Found::file)).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("cannot read content folder " + root,
                    e instanceof UncheckedIOException u ? u.getCause() : (IOException) e);
        }
        SourceFile site = null;
        SourceFile glossary = null;
        Map<String, Map<String, SourceFile>> pages = new TreeMap<>();
        Map<String, SourceFile> data = new TreeMap<>();
        List<Path> assets = new ArrayList<>();
        for (Found f : found) {
            if (f.source() == null) {
                if (f.asset()) assets.add(f.rel());
                continue;
            }
            String name = f.rel().getFileName().toString();
            String slug = f.rel().getParent() == null ? "" : f.rel().getParent().toString().replace('\\', '/');
            Matcher m = PAGE_FILE.matcher(name);
            if (slug.isEmpty() && name.equals("site.yaml")) site = f.source();
            else if (slug.isEmpty() && name.equals("glossary.yaml")) glossary = f.source();
            else if (name.equals("data.yaml")) data.put(slug, f.source());
            else if (m.matches()) pages.computeIfAbsent(slug, k -> new TreeMap<>()).put(m.group(1), f.source());
        }
        return new ContentTree(absRoot, site, glossary, pages, data, assets);
    }

    /** A file found under the content folder: an asset, or a source (null when it could not be read), or neither. */
    private record Found(Path file, Path rel, boolean asset, SourceFile source) { }

    /** Null for an ignored file; a source file is read and decoded here, on the walking thread. */
    private Found found(Path absRoot, Path file, Diagnostics diagnostics) {
        Path rel = absRoot.relativize(file);
        if (isIgnored(rel)) return null;
        String name = rel.getFileName().toString();
        if (rel.getNameCount() == 1 && (name.equals("site.yaml") || name.equals("glossary.yaml"))
                || PAGE_FILE.matcher(name).matches() || name.equals("data.yaml")) {
            return new Found(file, rel, false, read(file, diagnostics));
        }
        boolean asset = !name.endsWith(".md") && !name.endsWith(".yaml") && !name.endsWith(".yml");
        return new Found(file, rel, asset, null);
    }

    /**
     * {@code p} if it is a file, else every file under it, in no particular order. A hidden folder at the
     * top ({@code .git}) is not walked at all, since nothing in it is content.
     */
    private static Stream<Path> filesUnder(Path p) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isDirectory()) return isFile(p, attrs) ? Stream.of(p) : Stream.empty();
            if (isIgnored(p.getFileName())) return Stream.empty();
            // find, not walk + isRegularFile: the walk has read each entry's attributes already, so no second
            // stat per file (a symbolic link is still followed to see whether it names a file)
            try (Stream<Path> walk = Files.find(p, Integer.MAX_VALUE, ContentScanner::isFile)) {
                return walk.toList().stream();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isFile(Path p, BasicFileAttributes attrs) {
        return attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(p);
    }

    public Path display(Path absolute) {
        Path abs = absolute.toAbsolutePath().normalize();
        return abs.startsWith(displayBase) ? displayBase.relativize(abs) : abs;
    }

    private SourceFile read(Path file, Diagnostics diagnostics) {
        Path display = display(file);
        try {
            java.nio.file.attribute.BasicFileAttributes attrs = null;
            if (cache != null) {
                attrs = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
                Cached c = cache.get(file);
                if (c != null && c.modified().equals(attrs.lastModifiedTime()) && c.size() == attrs.size()) return c.file();
            }
            String text = TextDecoder.decode(Files.readAllBytes(file), display, diagnostics);
            SourceFile sf = text == null ? null : new SourceFile(file, display, text);
            if (cache != null) {
                if (sf == null) cache.remove(file); else cache.put(file, new Cached(attrs.lastModifiedTime(), attrs.size(), sf));
            }
            return sf;
        } catch (IOException e) {
            diagnostics.error(display, 1, 1, "cannot read file: " + e.getMessage(), null);
            return null;
        }
    }

    /** Editor backups, swap files and hidden files are never content. */
    public static boolean isIgnored(Path rel) {
        for (Path part : rel) {
            String s = part.toString();
            if (s.startsWith(".") || s.startsWith("#")) return true;
        }
        String name = rel.getFileName().toString();
        return name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx") || name.endsWith(".bak")
                || name.endsWith(".tmp") || name.startsWith("~$");
    }
}
