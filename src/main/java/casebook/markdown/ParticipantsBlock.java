package casebook.markdown;

import casebook.diag.Diagnostics;
import casebook.frontmatter.YamlNode;
import casebook.frontmatter.YamlReader;
import casebook.text.HtmlText;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code :::participants}, the speakers of a round-table as a YAML list (id, mark, role, people with name
 * and affiliation). Each person is one entry; each speaker id is what the page's {@code :::dialogue} turns
 * start with ({@link DialogueBlock}).
 */
final class ParticipantsBlock implements Block<ParticipantsBlock.Participants> {

    /** The list: the heading that names it ("" when none), the labels read out for each term, the people. */
    record Participants(
            String labelledBy,
            String markLabel,
            String nameLabel,
            String roleLabel,
            String affiliationLabel,
            List<Person> people) {}

    /**
     * One person: the speaker id, and the mark, name, role and affiliation as HTML (Japanese runs marked on
     * pages in other languages); role and affiliation are "" when not given.
     */
    record Person(String speaker, String markHtml, String nameHtml, String roleHtml, String affiliationHtml) {}

    @Override
    public String name() {
        return "participants";
    }

    @Override
    public Participants read(Segment.Container c, BlockContext ctx) {
        PageState st = ctx.state;
        RenderRequest r = st.request;
        Diagnostics d = st.diagnostics;
        YamlNode list = YamlReader.read(c.rawText(), r.display(), c.bodyStartLine() - 1, d);
        if (list == null || !list.isList()) {
            if (list != null) {
                d.error(
                        r.display(),
                        c.bodyStartLine(),
                        1,
                        "the participants block must be a YAML list of speakers",
                        "start each speaker with \"- id: …\"");
            }
            st.participantsUnreadable = true; // its error stands for every dialogue turn that names a speaker
            return null;
        }
        String labelledBy = st.lastHeadingId;
        List<String> ids = new ArrayList<>();
        List<Person> people = new ArrayList<>();
        boolean mark = r.markJapanese();
        for (YamlNode sp : list.list()) {
            String id = sp.text("id");
            String markText = sp.text("mark");
            List<YamlNode> persons =
                    sp.get("people") == null ? List.of() : sp.get("people").list();
            if (id == null || markText == null || persons.isEmpty()) {
                d.error(
                        r.display(),
                        sp.line(),
                        sp.column(),
                        "a speaker needs id, mark and people",
                        "write - id: mod / mark: 司 / people: [ {name: …, affiliation: …} ]");
                continue;
            }
            String role = sp.text("role");
            List<String> names = new ArrayList<>();
            for (YamlNode p : persons) {
                names.add(p.text("name"));
            }
            String label = (role == null ? "" : role + " ") + String.join(r.message("participants.joiner"), names);
            st.speakers.put(id, new Speaker(markText, label));
            ids.add(id);
            for (YamlNode p : persons) {
                String name = p.text("name");
                String aff = p.text("affiliation");
                people.add(new Person(
                        id,
                        HtmlText.escapeMarked(markText, mark),
                        HtmlText.escapeMarked(name == null ? "" : name, mark),
                        role == null || role.isBlank() ? "" : HtmlText.escapeMarked(role, mark),
                        aff == null || aff.isBlank() ? "" : HtmlText.escapeMarked(aff, mark)));
            }
        }
        st.structure(StructureKind.PARTICIPANTS, String.join(",", ids), c.line());
        return new Participants(
                labelledBy,
                r.message("participants.mark"),
                r.message("participants.name"),
                r.message("participants.role"),
                r.message("participants.affiliation"),
                people);
    }
}
