package casebook.markdown;

import casebook.text.Formats;
import casebook.text.HtmlText;
import casebook.diag.Diagnostics;
import casebook.diag.Suggestions;
import casebook.frontmatter.YamlNode;
import casebook.frontmatter.YamlReader;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.definition.DefinitionTerm;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the collection's fenced containers to semantic HTML. The CSS class names are the theme's
 * hooks; visible labels come from the theme's UI strings, so nothing here is tied to one language.
 * One class rather than a package per block: every container shares the splitter, the page state and
 * the label lookup, and each renderer is a short method.
 */
final class Containers {
    static final List<String> CATEGORIES = List.of("prefecture", "core-city", "general-city");
    static final List<String> BASIC_ITEMS = List.of("population", "inpatients", "hospitals", "beds");
    static final List<String> UNITS = List.of("people", "hospitals", "beds");

    private final MarkdownRenderer md;

    Containers(MarkdownRenderer md) { this.md = md; }

    void render(Segment.Container c, PageState st, StringBuilder out) {
        switch (c.name()) {
            case "keypoint" -> keypoint(c, st, out);
            case "basic-info" -> basicInfo(c, st, out);
            case "summary-table" -> summaryTable(c, st, out);
            case "figure" -> figure(c, st, out);
            case "note" -> wrap(c, st, out, "<div class=\"note\" role=\"note\">", "</div>\n", StructureKind.NOTE);
            case "credit" -> wrap(c, st, out, "<div class=\"credit\">", "</div>\n", StructureKind.CREDIT);
            case "infocard" -> infocard(c, st, out);
            case "participants" -> participants(c, st, out);
            case "dialogue" -> dialogue(c, st, out);
            default -> md.renderSegments(c.children(), st, out); // unknown: already reported; keep the text
        }
    }

    private void wrap(Segment.Container c, PageState st, StringBuilder out, String open, String close, StructureKind kind) {
        st.structure(kind, null, c.line());
        out.append(open);
        md.renderSegments(c.children(), st, out);
        out.append(close);
    }

