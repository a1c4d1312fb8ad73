package casebook.cli;

import casebook.check.TranslationChecker;
import casebook.diag.Diagnostics;
import casebook.frontmatter.FrontMatter;
import casebook.frontmatter.SiteConfig;
import casebook.frontmatter.YamlNode;
import casebook.frontmatter.YamlReader;
import casebook.pipeline.Build;
import casebook.pipeline.BuildOptions;
import casebook.pipeline.BuildResult;
import casebook.site.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code new translation <slug>}: writes {@code <slug>/index.<lang>.md} for every language of site.yaml other than
 * the original's that the page lacks, as a scaffold that follows the original line for line: its front matter
 * keys, its headings with the same {@code {#id}}s, its containers, lists, tables, definition lists, dialogue
 * turns and participants, with every text to translate written {@value #MARK} followed by the original (so the
 * placeholder check keeps it from being published until each is translated). Headings, block titles, info-card
 * terms and a case's label whose translation casebook already knows ({@link KnownHeadings}: translated pages with
 * the same id, the {@code new case} pages, the theme's words, the glossary) are written out instead.
 * {@code translated_from} is set to the original's sections, title and label as they are now, as {@code mark-translated} would set
 * it: the scaffold is made from this version of the original, so a later change of the original is reported as
 * staleness while the translation is written, and {@code mark-translated} is not part of finishing the
 * translation. A note at the top of the front matter (YAML comments, holding no placeholder) and the console say
 * so. Refuses (a usage error) when every translation exists.
 */
final class TranslationScaffold {
    /** The placeholder that stands before each original text to translate. */
    static final String MARK = "TODO(translate)";

    private static final Pattern HEADING = Pattern.compile("(#{1,6})\\s+(.*?)(\\s*\\{#[A-Za-z][A-Za-z0-9_-]*\\})?\\s*");
    private static final Pattern OPEN = Pattern.compile(":::\\s*([A-Za-z][A-Za-z0-9-]*)(.*)");
    private static final Pattern LIST_ITEM = Pattern.compile("(\\s*(?:[-*+]|\\d{1,9}[.)])\\s+)(.*)");
    private static final Pattern DEFINITION = Pattern.compile("(\\s*:\\s+)(.*)");
    private static final Pattern REFERENCE = Pattern.compile("\\s*\\[[^\\]]+\\]:\\s.*");
    private static final Pattern IMAGE_ONLY = Pattern.compile("(\\s*!\\[)([^\\]]*)(\\]\\([^)]*\\)\\s*)");
    private static final Pattern DIALOGUE = Pattern.compile("([A-Za-z0-9_-]+:\\s+)(.*)");
    private static final Pattern PARTICIPANT_TEXT =
            Pattern.compile("(\\s*(?:-\\s+)?(?:name|affiliation|role|mark):\\s+)(.+)");
    /** Front-matter keys whose value is text to translate; the others are copied as written. */
    private static final List<String> TEXT_KEYS = List.of("title", "label", "description");

    private TranslationScaffold() {}

    static int run(Arguments a, String slug, Console console) throws UsageException {
        Path content = a.options().content();
        Path siteYaml = content.resolve("site.yaml");
        if (!Files.isRegularFile(siteYaml)) {
            throw new UsageException(siteYaml + " not found; pass --content DIR");
        }
        Path dir = content.resolve(slug);
        try {
            Diagnostics d = new Diagnostics();
            YamlNode n = YamlReader.read(Files.readString(siteYaml, StandardCharsets.UTF_8), siteYaml, 0, d);
            if (n == null) {
                console.diagnostics(d);
                return 1;
            }
            SiteConfig cfg = SiteConfig.from(n, siteYaml, d);
            String def = cfg.defaultLanguage();
            Path original = dir.resolve("index." + def + ".md");
            if (!Files.isRegularFile(original)) {
                throw new UsageException("no page " + original + " to translate"
                        + (Files.isDirectory(dir) ? "" : "; new case " + slug + " scaffolds a new page"));
            }
            List<String> missing = cfg.languages().stream()
                    .filter(l -> !l.equals(def))
                    .filter(l -> !Files.exists(dir.resolve("index." + l + ".md")))
                    .toList();
            if (missing.isEmpty()) {
                List<String> have = cfg.languages().stream()
                        .filter(l -> !l.equals(def))
                        .map(l -> dir.resolve("index." + l + ".md").toString())
                        .toList();
                throw new UsageException(
                        String.join(", ", have) + (have.size() == 1 ? " already exists" : " already exist")
                                + "; edit it, or delete it first to start the translation again from the scaffold");
            }
            // the original's sections as they are now (placeholders and draft: true do not stop it)
            BuildResult r = Build.run(
                    a.options().withWrite(false).withDrafts(true).withPdf(new BuildOptions.Pdf(false, null)),
                    new Diagnostics(),
                    x -> {});
            Page page = r.site() == null ? null : r.site().page(def, slug);
            Map<String, String> hashes =
                    page == null || page.rendered() == null ? null : TranslationChecker.recorded(page);
            String text = Files.readString(original, StandardCharsets.UTF_8).replace("\r\n", "\n");
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            String originalName = original.getFileName().toString();
            for (String lang : missing) {
                Path file = dir.resolve("index." + lang + ".md");
                KnownHeadings known = KnownHeadings.of(
                        r.site(), def, lang, a.options().themes(), a.options().theme());
                int[] filled = {0};
                String scaffold = scaffold(
                        text, original, d, known, any -> note(originalName, slug, hashes != null, any), filled);
                Files.writeString(file, scaffold, StandardCharsets.UTF_8);
                if (hashes != null) {
                    MarkTranslated.rewrite(file, hashes);
                }
                console.info("created " + file + " from the structure of " + original
                        + (filled[0] == 0
                                ? ""
                                : "; " + filled[0]
                                        + (filled[0] == 1
                                                ? " heading or label casebook already knows in " + lang
                                                        + " is written out (check it)"
                                                : " headings and labels casebook already knows in " + lang
                                                        + " are written out (check them)")));
            }
            console.info("next: write the translation over every " + MARK
                    + " and the original text after it; check and build refuse the page until none is left."
                    + " Preview while you translate: " + Scaffold.command(a, "serve"));
            console.info(
                    hashes != null
                            ? "translated_from already records the original as it is now, the version you translate"
                                    + " from: do not run mark-translated when you finish. Run it only after updating"
                                    + " a section that check reports as stale (the original changed while you"
                                    + " translated)."
                            : "translated_from is not recorded: the original does not build yet (check says why)."
                                    + " Translate it once it builds; when no " + MARK + " is left, run"
                                    + " mark-translated " + slug + " to record the version you translated from.");
            return 0;
        } catch (IOException e) {
            console.error("casebook: " + e.getMessage());
            return 1;
        }
    }

    /** The translation scaffold of an original page's text (front matter and body), every text marked. */
    static String scaffold(String text, Path display, Diagnostics d) {
        return scaffold(text, display, d, KnownHeadings.NONE, any -> List.of(), new int[1]);
    }

    /**
     * The translation scaffold of an original page's text: the headings and labels {@code known} knows written out
     * (counted in {@code filled[0]}), every other text marked, and at the top of its front matter the note (YAML
     * comments) that {@code note} gives for whether any heading or label was written out.
     */
    static String scaffold(
            String text,
            Path display,
            Diagnostics d,
            KnownHeadings known,
            Function<Boolean, List<String>> note,
            int[] filled) {
        FrontMatter fm = FrontMatter.split(text);
        StringBuilder out = new StringBuilder();
        String body = text;
        if (fm != null) {
            YamlNode node = YamlReader.read(fm.yaml(), display, fm.yamlStartLine() - 1, d);
            if (node != null && node.isMap()) {
                for (Map.Entry<String, YamlNode> e : node.map().entrySet()) {
                    String key = e.getKey();
                    String value = e.getValue().text();
                    if (key.equals("translated_from") || value == null) {
                        continue; // not part of an original; lists and maps are not front matter of a page
                    }
                    out.append(key).append(": ");
                    String label = key.equals("label") ? known.pageLabel(value) : null;
                    if (label != null) {
                        out.append(label);
                        filled[0]++;
                    } else {
                        out.append(TEXT_KEYS.contains(key) ? quoted(MARK + " " + value) : plainValue(value));
                    }
                    out.append('\n');
                }
            }
            body = fm.body();
        } else {
            out.append("title: ").append(quoted(MARK + " ")).append('\n');
        }
        String translated = body(body, known, filled);
        StringBuilder head = new StringBuilder("---\n");
        for (String line : note.apply(filled[0] > 0)) {
            head.append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
        return head.append(out).append("---\n").append(translated).toString();
    }

    /** The body, line by line: structure kept, every text line marked for translation. */
    static String body(String body) {
        return body(body, KnownHeadings.NONE, new int[1]);
    }

    /**
     * The body, line by line: structure kept, the headings, block titles and info-card terms that {@code known}
     * knows written out (counted in {@code filled[0]}), every other text line marked for translation.
     */
    static String body(String body, KnownHeadings known, int[] filled) {
        StringBuilder out = new StringBuilder();
        Deque<String> containers = new ArrayDeque<>();
        String fence = null;
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.strip();
            if (fence != null) {
                out.append(line).append('\n');
                if (t.startsWith(fence)) {
                    fence = null;
                }
                continue;
            }
            if (t.startsWith("```") || t.startsWith("~~~")) {
                fence = t.substring(0, 3);
                out.append(line).append('\n');
                continue;
            }
            Matcher m;
            if (t.isEmpty() || t.equals(":::") || REFERENCE.matcher(line).matches() || t.startsWith("<")) {
                if (t.equals(":::") && !containers.isEmpty()) {
                    containers.pop();
                }
                out.append(line);
            } else if ((m = OPEN.matcher(t)).matches()) {
                containers.push(m.group(1));
                String title = m.group(2).strip();
                String english = title.isEmpty() ? null : known.label(title);
                if (english != null) {
                    filled[0]++;
                }
                out.append(":::")
                        .append(m.group(1))
                        .append(title.isEmpty() ? "" : " " + (english != null ? english : MARK + " " + title));
            } else if ("participants".equals(containers.peek())) {
                m = PARTICIPANT_TEXT.matcher(line);
                out.append(
                        m.matches()
                                ? m.group(1)
                                        + quoted(MARK + " " + unquote(m.group(2).strip()))
                                : line);
            } else if ("dialogue".equals(containers.peek()) && (m = DIALOGUE.matcher(line)).matches()) {
                out.append(m.group(1)).append(MARK).append(' ').append(m.group(2));
            } else if ((m = HEADING.matcher(line)).matches()) {
                String id = m.group(3) == null ? null : m.group(3).strip();
                String english = known.heading(id == null ? null : id.substring(2, id.length() - 1), m.group(2));
                out.append(m.group(1)).append(' ');
                if (english != null) {
                    out.append(english);
                    filled[0]++;
                } else {
                    out.append(MARK).append(' ').append(m.group(2));
                }
                if (id != null) {
                    out.append(' ').append(id);
                }
            } else if ((m = LIST_ITEM.matcher(line)).matches()) {
                out.append(m.group(1)).append(text(m.group(2)));
            } else if ((m = DEFINITION.matcher(line)).matches()) {
                out.append(m.group(1)).append(MARK).append(' ').append(m.group(2));
            } else if (t.startsWith("|")) {
                out.append(tableRow(line));
            } else if (i + 1 < lines.length && DEFINITION.matcher(lines[i + 1]).matches() && known.label(t) != null) {
                // a definition's term (an info card's label) that casebook knows
                out.append(line, 0, line.length() - line.stripLeading().length())
                        .append(known.label(t));
                filled[0]++;
            } else {
                out.append(text(line));
            }
            out.append('\n');
        }
        // split(-1) gives one more line than the text's final newline ends
        return out.substring(0, Math.max(0, out.length() - 1));
    }

    /**
     * The note at the top of a scaffold's front matter (YAML comments): what to do, and when mark-translated is due.
     * It holds no placeholder mark, so it may stay once the page is translated.
     */
    static List<String> note(String original, String slug, boolean recorded, boolean filled) {
        List<String> note = new ArrayList<>(List.of(
                "Scaffold written by \"new translation\" from " + original + ". Write the translation over every",
                "text marked TODO, and over the original text after the mark. check and build refuse this page",
                "until no mark is left; serve previews it meanwhile."));
        if (filled) {
            note.addAll(List.of(
                    "Headings and labels casebook already knew (from translated pages with the same {#id}, the",
                    "theme's words and the glossary) are written out without a mark: check them too."));
        }
        if (recorded) {
            note.addAll(List.of(
                    "translated_from below already records the original as it was when this scaffold was",
                    "written, the version you translate from: do not run mark-translated when you finish. Run",
                    "mark-translated " + slug + " only after updating a section that check reports as stale (the",
                    "original changed while you translated)."));
        } else {
            note.addAll(List.of(
                    "translated_from is not recorded yet: the original did not build when this scaffold was",
                    "written (check says why). Translate from the original once it builds; when no mark is left,",
                    "run mark-translated " + slug + " once to record that version as the one translated from."));
        }
        return note;
    }

    /** A line of text marked for translation; an image alone on its line keeps its file, with its alt text marked. */
    private static String text(String line) {
        Matcher img = IMAGE_ONLY.matcher(line);
        if (img.matches()) {
            return img.group(2).isBlank()
                    ? line
                    : img.group(1) + MARK + " " + img.group(2) + img.group(3).stripTrailing();
        }
        int indent = line.length() - line.stripLeading().length();
        return line.substring(0, indent) + MARK + " " + line.stripLeading();
    }

    /** A table row: the separator row as written, every other cell marked. */
    private static String tableRow(String line) {
        if (line.strip().matches("[|:\\-\\s]+")) {
            return line;
        }
        String[] cells = line.strip().split("(?<!\\\\)\\|", -1);
        StringBuilder out = new StringBuilder("|");
        for (int i = 1; i < cells.length - 1; i++) {
            String c = cells[i].strip();
            out.append(' ').append(c.isEmpty() ? "" : MARK + " " + c).append(c.isEmpty() ? "|" : " |");
        }
        return out.toString();
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A value copied as written when YAML reads it back unchanged, else quoted. */
    private static String plainValue(String v) {
        return v.matches("[A-Za-z0-9_.-]+") ? v : quoted(v);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))
                ? s.substring(1, s.length() - 1)
                : s;
    }
}
