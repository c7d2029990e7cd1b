package se.vagen.messaging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The new text of an e-mail reply: the part above the quoted message. Lines starting with "&gt;" are dropped, and
 * so is everything from the first "On ... wrote:" / "Den ... skrev:" / "-----Original Message-----" marker on
 * (markers in the seven languages: {@code mail/reply-markers.txt}).
 */
public final class ReplyText {

    private static final List<Pattern> MARKERS = load();
    /** Markers that start with a fixed word ("On", "Den", ...): only these are tried on two joined lines. */
    private static final List<Pattern> JOINABLE = MARKERS.stream().filter(p -> !p.pattern().startsWith("^.{")).toList();

    private ReplyText() {
    }

    public static String of(String body) {
        if (body == null) {
            return "";
        }
        String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith(">")) {
                continue;
            }
            String joined = i + 1 < lines.length ? line + " " + lines[i + 1].strip() : line;
            if (matches(MARKERS, line) || (!line.isEmpty() && matches(JOINABLE, joined))) {
                break;
            }
            kept.add(lines[i]);
        }
        return String.join("\n", kept).strip();
    }

    private static boolean matches(List<Pattern> markers, String line) {
        for (Pattern p : markers) {
            if (p.matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<Pattern> load() {
        InputStream in = ReplyText.class.getClassLoader().getResourceAsStream("mail/reply-markers.txt");
        if (in == null) {
            throw new IllegalStateException("mail/reply-markers.txt missing from the class path");
        }
        List<Pattern> patterns = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    patterns.add(Pattern.compile(trimmed, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read mail/reply-markers.txt", e);
        }
        return List.copyOf(patterns);
    }
}
