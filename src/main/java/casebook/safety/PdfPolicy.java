package casebook.safety;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * The rule for a PDF the site publishes: it may hold text, pictures and links, nothing that runs. An
 * <b>allowlist</b> of actions: {@code URI} (with an address {@link UrlPolicy} allows), {@code GoTo} (a place
 * in the same PDF) and {@code Named} (next page, previous page, …). Any other action ({@code JavaScript},
 * {@code Launch}, {@code SubmitForm}, {@code ImportData}, {@code GoToR}, {@code GoToE}, {@code Rendition}, …),
 * wherever it is (the action run when the document opens, additional actions of the document, a page, an
 * annotation or a form field, bookmarks, the {@code Next} chain of another action), a document-level
 * JavaScript name tree, JavaScript anywhere, embedded files (attachments) and XFA forms make the PDF
 * unpublishable. So does a PDF that is encrypted or cannot be read: casebook cannot vouch for what it does
 * not see.
 *
 * <p>The check reads the file's objects, not its pages' contents: every object reachable from the trailer
 * and every object of the cross-reference table, once each, without recursion and at most
 * {@link #MAX_OBJECTS} of them (a larger file is refused as too complex to check). A malformed file is
 * reported as unreadable, never as an exception.
 */
public final class PdfPolicy {
    /** The action types a published PDF may hold. */
    public static final Set<String> ACTIONS = Set.of("URI", "GoTo", "Named");

    /** The most objects (dictionaries, arrays and values) looked at in one file. */
    static final int MAX_OBJECTS = 5_000_000;

    /** The most findings named in one message; the rest are counted. */
    static final int MAX_NAMED = 5;

    /** What a PDF may hold, for a message. */
    public static final String RULE =
            "a PDF is published only with text, pictures and links (to web addresses or to places in the PDF):"
                    + " no scripts, no other actions, no attachments, no XFA forms";

    /** The fix for a PDF that holds more. */
    public static final String HINT =
            "export the PDF again without scripts, attachments or forms, e.g. with 'print to PDF'";

    /** The fix for an encrypted PDF. */
    public static final String ENCRYPTED_HINT =
            "export the PDF again without a password or restrictions, e.g. with 'print to PDF'";

    /** The fix for a PDF that cannot be read. */
    public static final String UNREADABLE_HINT =
            "export the PDF again, e.g. with 'print to PDF', and check that it opens";

    private static final COSName JAVASCRIPT = COSName.getPDFName("JavaScript");
    private static final COSName JS = COSName.getPDFName("JS");
    private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");
    private static final COSName EF = COSName.getPDFName("EF");
    private static final COSName XFA = COSName.getPDFName("XFA");
    private static final COSName EMBEDDED_FILE = COSName.getPDFName("EmbeddedFile");
    private static final COSName ACTION = COSName.getPDFName("Action");

    /** Held, so that the level set stays set (java.util.logging keeps loggers weakly). */
    private static final Logger QUIET = Logger.getLogger("org.apache.pdfbox");

    /** Verdicts by the SHA-256 of the file, so that a preview's rebuilds do not read an unchanged PDF again. */
    private static final Map<String, Verdict> MEMO = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verdict> eldest) {
            return size() > 64;
        }
    });

    private PdfPolicy() {}

    /**
     * What was found in a PDF: {@code problem} is set when the file could not be checked (encrypted,
     * unreadable, too complex), with its {@code hint}; {@code found} lists what it holds that is not allowed,
     * each with where ("JavaScript (when the document opens)").
     */
    public record Verdict(String problem, String hint, List<String> found) {
        /** Whether the PDF may be published. */
        public boolean publishable() {
            return problem == null && found.isEmpty();
        }

        /** The findings for a message: at most {@link #MAX_NAMED}, then how many more. */
        public String foundList() {
            List<String> named = found.subList(0, Math.min(MAX_NAMED, found.size()));
            String list = String.join("; ", named);
            return found.size() > named.size() ? list + "; and " + (found.size() - named.size()) + " more" : list;
        }
    }

    /** Checks the bytes of a PDF; never throws. */
    public static Verdict check(byte[] pdf) {
        String key = sha256(pdf);
        Verdict known = key == null ? null : MEMO.get(key);
        if (known != null) {
            return known;
        }
        Verdict v = read(pdf);
        if (key != null) {
            MEMO.put(key, v);
        }
        return v;
    }

    private static Verdict read(byte[] pdf) {
        QUIET.setLevel(Level.OFF); // PDFBox logs what it repairs in a malformed file; the verdict says what matters
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (doc.isEncrypted()) {
                return new Verdict(
                        "it is encrypted (protected by a password or with restrictions), so casebook cannot check it"
                                + " for scripts",
                        ENCRYPTED_HINT,
                        List.of());
            }
            return new Scan(doc).run();
        } catch (InvalidPasswordException e) {
            return new Verdict(
                    "it is protected by a password, so casebook cannot check it for scripts",
                    ENCRYPTED_HINT,
                    List.of());
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Verdict(
                    "it cannot be read as a PDF (" + shorten(why) + "), so casebook cannot check it for scripts",
                    UNREADABLE_HINT,
                    List.of());
        }
    }

    /** How an object was reached, which decides how it is read. */
    private enum Role {
        PLAIN,
        /** the value of {@code /A}, {@code /OpenAction} or {@code /Next}: an action (or, for an array, a destination) */
        ACTION,
        /** the value of {@code /Next} when it is an array: each element is an action */
        ACTIONS,
        /** the value of {@code /AA}: each value is an action */
        TRIGGERS
    }

    private record Item(COSBase base, String where, Role role) {}

    /** One walk over a document's objects. */
    private static final class Scan {
        private final PDDocument doc;
        private final Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Set<COSBase> actions = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Map<COSBase, Integer> pages = new IdentityHashMap<>();
        private final Set<String> found = new LinkedHashSet<>();
        private final Deque<Item> work = new ArrayDeque<>();
        private int visits;

        Scan(PDDocument doc) {
            this.doc = doc;
        }

        Verdict run() {
            COSDictionary trailer = doc.getDocument().getTrailer();
            if (trailer == null) {
                return new Verdict(
                        "it cannot be read as a PDF (no trailer), so casebook cannot check it for scripts",
                        UNREADABLE_HINT,
                        List.of());
            }
            numberPages(trailer);
            work.add(new Item(trailer, "in the document", Role.PLAIN));
            if (!drain()) {
                return tooMany();
            }
            // then the objects no reference reaches: a lenient viewer may still find them
            for (COSObjectKey k :
                    new ArrayList<>(doc.getDocument().getXrefTable().keySet())) {
                work.add(new Item(doc.getDocument().getObjectFromPool(k), "in the document", Role.PLAIN));
            }
            if (!drain()) {
                return tooMany();
            }
            return new Verdict(null, null, List.copyOf(found));
        }

        private boolean drain() {
            while (!work.isEmpty()) {
                if (++visits > MAX_OBJECTS) {
                    return false;
                }
                visit(work.poll());
            }
            return true;
        }

        private static Verdict tooMany() {
            return new Verdict(
                    "it holds more than " + MAX_OBJECTS + " objects, too many to check for scripts", HINT, List.of());
        }

        /** Numbers the pages in reading order (a walk of the page tree with a stack, not recursion). */
        private void numberPages(COSDictionary trailer) {
            COSDictionary root = dict(trailer.getItem(COSName.ROOT));
            if (root == null) {
                return;
            }
            Deque<COSBase> stack = new ArrayDeque<>();
            Set<COSBase> done = Collections.newSetFromMap(new IdentityHashMap<>());
            stack.push(root.getItem(COSName.PAGES));
            int n = 0;
            int steps = 0;
            while (!stack.isEmpty() && ++steps < MAX_OBJECTS) {
                COSDictionary node = dict(stack.pop());
                if (node == null || !done.add(node)) {
                    continue;
                }
                COSBase kids = deref(node.getItem(COSName.KIDS));
                if (kids instanceof COSArray a) {
                    for (int i = a.size() - 1; i >= 0; i--) {
                        stack.push(a.get(i));
                    }
                } else {
                    pages.put(node, ++n);
                }
            }
        }

        private void visit(Item it) {
            COSBase base = deref(it.base());
            if (!(base instanceof COSDictionary || base instanceof COSArray)) {
                return; // a number, a name, a string: nothing that acts (a URI is read with its action)
            }
            String where = it.where();
            Integer page = pages.get(base);
            if (page != null) {
                where = "on page " + page;
            }
            if (base instanceof COSArray a) {
                boolean actions = it.role() == Role.ACTIONS;
                if (!seen.add(a) && !actions) {
                    return;
                }
                // an action array (/Next) holds actions; any other (/OpenAction [page /Fit] included) is walked
                for (int i = 0; i < a.size(); i++) {
                    add(a.get(i), where, actions ? Role.ACTION : Role.PLAIN);
                }
                return;
            }
            COSDictionary d = (COSDictionary) base;
            if ((it.role() == Role.ACTION || ACTION.equals(d.getCOSName(COSName.TYPE))) && actions.add(d)) {
                action(d, where); // once, at the first place it is found
            }
            if (it.role() == Role.TRIGGERS) {
                for (Map.Entry<COSName, COSBase> e : d.entrySet()) {
                    add(e.getValue(), where + ", on " + trigger(e.getKey().getName()), Role.ACTION);
                }
                return;
            }
            if (!seen.add(d)) {
                return;
            }
            if (d.containsKey(JS) && !JAVASCRIPT.equals(d.getCOSName(COSName.S))) {
                found.add("JavaScript (" + where + ")");
            }
            if (d.containsKey(EF) || EMBEDDED_FILE.equals(d.getCOSName(COSName.TYPE))) {
                found.add("an embedded file, an attachment (" + where + ")");
            }
            for (Map.Entry<COSName, COSBase> e : d.entrySet()) {
                COSName k = e.getKey();
                COSBase v = e.getValue();
                if (k.equals(JAVASCRIPT) && deref(v) instanceof COSDictionary) {
                    found.add("document-level JavaScript (a JavaScript name tree)");
                } else if (k.equals(EMBEDDED_FILES)) {
                    found.add("embedded files, attachments (the document's EmbeddedFiles name tree)");
                } else if (k.equals(XFA)) {
                    found.add("an XFA form");
                }
                String name = k.getName();
                switch (name) {
                    case "A", "OpenAction" -> add(v, where(where, name), Role.ACTION);
                    case "Next" -> add(v, where, deref(v) instanceof COSArray ? Role.ACTIONS : Role.ACTION);
                    case "AA" -> add(v, where(where, name), Role.TRIGGERS);
                    // a way back up the tree: reached from the top anyway, and it would lend its place to others
                    case "Parent", "P" -> add(v, "in the document", Role.PLAIN);
                    default -> add(v, where(where, name), Role.PLAIN);
                }
            }
        }

        /** Queues a value that can hold others (numbers, names and strings are read where they matter). */
        private void add(COSBase v, String where, Role role) {
            if (v instanceof COSObject || v instanceof COSDictionary || v instanceof COSArray) {
                work.add(new Item(v, where, role));
            }
        }

        /** Checks one action dictionary against the allowlist. */
        private void action(COSDictionary a, String where) {
            if (!a.containsKey(COSName.S)) {
                return; // no type, nothing a viewer can run (a structure element's /A, say, holds attributes)
            }
            COSName type = a.getCOSName(COSName.S);
            if (type == null) {
                found.add("an action of unknown type (" + where + ")");
                return;
            }
            String s = type.getName();
            if (!ACTIONS.contains(s)) {
                found.add(describe(s) + " (" + where + ")");
                return;
            }
            if ("URI".equals(s)) {
                COSBase uri = deref(a.getItem(COSName.URI));
                if (!(uri instanceof COSString str)) {
                    found.add("a link without an address (" + where + ")");
                } else if (!UrlPolicy.allows(str.getString())) {
                    found.add("a link to \"" + UrlPolicy.shown(str.getString()) + "\" (" + where + "; "
                            + UrlPolicy.rule(str.getString()) + ")");
                }
            }
        }

        private static String where(String where, String key) {
            return switch (key) {
                case "OpenAction" -> "when the document opens";
                case "Outlines" -> "in the bookmarks";
                case "AcroForm" -> "in a form";
                case "Names" -> "in the document's names";
                case "Annots" -> where.startsWith("on page ") ? "in an annotation " + where : where;
                case "AA" -> where.startsWith("in the document") ? "in the document's additional actions" : where;
                default -> where;
            };
        }

        private static String trigger(String key) {
            return switch (key) {
                case "O" -> "page open";
                case "C" -> "page close or calculation";
                case "E" -> "pointer enter";
                case "X" -> "pointer exit";
                case "D" -> "mouse down";
                case "U" -> "mouse up";
                case "Fo" -> "focus";
                case "Bl" -> "blur";
                case "PO" -> "page open";
                case "PC" -> "page close";
                case "PV" -> "page visible";
                case "PI" -> "page invisible";
                case "K" -> "keystroke";
                case "F" -> "format";
                case "V" -> "validate";
                case "WC" -> "document close";
                case "WS" -> "before saving";
                case "DS" -> "after saving";
                case "WP" -> "before printing";
                case "DP" -> "after printing";
                default -> "/" + key;
            };
        }
    }

    /** An action type not allowed, for a message. */
    static String describe(String type) {
        return switch (type) {
            case "JavaScript" -> "a JavaScript action";
            case "Launch" -> "a Launch action, which runs a program";
            case "SubmitForm" -> "a SubmitForm action, which sends form data";
            case "ResetForm" -> "a ResetForm action";
            case "ImportData" -> "an ImportData action, which reads another file";
            case "GoToR" -> "a GoToR action, which opens another file";
            case "GoToE" -> "a GoToE action, which opens an embedded file";
            case "Rendition", "Movie", "Sound" -> "a " + type + " action, which plays media";
            default -> "a " + type + " action";
        };
    }

    private static COSBase deref(COSBase b) {
        return b instanceof COSObject o ? o.getObject() : b;
    }

    private static COSDictionary dict(COSBase b) {
        return deref(b) instanceof COSDictionary d ? d : null;
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 120 ? one.substring(0, 120) + "…" : one;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }
}
