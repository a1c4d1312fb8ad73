package casebook.markdown;

import casebook.diag.Suggestions;
import casebook.text.HtmlText;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code :::dialogue}, the turns of a round-table: each turn starts with a speaker id from the page's
 * {@code :::participants} block and a colon ({@code mod: …}); a blank line or the next id ends it.
 */
final class DialogueBlock implements Block<DialogueBlock.Dialogue> {

    record Dialogue(List<Turn> turns) {}

    /**
     * One turn: the speaker id, the speaker's mark and name as shown, the name read out, as HTML, the words read out
     * after the name, and what was said, as HTML.
     */
    record Turn(String speaker, String markHtml, String shownHtml, String nameHtml, String says, String textHtml) {}

    @Override
    public String name() {
        return "dialogue";
    }

    @Override
    public Dialogue read(Segment.Container c, BlockContext ctx) {
        PageState st = ctx.state;
        RenderRequest r = st.request;
        List<Turn> turns = new ArrayList<>();
        String[] lines = c.rawText().split("\n");
        String speaker = null;
        StringBuilder text = new StringBuilder();
        int turnLine = 0;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : null;
            int colon = line == null ? -1 : line.indexOf(':');
            String id = colon > 0 && line.substring(0, colon).matches("[A-Za-z][A-Za-z0-9_-]*")
                    ? line.substring(0, colon)
                    : null;
            if ((line == null || id != null || line.isBlank()) && speaker != null) {
                turns.add(turn(speaker, text.toString().strip(), turnLine, ctx));
                speaker = null;
                text.setLength(0);
            }
            if (line == null || line.isBlank()) {
                continue;
            }
            int lineNo = c.bodyStartLine() + i;
            if (id != null) {
                speaker = id;
                turnLine = lineNo;
                text.append(line.substring(colon + 1));
                if (!st.speakers.containsKey(id) && !st.participantsUnreadable) {
                    String s = Suggestions.closest(id, st.speakers.keySet());
                    st.diagnostics.error(
                            r.display(),
                            lineNo,
                            1,
                            "speaker \"" + id + "\" is not in this page's participants"
                                    + (s != null ? "; did you mean \"" + s + "\"?" : ""),
                            "declare it in the :::participants block above the dialogue, or correct the id");
                }
            } else if (speaker != null) {
                text.append('\n').append(line);
            } else {
                st.diagnostics.error(
                        r.display(),
                        lineNo,
                        1,
                        "a dialogue line must start with a speaker id and a colon",
                        "write e.g. \"mod: …\"");
            }
        }
        return new Dialogue(turns);
    }

    private static Turn turn(String id, String text, int line, BlockContext ctx) {
        PageState st = ctx.state;
        Speaker sp = st.speakers.getOrDefault(id, new Speaker(id, id));
        boolean mark = st.request.markJapanese();
        st.structure(StructureKind.TURN, id, line);
        return new Turn(
                id,
                HtmlText.escapeMarked(sp.mark(), mark),
                HtmlText.escapeMarked(shownName(sp.label(), mark), mark),
                HtmlText.escapeMarked(sp.label(), mark),
                st.request.message("dialogue.says"),
                ctx.inline(text, line));
    }

    /**
     * The speaker's name as shown beside each turn (the mark alone is only a visual aid): on a translated page,
     * without the original-script names in brackets ("Iwagami Yoichi (岩上洋一)" shows as "Iwagami Yoichi"),
     * which the participants list and the label read out still give.
     */
    static String shownName(String label, boolean translated) {
        if (!translated) {
            return label;
        }
        String shown = label.replaceAll("\\s*[(（][^()（）]*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}][^()（）]*[)）]", "")
                .strip();
        return shown.isEmpty() ? label : shown;
    }
}
