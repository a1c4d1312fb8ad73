package casebook.markdown;

import java.util.List;

/**
 * The glossary as the renderer needs it: per language, the forms to look for and the entry id each
 * links to, longest form first so that a longer term wins over a shorter one it contains.
 */
public record GlossaryTerms(List<Term> terms) {
    public static final GlossaryTerms NONE = new GlossaryTerms(List.of());

    public record Term(String form, String id) { }
}