    private void keypoint(Segment.Container c, PageState st, StringBuilder out) {
        RenderRequest r = st.request;
        String id = st.claimId("keypoint");
        String title = r.label("keypoint.title");
        st.headings.add(new OutlineHeading(2, title, id, c.line(), false));
        st.section = id;
        st.lastHeadingId = id;
        String category = r.data() == null ? null : r.data().text("category");
        if (category == null && r.dataUnreadable()) {
            // nothing to add to the data file's own syntax error
        } else if (category == null) {
            st.diagnostics.error(r.display(), c.line(), 1, "the key-point box needs the case's category, but "
                    + (r.dataDisplay() == null ? "this page has no data.yaml" : r.dataDisplay() + " has no \"category\""),
                    "add \"category: prefecture\" (or core-city, general-city) to data.yaml beside this page");
        } else if (!CATEGORIES.contains(category)) {
            YamlNode n = r.data().get("category");
            String s = Suggestions.closest(category, CATEGORIES);
            st.diagnostics.error(r.dataDisplay(), n.line(), n.column(), "unknown category \"" + category + "\""
                    + (s != null ? "; did you mean \"" + s + "\"?" : ""), "use one of " + String.join(", ", CATEGORIES));
        }
        out.append("<section class=\"keypoint\" aria-labelledby=\"").append(id).append("\">\n");
        out.append("<h2 class=\"keypoint__title\" id=\"").append(id).append("\">").append(HtmlText.escape(title)).append("</h2>\n");
        out.append("<ul class=\"keypoint__categories\" aria-label=\"").append(HtmlText.escape(r.label("keypoint.categories"))).append("\">");
        for (String cat : CATEGORIES) {
            boolean current = cat.equals(category);
            out.append(current ? "<li class=\"keypoint__category is-current\"><span class=\"keypoint__mark\" aria-hidden=\"true\">✓</span>"
                    : "<li class=\"keypoint__category\">");
            out.append(HtmlText.escape(r.label("category." + cat)));
            if (current) out.append("<span class=\"visually-hidden\">").append(HtmlText.escape(r.label("keypoint.current"))).append("</span>");
            out.append("</li>");
        }
        out.append("</ul>\n");
        int points = 0;
        for (Segment s : c.children()) {
            if (!(s instanceof Segment.Markdown m)) { md.renderSegments(List.of(s), st, out); continue; }
            Document doc = md.parse(m, st);
            for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof Paragraph) {
                    out.append(md.html(n).replaceFirst("^<p>", "<p class=\"keypoint__headline\">"));
                } else if (n instanceof BulletList) {
                    for (Node i = n.getFirstChild(); i != null; i = i.getNext()) points++;
                    out.append(md.html(n).replaceFirst("^<ul>", "<ul class=\"keypoint__points\">"));
                } else {
                    out.append(md.html(n));
                }
            }
        }
        if (points == 0) {
            st.diagnostics.error(r.display(), c.line(), 1, "the key-point box has no points",
                    "list the points as \"- …\" lines after the headline, before the closing :::");
        }
        st.structure(StructureKind.KEYPOINT, String.valueOf(points), c.line());
        out.append("</section>\n");
    }

    private void basicInfo(Segment.Container c, PageState st, StringBuilder out) {
        RenderRequest r = st.request;
        YamlNode items = r.data() == null ? null : r.data().get("basic_info");
        if (items == null && r.dataUnreadable()) return;
        if (items == null || !items.isList()) {
            st.diagnostics.error(r.display(), c.line(), 1, "the basic-information table needs \"basic_info\" in "
                    + (r.dataDisplay() == null ? "a data.yaml beside this page (there is none)" : r.dataDisplay()),
                    "add a basic_info list to data.yaml (see docs/content-guide.md)");
            return;
        }
        String id = st.claimId("basic-info-table");
        out.append("<table class=\"basic-info\" id=\"").append(id).append("\"");
        if (st.lastHeadingId != null) out.append(" aria-labelledby=\"").append(st.lastHeadingId).append("\"");
        out.append(">\n<tbody>\n");
        int rows = 0;
        for (YamlNode item : items.list()) {
            String key = item.text("item");
            YamlNode value = item.get("value");
            if (key == null || !BASIC_ITEMS.contains(key)) {
                String s = key == null ? null : Suggestions.closest(key, BASIC_ITEMS);
                st.diagnostics.error(r.dataDisplay(), item.line(), item.column(), "unknown basic-information item \"" + key + "\""
                        + (s != null ? "; did you mean \"" + s + "\"?" : ""), "use one of " + String.join(", ", BASIC_ITEMS));
                continue;
            }
            if (value == null || !(value.value() instanceof Long)) {
                st.diagnostics.error(r.dataDisplay(), value == null ? item.line() : value.line(), value == null ? item.column() : value.column(),
                        "\"" + key + "\" needs a whole-number value", "write e.g. value: 7326804 (no commas, no unit)");
                continue;
            }
            out.append("<tr><th scope=\"row\">").append(HtmlText.escape(r.label("basic." + key))).append("</th><td>")
                    .append(HtmlText.escape(figure(item, (Long) value.value(), st))).append("</td></tr>\n");
            rows++;
        }
        out.append("</tbody>\n</table>\n");
        st.structure(StructureKind.TABLE, String.valueOf(rows), c.line());
    }

    private String figure(YamlNode item, long value, PageState st) {
        RenderRequest r = st.request;
        String unit = item.text("unit");
        String text = Formats.number(value);
        if (unit != null) {
            if (!UNITS.contains(unit)) {
                YamlNode u = item.get("unit");
                st.diagnostics.error(r.dataDisplay(), u.line(), u.column(), "unknown unit \"" + unit + "\"", "use one of " + String.join(", ", UNITS));
            } else {
                text = r.label("unit." + unit).replace("{n}", text);
            }
        }
        String asOf = item.text("as_of");
        if (asOf != null) {
            LocalDate d = Formats.parseDate(asOf);
            if (d == null) {
                YamlNode a = item.get("as_of");
                st.diagnostics.error(r.dataDisplay(), a.line(), a.column(), "as_of \"" + asOf + "\" is not a date", "write it as YYYY-MM-DD");
            } else {
                YamlNode cal = item.get("as_of_calendar");
                if (cal != null && !"era".equals(cal.text()) && !"western".equals(cal.text())) {
                    st.diagnostics.error(r.dataDisplay(), cal.line(), cal.column(), "as_of_calendar must be era or western, not \""
                            + cal.text() + "\"", "era writes （令和7年1月1日現在）, western （2025年1月1日時点）");
                }
                boolean era = !"western".equals(item.text("as_of_calendar"));
                text += r.label(era ? "asof.era" : "asof.western").replace("{date}", Formats.date(d, r.lang(), era));
            }
        }
        YamlNode note = item.get("note");
        if (note != null) {
            String n = note.isMap() ? note.text(r.lang()) : note.text();
            if (n == null) {
                st.diagnostics.error(r.dataDisplay(), note.line(), note.column(), "note has no text for language \"" + r.lang() + "\"",
                        "add \"" + r.lang() + ": …\" under note");
            } else {
                text += r.label("note.pattern").replace("{text}", n);
            }
        }
        return text;
    }

    private void summaryTable(Segment.Container c, PageState st, StringBuilder out) {
        out.append("<table class=\"summary-table\"");
        if (st.lastHeadingId != null) out.append(" aria-labelledby=\"").append(st.lastHeadingId).append("\"");
        out.append(">\n<tbody>\n");
        int rows = 0;
        for (Segment s : c.children()) {
            if (!(s instanceof Segment.Markdown m)) continue;
            Document doc = md.parse(m, st);
            for (Node list = doc.getFirstChild(); list != null; list = list.getNext()) {
                if (!(list instanceof BulletList)) {
                    st.diagnostics.error(st.request.display(), MarkdownRenderer.line(doc, list, m.startLine()), 1,
                            "a summary table holds one list: a top-level item per row, with the row's points nested under it",
                            "indent the row's points by two spaces under \"- row heading\"");
                    continue;
                }
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    if (!(item instanceof ListItem)) continue;
                    StringBuilder head = new StringBuilder();
                    StringBuilder cell = new StringBuilder();
                    for (Node part = item.getFirstChild(); part != null; part = part.getNext()) {
                        if (part instanceof Paragraph && head.length() == 0) {
                            head.append(MarkdownRenderer.stripParagraph(md.html(part)));
                        } else {
                            cell.append(md.html(part));
                        }
                    }
                    out.append("<tr><th scope=\"row\">").append(head).append("</th><td>").append(cell).append("</td></tr>\n");
                    rows++;
                }
            }
        }
        out.append("</tbody>\n</table>\n");
        st.structure(StructureKind.TABLE, String.valueOf(rows), c.line());
    }

    private void figure(Segment.Container c, PageState st, StringBuilder out) {
        st.structure(StructureKind.FIGURE, null, c.line());
        out.append("<figure class=\"figure\">\n");
        if (!c.title().isEmpty()) {
            out.append("<figcaption class=\"figure__caption\">").append(md.inline(c.title(), c.line(), st)).append("</figcaption>\n");
        }
        out.append("<div class=\"figure__body\">\n<p class=\"figure__omitted\">")
                .append(HtmlText.escape(st.request.label("figure.omitted"))).append("</p>\n");
        md.renderSegments(c.children(), st, out);
        out.append("</div>\n</figure>\n");
    }

    private void infocard(Segment.Container c, PageState st, StringBuilder out) {
        String id = st.claimId("infocard");
        int start = out.length();
        out.append("<aside class=\"infocard\" aria-labelledby=\"").append(id).append("\">\n<p class=\"infocard__title\" id=\"")
                .append(id).append("\">").append(md.inline(c.title(), c.line(), st)).append("</p>\n");
        int terms = 0;
        for (Segment s : c.children()) {
            if (s instanceof Segment.Markdown m) {
                Document doc = md.parse(m, st);
                for (Node n : doc.getDescendants()) if (n instanceof DefinitionTerm) terms++;
                out.append(md.html(doc));
            } else {
                md.renderSegments(List.of(s), st, out);
            }
        }
        out.append("</aside>\n");
        st.structure(StructureKind.INFOCARD, String.valueOf(terms), c.line());
        if (c.title().isEmpty()) {
            st.diagnostics.error(st.request.display(), c.line(), 1, "the info card has no title",
                    "write the title after the opener: \":::infocard <title>\"");
            out.setLength(start);
        }
    }

    private void participants(Segment.Container c, PageState st, StringBuilder out) {
        RenderRequest r = st.request;
        Diagnostics d = st.diagnostics;
        YamlNode list = YamlReader.read(c.rawText(), r.display(), c.bodyStartLine() - 1, d);
        if (list == null || !list.isList()) {
            if (list != null) {
                d.error(r.display(), c.bodyStartLine(), 1, "the participants block must be a YAML list of speakers",
                        "start each speaker with \"- id: …\"");
            }
            st.participantsUnreadable = true; // its error stands for every dialogue turn that names a speaker
            return;
        }
        // One entry per person, each a small description list (mark, name, role, affiliation): a table
        // let names shrink to one character per line, and its role column stood nearly empty.
        out.append("<ul class=\"participants\"");
        if (st.lastHeadingId != null) out.append(" aria-labelledby=\"").append(st.lastHeadingId).append("\"");
        out.append(">\n");
        List<String> ids = new ArrayList<>();
        boolean mark = r.markJapanese();
        for (YamlNode sp : list.list()) {
            String id = sp.text("id");
            String markText = sp.text("mark");
            List<YamlNode> people = sp.get("people") == null ? List.of() : sp.get("people").list();
            if (id == null || markText == null || people.isEmpty()) {
                d.error(r.display(), sp.line(), sp.column(), "a speaker needs id, mark and people",
                        "write - id: mod / mark: 司 / people: [ {name: …, affiliation: …} ]");
                continue;
            }
            String role = sp.text("role");
            List<String> names = new ArrayList<>();
            for (YamlNode p : people) names.add(p.text("name"));
            String label = (role == null ? "" : role + " ") + String.join(r.label("participants.joiner"), names);
            st.speakers.put(id, new Speaker(markText, label));
            ids.add(id);
            for (YamlNode p : people) {
                String cls = HtmlText.escape(id);
                out.append("<li class=\"participant participant--").append(cls).append("\"><dl class=\"participant__entry\">");
                entry(out, "mark", r.label("participants.mark"), "<span class=\"speaker-mark speaker-mark--" + cls + "\">"
                        + HtmlText.escapeMarked(markText, mark) + "</span>");
                entry(out, "name", r.label("participants.name"), HtmlText.escapeMarked(str(p.text("name")), mark));
                if (role != null && !role.isBlank()) entry(out, "role", r.label("participants.role"), HtmlText.escapeMarked(role, mark));
                String aff = p.text("affiliation");
                if (aff != null && !aff.isBlank()) {
                    entry(out, "affiliation", r.label("participants.affiliation"), HtmlText.escapeMarked(aff, mark));
                }
                out.append("</dl></li>\n");
            }
        }
        out.append("</ul>\n");
        st.structure(StructureKind.PARTICIPANTS, String.join(",", ids), c.line());
    }

    /** One term of a participant's entry: the label is for screen readers, the value is what the eye reads. */
    private static void entry(StringBuilder out, String kind, String label, String valueHtml) {
        out.append("<div class=\"participant__").append(kind).append("\"><dt class=\"visually-hidden\">").append(HtmlText.escape(label))
                .append("</dt><dd>").append(valueHtml).append("</dd></div>");
    }

    private static String str(String s) { return s == null ? "" : s; }

    private void dialogue(Segment.Container c, PageState st, StringBuilder out) {
        RenderRequest r = st.request;
        out.append("<div class=\"dialogue\">\n");
        String[] lines = c.rawText().split("\n");
        String speaker = null;
        StringBuilder text = new StringBuilder();
        int turnLine = 0;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : null;
            int colon = line == null ? -1 : line.indexOf(':');
            String id = colon > 0 && line.substring(0, colon).matches("[A-Za-z][A-Za-z0-9_-]*") ? line.substring(0, colon) : null;
            if ((line == null || id != null || line.isBlank()) && speaker != null) {
                turn(speaker, text.toString().strip(), turnLine, st, out);
                speaker = null;
                text.setLength(0);
            }
            if (line == null || line.isBlank()) continue;
            int lineNo = c.bodyStartLine() + i;
            if (id != null) {
                speaker = id;
                turnLine = lineNo;
                text.append(line.substring(colon + 1));
                if (!st.speakers.containsKey(id) && !st.participantsUnreadable) {
                    String s = Suggestions.closest(id, st.speakers.keySet());
                    st.diagnostics.error(r.display(), lineNo, 1, "speaker \"" + id + "\" is not in this page's participants"
                            + (s != null ? "; did you mean \"" + s + "\"?" : ""),
                            "declare it in the :::participants block above the dialogue, or correct the id");
                }
            } else if (speaker != null) {
                text.append('\n').append(line);
            } else {
                st.diagnostics.error(r.display(), lineNo, 1, "a dialogue line must start with a speaker id and a colon",
                        "write e.g. \"mod: …\"");
            }
        }
        out.append("</div>\n");
    }

    /**
     * The speaker's name as shown beside each turn (the mark alone is only a visual aid): on a translated page,
     * without the original-script names in brackets ("Iwagami Yoichi (岩上洋一)" shows as "Iwagami Yoichi"),
     * which the participants list and the label read out still give.
     */
    static String shownName(String label, boolean translated) {
        if (!translated) return label;
        String shown = label.replaceAll("\\s*[(（][^()（）]*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}][^()（）]*[)）]", "").strip();
        return shown.isEmpty() ? label : shown;
    }

    private void turn(String id, String text, int line, PageState st, StringBuilder out) {
        Speaker sp = st.speakers.getOrDefault(id, new Speaker(id, id));
        boolean mark = st.request.markJapanese();
        st.structure(StructureKind.TURN, id, line);
        out.append("<p class=\"turn turn--").append(HtmlText.escape(id)).append("\"><span class=\"speaker\">")
                .append("<span class=\"speaker-mark speaker-mark--").append(HtmlText.escape(id)).append("\" aria-hidden=\"true\">")
                .append(HtmlText.escapeMarked(sp.mark(), mark)).append("</span> <span class=\"speaker__name\" aria-hidden=\"true\">")
                .append(HtmlText.escapeMarked(shownName(sp.label(), mark), mark)).append("</span><span class=\"visually-hidden\">")
                .append(HtmlText.escapeMarked(sp.label(), mark)).append(HtmlText.escape(st.request.label("dialogue.says")))
                .append("</span></span> <span class=\"turn__text\">").append(md.inline(text, line, st)).append("</span></p>\n");
    }
}
