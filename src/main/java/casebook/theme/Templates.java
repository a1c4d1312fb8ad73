package casebook.theme;

import casebook.diag.Diagnostics;
import casebook.text.HtmlText;
import casebook.text.Phrases;
import freemarker.cache.TemplateNameFormat;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.ext.beans.BeansWrapper;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one FreeMarker configuration of a build. Templates are {@code .ftlh}, so FreeMarker's HTML
 * output format escapes every value unless a template says {@code ?no_esc} (only for the rendered,
 * already-sanitised page body). Template errors become diagnostics at the template's line and column.
 *
 * <p>A theme cannot run code on the build machine ({@link #restrict}): {@code ?new} instantiates no class
 * (so neither {@code freemarker.template.utility.Execute} nor {@code ObjectConstructor}), {@code ?api} is
 * off, and the object wrapper exposes only strings, numbers, booleans, dates, maps and lists (the view
 * models {@link PageRenderer} builds), never a Java object's methods. {@code <#include>} and
 * {@code <#import>} load only from the theme's templates folder (FreeMarker's file loader refuses names
 * that climb out of it and, by its canonical-path check, symbolic links leading out of it).
 */
public final class Templates {
    private final Configuration cfg;
    private final Path dir;
    private final Path displayDir;
    private final BlockTemplates blocks = new BlockTemplates(this);

    public Templates(Path templatesDir, Path displayDir) throws IOException {
        this.dir = templatesDir;
        this.displayDir = displayDir;
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setDirectoryForTemplateLoading(templatesDir.toFile());
        // a name that climbs above the templates folder ("../x") is an error, not quietly cut back to "x"
        cfg.setTemplateNameFormat(TemplateNameFormat.DEFAULT_2_4_0);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setNumberFormat("computer");
        cfg.setLocale(Locale.ROOT);
        restrict(cfg);
        cfg.setSharedVariable("phrases", PHRASES);
    }

    /**
     * {@code ${phrases(text)}} in a template: the text escaped, with break opportunities ({@code <wbr>}) between its
     * Japanese phrases ({@link Phrases#text}), for title-like text (card titles, contents, pager and breadcrumb links,
     * short labels); markup passed in (an {@code html} value) keeps its tags and gets them in its text.
     */
    static final TemplateMethodModelEx PHRASES = args -> {
        if (args.size() != 1) {
            throw new TemplateModelException("phrases(text) takes one text, not " + args.size());
        }
        Object a = args.get(0);
        String html;
        if (a instanceof TemplateHTMLOutputModel m) {
            html = Phrases.html(HTMLOutputFormat.INSTANCE.getMarkupString(m));
        } else if (a instanceof TemplateScalarModel t) {
            html = Phrases.text(HtmlText.escape(t.getAsString()));
        } else {
            throw new TemplateModelException("phrases(text) takes a text");
        }
        return HTMLOutputFormat.INSTANCE.fromMarkup(html);
    };

    /**
     * What a template may do, for every configuration casebook makes: no class instantiation through
     * {@code ?new}, no {@code ?api}, and a wrapper that refuses any model object other than plain values,
     * maps and lists (so no Java method of a model object is reachable).
     */
    static void restrict(Configuration c) {
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setAPIBuiltinEnabled(false);
        SimpleObjectWrapper wrapper = new SimpleObjectWrapper(Configuration.VERSION_2_3_34);
        wrapper.setExposureLevel(BeansWrapper.EXPOSE_NOTHING);
        wrapper.writeProtect();
        c.setObjectWrapper(wrapper);
    }

    /**
     * Loads FreeMarker and runs a small HTML template through it once (macros, lists, conditions,
     * escaping), so the build's first real template does not pay for class loading. No theme involved.
     */
    public static void warmUp() {
        try {
            Configuration c = new Configuration(Configuration.VERSION_2_3_34);
            c.setOutputFormat(HTMLOutputFormat.INSTANCE);
            c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
            c.setLogTemplateExceptions(false);
            restrict(c);
            Template t = new Template(
                    "warmup.ftlh",
                    "<#macro m x><p class=\"${x}\"><#nested></p></#macro>"
                            + "<@m x=title><#list items as i><#if i?has_content>${i}<#else>-</#if><#sep>, </#list>${body?no_esc}</@m>"
                            + "<#assign n = items?size>${n}",
                    c);
            t.process(Map.of("title", "t", "items", List.of("a", "<b>"), "body", "<p>x</p>"), new StringWriter());
        } catch (IOException | TemplateException e) {
            // a warm-up only; the real templates report their own problems
        }
    }

    /** Renders a template with a model into UTF-8 bytes; null after reporting the error. */
    public byte[] render(String name, Map<String, Object> model, Diagnostics d) {
        try {
            Template t = cfg.getTemplate(name);
            Utf8Writer out = new Utf8Writer(32768);
            t.process(model, out);
            return out.toByteArray();
        } catch (IOException | TemplateException | SecurityException e) {
            report(name, e, d);
        }
        return null;
    }

    /** The compiled template of this name (FreeMarker's cache). */
    Template template(String name) throws IOException {
        return cfg.getTemplate(name);
    }

    /** The markup of the custom blocks: {@code blocks/<block>.ftlh} of these templates. */
    public BlockTemplates blocks() {
        return blocks;
    }

    /** Reports a problem loading or running template {@code name} at the template's line and column. */
    void report(String name, Exception failure, Diagnostics d) {
        if (failure instanceof ParseException e) {
            d.error(
                    displayDir.resolve(name),
                    e.getLineNumber(),
                    e.getColumnNumber(),
                    "template syntax error: " + e.getEditorMessage(),
                    null);
        } else if (failure instanceof TemplateException e) {
            String file = e.getTemplateSourceName() == null ? name : e.getTemplateSourceName();
            Integer line = e.getLineNumber();
            Integer col = e.getColumnNumber();
            d.error(
                    displayDir.resolve(file),
                    line == null ? 1 : line,
                    col == null ? 1 : col,
                    "template error: " + firstLine(e.getMessageWithoutStackTop()),
                    null);
        } else if (failure instanceof SecurityException) {
            // FreeMarker's file loader refuses a template whose real path lies outside the templates folder
            d.error(
                    displayDir.resolve(name),
                    1,
                    1,
                    "cannot load template: " + failure.getMessage(),
                    "keep every template inside the"
                            + " theme's templates folder, not behind a symbolic link leading out of it");
        } else {
            d.error(displayDir.resolve(name), 1, 1, "cannot load template: " + failure.getMessage(), null);
        }
    }

    /** The first line of FreeMarker's message, with the next one when the first only introduces it ("…failed:"). */
    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String[] lines = s.strip().split("\n");
        String first = lines[0].strip();
        if (first.endsWith(":") && lines.length > 1 && !lines[1].isBlank() && !lines[1].startsWith("==>")) {
            return first + " " + lines[1].strip();
        }
        return first;
    }

    public Path dir() {
        return dir;
    }
}
