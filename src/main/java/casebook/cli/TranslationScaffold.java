package casebook.cli;

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
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code new translation <slug>}: writes {@code <slug>/index.<lang>.md} for every language of site.yaml other than
 * the original's that the page lacks, as a scaffold that follows the original line for line: its front matter
 * keys, its headings with the same {@code {#id}}s, its containers, lists, tables, definition lists, dialogue
 * turns and participants, with every text to translate written {@value #MARK} followed by the original (so the
 * placeholder check keeps it from being published until each is translated). {@code translated_from} is set to
 * the original's sections as they are now, as {@code mark-translated} would set it: the scaffold is made from
 * this version of the original, so a later change of the original is reported as staleness while the
 * translation is written. Refuses (a usage error) when every translation exists.
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
            Map<String, String> hashes = page == null || page.rendered() == null
                    ? null
                    : page.rendered().sectionHashes();
            String text = Files.readString(original, StandardCharsets.UTF_8).replace("\r\n", "\n");
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            String scaffold = scaffold(text, original, d);
            for (String lang : missing) {
                Path file = dir.resolve("index." + lang + ".md");
                Files.writeString(file, scaffold, StandardCharsets.UTF_8);
                if (hashes != null) {
                    MarkTranslated.rewrite(file, hashes);
                }
                console.info("created " + file + " from the structure of " + original
                        + (hashes != null ? "; translated_from records the original as it is now" : ""));
            }
            console.info(
                    "next: translate every " + MARK + " line (write the translation over the original text);"
                            + " check refuses the page until none is left. Preview: mvn compile exec:java -Dexec.args=\"serve\"");
            if (hashes == null) {
                console.info("the original does not build yet; once it does, run mark-translated " + slug);
            }
            return 0;
        } catch (IOException e) {
            console.error("casebook: " + e.getMessage());
            return 1;
        }
    }

    /** The translation scaffold of an original page's text (front matter and body). */
    static String scaffold(String text, Path display, Diagnostics d) {
        FrontMatter fm = FrontMatter.split(text);
        StringBuilder out = new StringBuilder("---\n");
        String body = text;
        if (fm != null) {
            YamlNode node = YamlReader.read(fm.yaml(), display, fm.yamlStartLine(), d);
            if (node != null && node.isMap()) {
                for (Map.Entry<String, YamlNode> e : node.map().entrySet()) {
                    String key = e.getKey();
                    String value = e.getValue().text();
                    if (key.equals("translated_from") || value == null) {
                        continue; // not part of an original; lists and maps are not front matter of a page
                    }
                    out.append(key).append(": ");
                    out.append(TEXT_KEYS.contains(key) ? quoted(MARK + " " + value) : plainValue(value));
                    out.append('\n');
                }
            }
            body = fm.body();
        } else {
            out.append("title: ").append(quoted(MARK + " ")).append('\n');
        }
        out.append("---\n");
        out.append(body(body));
        return out.toString();
    }

    /** The body, line by line: structure kept, every text line marked for translation. */
    static String body(String body) {
        StringBuilder out = new StringBuilder();
        Deque<String> containers = new ArrayDeque<>();
        String fence = null;
        for (String line : body.split("\n", -1)) {
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
                out.append(":::").append(m.group(1)).append(title.isEmpty() ? "" : " " + MARK + " " + title);
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
                out.append(m.group(1)).append(' ').append(MARK).append(' ').append(m.group(2));
                if (m.group(3) != null) {
                    out.append(' ').append(m.group(3).strip());
                }
            } else if ((m = LIST_ITEM.matcher(line)).matches()) {
                out.append(m.group(1)).append(text(m.group(2)));
            } else if ((m = DEFINITION.matcher(line)).matches()) {
                out.append(m.group(1)).append(MARK).append(' ').append(m.group(2));
            } else if (t.startsWith("|")) {
                out.append(tableRow(line));
            } else {
                out.append(text(line));
            }
            out.append('\n');
        }
        // split(-1) gives one more line than the text's final newline ends
        return out.substring(0, Math.max(0, out.length() - 1));
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
