package casebook.booklet;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * The Japanese font the booklet is set in: a TrueType font (glyf outlines), which PDFBox can embed as a subset;
 * CFF-based OpenType fonts such as Noto CJK it cannot subset, so they are refused. Found on the system (BIZ
 * UDGothic from Debian's {@code fonts-morisawa-bizud-gothic}, then IPAex Gothic from {@code fonts-ipaexfont})
 * or named with {@code --pdf-font}.
 *
 * @param regular      the text face
 * @param bold         its bold face, or null (headings are then set in the regular face)
 * @param latin        the face for English text (BIZ UDPGothic, whose Latin letters are proportional), or null
 *                     to use {@code regular}
 * @param latinBold    its bold face, or null
 */
public record BookletFont(Path regular, Path bold, Path latin, Path latinBold) {
    /** What to install when no font is found, for the one message that says the PDF was skipped. */
    public static final String INSTALL =
            "install a TrueType Japanese font (Debian: apt-get install fonts-morisawa-bizud-gothic,"
                    + " or fonts-ipaexfont) or pass --pdf-font FILE.ttf";

    /**
     * The hint when the font named with {@code --pdf-font} (or found) cannot be used: the fonts that can, without
     * telling an editor to pass the option they have just passed.
     */
    public static final String WORKING =
            "use a TrueType (.ttf) Japanese font: BIZ UDGothic (BIZUDGothic-Regular.ttf; Debian: apt-get install"
                    + " fonts-morisawa-bizud-gothic) or IPAex Gothic (ipaexg.ttf; Debian: apt-get install"
                    + " fonts-ipaexfont), or leave --pdf-font out to use one of them from the system";

    private static final List<Path> FOLDERS = List.of(
            Path.of("/usr/share/fonts"),
            Path.of("/usr/local/share/fonts"),
            Path.of(System.getProperty("user.home", "/nonexistent"), ".local/share/fonts"),
            Path.of(System.getProperty("user.home", "/nonexistent"), ".fonts"),
            Path.of("/Library/Fonts"),
            Path.of(System.getProperty("user.home", "/nonexistent"), "Library/Fonts"));

    /** The file names looked for, best first: the regular face of each family. */
    static final List<String> REGULAR = List.of("BIZUDGothic-Regular.ttf", "ipaexg.ttf");

    /** Held, so that the levels set stay set (java.util.logging keeps loggers weakly). */
    private static final List<Logger> QUIET =
            List.of(Logger.getLogger("org.apache.fontbox"), Logger.getLogger("org.apache.pdfbox"));

    static {
        // PDFBox logs what it ignores in a font (a format 14 cmap, say); casebook reports what matters itself
        quiet();
    }

    static void quiet() {
        for (Logger l : QUIET) {
            l.setLevel(Level.OFF);
        }
    }

    /** Parsed cmaps, by file, kept for the JVM's life (a font does not change while casebook runs). */
    private static final Map<Path, CmapLookup> CMAPS = new ConcurrentHashMap<>();

    /**
     * The font named by {@code option} (with its bold and proportional siblings when they lie beside it), or
     * the first known font on the system; null when there is none.
     */
    public static BookletFont find(Path option) {
        // the folders searched can be replaced (a path list), so that a test can stand for a machine without the font
        String folders = System.getProperty("casebook.pdf.fontFolders");
        if (folders == null) {
            return find(option, FOLDERS);
        }
        return find(
                option,
                Arrays.stream(folders.split(File.pathSeparator))
                        .filter(x -> !x.isEmpty())
                        .map(Path::of)
                        .toList());
    }

    static BookletFont find(Path option, List<Path> folders) {
        if (option != null) {
            return around(option);
        }
        for (String name : REGULAR) {
            for (Path folder : folders) {
                Path f = search(folder, name);
                if (f != null) {
                    return around(f);
                }
            }
        }
        return null;
    }

    /** The font {@code file} with the faces that its family names beside it. */
    private static BookletFont around(Path file) {
        String name = file.getFileName().toString();
        Path bold = sibling(file, name.replace("-Regular", "-Bold"));
        Path latin =
                name.startsWith("BIZUDGothic-") ? sibling(file, name.replace("BIZUDGothic-", "BIZUDPGothic-")) : null;
        Path latinBold = latin == null
                ? null
                : sibling(file, latin.getFileName().toString().replace("-Regular", "-Bold"));
        return new BookletFont(file, bold, latin, latinBold);
    }

    private static Path sibling(Path file, String name) {
        if (name.equals(file.getFileName().toString())) {
            return null;
        }
        Path p = file.resolveSibling(name);
        return Files.isRegularFile(p) ? p : null;
    }

    private static Path search(Path folder, String name) {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> s = Files.walk(folder, 4)) {
            return s.filter(p -> p.getFileName().toString().equals(name) && Files.isRegularFile(p))
                    .sorted()
                    .findFirst()
                    .orElse(null);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /**
     * Why {@code file} cannot set the booklet (not readable, not a font, or a font with CFF outlines that PDFBox
     * cannot subset), or null when it can.
     */
    public static String problem(Path file) {
        if (!Files.isRegularFile(file)) {
            return "no such font file";
        }
        String kind = kind(file);
        if (kind != null) {
            return kind;
        }
        try {
            cmap(file);
            return null;
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return m.contains("glyf") || m.contains("CFF") ? m : "not a TrueType font: " + m;
        }
    }

    /**
     * What the file's first four bytes say it is, when that is a kind the PDF engine cannot embed: a font collection
     * ({@code ttcf}, a .ttc such as NotoSansCJK-Regular.ttc) or an OpenType font with CFF outlines ({@code OTTO},
     * an .otf such as NotoSansCJKjp-Regular.otf); null otherwise (a TrueType font, or something the parser judges).
     */
    static String kind(Path file) {
        byte[] magic = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(magic, 0, 4) < 4) {
                return "the file is too short to be a font";
            }
        } catch (IOException e) {
            return null; // the parser says why
        }
        String tag = new String(magic, StandardCharsets.ISO_8859_1);
        if (tag.equals("ttcf")) {
            return "it is a font collection (.ttc), and collections cannot be embedded by the PDF engine"
                    + " (nor can OpenType fonts with CFF outlines, .otf)";
        }
        if (tag.equals("OTTO")) {
            return "it is an OpenType font with CFF (PostScript) outlines, which the PDF engine cannot embed"
                    + " (nor can it embed font collections, .ttc)";
        }
        return null;
    }

    /** Whether {@code file} is a font collection (.ttc: its first four bytes are {@code ttcf}). */
    public static boolean collection(Path file) {
        byte[] magic = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(magic, 0, 4) == 4 && new String(magic, StandardCharsets.ISO_8859_1).equals("ttcf");
        } catch (IOException e) {
            return false;
        }
    }

    private static CmapLookup cmap(Path file) throws IOException {
        CmapLookup c = CMAPS.get(file);
        if (c != null) {
            return c;
        }
        // kept open for the JVM's life, like the cache: the font is asked only for the characters the booklet uses
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
        if (ttf.getTableMap().get("glyf") == null) {
            ttf.close();
            throw new IOException(
                    "the font has CFF (PostScript) outlines, not TrueType ones; PDFBox cannot embed a subset of it");
        }
        CmapLookup lookup = ttf.getUnicodeCmapLookup(false);
        if (lookup == null) {
            ttf.close();
            throw new IOException("the font has no Unicode character map");
        }
        CmapLookup shared = CMAPS.putIfAbsent(file, lookup);
        if (shared != null) {
            ttf.close();
        }
        return shared != null ? shared : lookup;
    }

    /** The characters of {@code text} that {@code file} has no glyph for (white space and controls aside), sorted. */
    public static TreeSet<Integer> missing(Path file, String text) throws IOException {
        CmapLookup c = cmap(file);
        TreeSet<Integer> out = new TreeSet<>();
        int[] cps = text.codePoints().filter(cp -> !ignorable(cp)).distinct().toArray();
        synchronized (c) { // a parsed font reads its file as it is asked
            for (int cp : cps) {
                if (c.getGlyphId(cp) == 0) {
                    out.add(cp);
                }
            }
        }
        return out;
    }

    /** Characters that are never drawn: white space, controls, format characters, variation selectors. */
    static boolean ignorable(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
            return true;
        }
        int t = Character.getType(cp);
        return t == Character.FORMAT || cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF;
    }
}
