package casebook.theme;

import casebook.diag.Diagnostics;
import casebook.markdown.BlockMarkup;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The theme's markup of the custom blocks: block {@code name} is written by the template
 * {@code templates/blocks/<name>.ftlh}, which sees the block's model as plain values (in the same locked
 * FreeMarker configuration as every template: no {@code ?new}, no {@code ?api}, plain values only). A
 * string whose key ends in {@code Html} is HTML the Markdown stage made safe and goes in with
 * {@code ?no_esc}; every other string is text, escaped. Each block's compiled template is looked up
 * once per build and kept; the output goes straight into the page body being written.
 */
public final class BlockTemplates implements BlockMarkup {
    private final Templates templates;
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    BlockTemplates(Templates templates) {
        this.templates = templates;
    }

    @Override
    public void write(String block, Map<String, Object> view, StringBuilder out, Diagnostics d) {
        String name = "blocks/" + block + ".ftlh";
        int mark = out.length();
        try {
            Template t = compiled.get(block);
            if (t == null) {
                t = templates.template(name);
                compiled.put(block, t);
            }
            t.process(view, new Appender(out));
        } catch (IOException | TemplateException | SecurityException e) {
            out.setLength(mark);
            templates.report(name, e, d);
        }
    }

    /** A writer appending to a {@link StringBuilder} (no copy, no locking). */
    private static final class Appender extends Writer {
        private final StringBuilder out;

        Appender(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            out.append(buf, off, len);
        }

        @Override
        public void write(String s, int off, int len) {
            out.append(s, off, off + len);
        }

        @Override
        public void write(int c) {
            out.append((char) c);
        }

        @Override
        public Writer append(CharSequence s) {
            out.append(s);
            return this;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
