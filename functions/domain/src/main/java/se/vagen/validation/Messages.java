package se.vagen.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The staff-facing texts of validation errors (Swedish), from {@code validation/messages_sv.properties}.
 * Keys are the error codes; arguments use {@link MessageFormat} placeholders.
 */
public final class Messages {

    private static final Properties TEXTS = load();
    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private Messages() {
    }

    public static String text(String code, Object... args) {
        String pattern = TEXTS.getProperty(code);
        if (pattern == null) {
            throw new IllegalArgumentException("No message for code " + code);
        }
        return new MessageFormat(pattern, SWEDISH).format(args);
    }

    public static boolean has(String code) {
        return TEXTS.containsKey(code);
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/validation/messages_sv.properties")) {
            if (in == null) {
                throw new IllegalStateException("validation/messages_sv.properties missing from the classpath");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read validation messages", e);
        }
        return properties;
    }
}
