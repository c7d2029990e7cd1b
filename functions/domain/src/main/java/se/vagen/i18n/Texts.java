package se.vagen.i18n;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.vagen.common.Channel;
import se.vagen.common.Language;

/**
 * Every text an aspirant sees, in all seven languages, from
 * {@code texts/messages_<code>.properties} (UTF-8). Placeholders look like {@code {firstName}}.
 * A missing key or a missing placeholder value throws {@link MissingTextException}: nothing is ever sent
 * with a raw key or a "{link}" left in it.
 */
@Singleton
public class Texts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private final Map<Language, Map<String, String>> byLanguage;

    public Texts() {
        this("texts/messages_");
    }

    /** Loads {@code <prefix><code>.properties} from the class path for every language. */
    Texts(String resourcePrefix) {
        Map<Language, Map<String, String>> loaded = new EnumMap<>(Language.class);
        for (Language lang : Language.values()) {
            loaded.put(lang, load(resourcePrefix + lang.code() + ".properties"));
        }
        this.byLanguage = Collections.unmodifiableMap(loaded);
    }

    private static Map<String, String> load(String resource) {
        InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Text file missing from the class path: " + resource);
        }
        Properties props = new Properties();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read text file " + resource, e);
        }
        Map<String, String> texts = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> texts.put(k, props.getProperty(k)));
        return Collections.unmodifiableMap(texts);
    }

    /** The text with its placeholders filled in. Throws if the key or a placeholder value is missing. */
    public String text(Language lang, String key, Map<String, ?> values) {
        return fill(lang, key, template(lang, key), values, false);
    }

    /** A text without placeholders. */
    public String text(Language lang, String key) {
        return text(lang, key, Map.of());
    }

    /**
     * A chatbot reply for the channel: for e-mail, {@code email.<rest>} is used when it exists (the wording
     * differs, e.g. "answer this e-mail"), otherwise the {@code sms.<rest>} text. {@code smsKey} starts with "sms.".
     */
    public String chatText(Language lang, Channel channel, String smsKey, Map<String, ?> values) {
        if (channel == Channel.EMAIL && smsKey.startsWith("sms.")) {
            String emailKey = "email." + smsKey.substring("sms.".length());
            if (has(lang, emailKey)) {
                return text(lang, emailKey, values);
            }
        }
        return text(lang, smsKey, values);
    }

    /**
     * An e-mail from a subject key and a body key. The body is plain text; paragraphs are separated by a
     * blank line. A paragraph that is only {@code {link}} becomes a button (label {@code email.button}) in the
     * HTML part and the bare address in the text part. {@code email.footer} is added to both parts.
     */
    public EmailContent email(Language lang, String subjectKey, String bodyKey, Map<String, ?> values) {
        String subject = text(lang, subjectKey, values);
        String text = text(lang, bodyKey, values) + "\n\n-- \n" + text(lang, "email.footer", values);

        String align = lang.rightToLeft() ? "right" : "left";
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"").append(lang.code()).append("\" dir=\"")
                .append(lang.rightToLeft() ? "rtl" : "ltr").append("\">\n<head><meta charset=\"utf-8\"><title>")
                .append(escape(subject)).append("</title></head>\n")
                .append("<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;text-align:")
                .append(align).append("\">\n");
        for (String paragraph : template(lang, bodyKey).split("\\n\\s*\\n")) {
            String trimmed = paragraph.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.equals("{link}")) {
                Object link = values.get("link");
                if (link == null) {
                    throw new MissingTextException("No value for {link} in '" + bodyKey + "' (" + lang.code() + ")");
                }
                html.append("<p><a href=\"").append(escape(link.toString()))
                        .append("\" style=\"display:inline-block;padding:12px 24px;background:#0b5cad;color:#ffffff;"
                                + "text-decoration:none;border-radius:6px;font-weight:bold\">")
                        .append(escape(text(lang, "email.button"))).append("</a></p>\n");
            } else {
                html.append("<p>").append(fill(lang, bodyKey, trimmed, values, true).replace("\n", "<br>\n"))
                        .append("</p>\n");
            }
        }
        html.append("<p style=\"font-size:13px;color:#555555\">")
                .append(fill(lang, "email.footer", template(lang, "email.footer"), values, true)).append("</p>\n")
                .append("</body>\n</html>\n");
        return new EmailContent(subject, text, html.toString());
    }

    public boolean has(Language lang, String key) {
        String t = byLanguage.get(lang).get(key);
        return t != null && !t.isBlank();
    }

    /** The raw template (placeholders not filled), if the key exists. */
    public Optional<String> rawTemplate(Language lang, String key) {
        return Optional.ofNullable(byLanguage.get(lang).get(key));
    }

    /** Every key the language's file defines. */
    public Set<String> keys(Language lang) {
        return Collections.unmodifiableSet(new TreeSet<>(byLanguage.get(lang).keySet()));
    }

    /** The placeholder names a template uses, in order of first use. */
    public static Set<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Escapes text for HTML element content and attribute values. */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private String template(Language lang, String key) {
        String t = byLanguage.get(lang).get(key);
        if (t == null || t.isBlank()) {
            throw MissingTextException.key(lang, key);
        }
        return t;
    }

    private static String fill(Language lang, String key, String template, Map<String, ?> values, boolean html) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String name = m.group(1);
            Object value = values == null ? null : values.get(name);
            if (value == null) {
                throw new MissingTextException(
                        "No value for {" + name + "} in '" + key + "' (" + lang.code() + ")");
            }
            String s = html ? escape(template.substring(last, m.start())) : template.substring(last, m.start());
            out.append(s).append(html ? escape(value.toString()) : value.toString());
            last = m.end();
        }
        String tail = template.substring(last);
        out.append(html ? escape(tail) : tail);
        return out.toString();
    }
}
