package org.iris.mail.control;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import jakarta.enterprise.context.ApplicationScoped;
import org.iris.platform.entity.Language;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The mail templates under {@code mail/<language>/<name>.{subject,txt,html}.mustache}: Mustache,
 * HTML-escaped in the HTML part only. A template missing in a language falls back to English.
 * A subject is one line of plain text whatever the values hold: control characters, line and
 * paragraph separators and bidirectional overrides (which a name typed by someone else may carry)
 * become spaces.
 */
@ApplicationScoped
public class MailTemplates {

    /** A mail as its recipient reads it. */
    public record Rendered(String subject, String text, String html) {
    }

    private static final MustacheFactory HTML = new DefaultMustacheFactory();
    private static final MustacheFactory PLAIN = new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private static final Pattern NOT_IN_A_SUBJECT =
            Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]+");

    private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

    public Rendered render(String name, Language language, Map<String, Object> values) {
        return new Rendered(
                oneLine(render(PLAIN, name, language, "subject", values)),
                render(PLAIN, name, language, "txt", values),
                render(HTML, name, language, "html", values));
    }

    static String oneLine(String subject) {
        return NOT_IN_A_SUBJECT.matcher(subject).replaceAll(" ").replaceAll(" {2,}", " ").strip();
    }

    private String render(MustacheFactory factory, String name, Language language, String part, Map<String, Object> values) {
        Mustache template = compiled.computeIfAbsent(language.code() + "/" + name + "." + part,
                key -> compile(factory, name, language, part));
        StringWriter out = new StringWriter();
        template.execute(out, values);
        return out.toString();
    }

    private static Mustache compile(MustacheFactory factory, String name, Language language, String part) {
        String source = read("mail/" + language.code() + "/" + name + "." + part + ".mustache");
        if (source == null) {
            source = read("mail/" + Language.DEFAULT.code() + "/" + name + "." + part + ".mustache");
        }
        if (source == null) {
            throw new IllegalArgumentException("No mail template " + name + "." + part);
        }
        return factory.compile(new StringReader(source), language.code() + "/" + name + "." + part);
    }

    private static String read(String resource) {
        try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
