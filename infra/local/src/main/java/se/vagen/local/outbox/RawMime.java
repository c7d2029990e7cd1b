package se.vagen.local.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Just enough MIME to show a raw e-mail in the outbox: To, From, Subject and the text and HTML parts
 * (single part or multipart, 7bit/8bit/base64). Not a general MIME parser.
 */
record RawMime(String from, String to, String subject, String text, String html) {

    static RawMime parse(String mime) {
        Part root = Part.of(mime);
        String[] parts = new String[2];
        collect(root, parts);
        return new RawMime(root.headers.get("from"), root.headers.get("to"), root.headers.get("subject"),
                parts[0], parts[1]);
    }

    private static void collect(Part part, String[] out) {
        String type = part.headers.getOrDefault("content-type", "text/plain").toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            String boundary = parameter(part.headers.get("content-type"), "boundary");
            if (boundary == null) {
                return;
            }
            String[] chunks = part.body.split("\r?\n?--" + java.util.regex.Pattern.quote(boundary));
            for (int i = 1; i < chunks.length; i++) {
                String chunk = chunks[i];
                if (chunk.startsWith("--")) {
                    break;
                }
                collect(Part.of(chunk.replaceFirst("^\r?\n", "")), out);
            }
        } else if (type.startsWith("text/plain") && out[0] == null) {
            out[0] = part.decoded();
        } else if (type.startsWith("text/html") && out[1] == null) {
            out[1] = part.decoded();
        }
    }

    private static String parameter(String header, String name) {
        if (header == null) {
            return null;
        }
        for (String piece : header.split(";")) {
            String p = piece.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith(name + "=")) {
                String value = p.substring(name.length() + 1).trim();
                return value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    private record Part(Map<String, String> headers, String body) {

        static Part of(String text) {
            String normalised = text;
            int split = normalised.indexOf("\r\n\r\n");
            int skip = 4;
            if (split < 0 || (normalised.indexOf("\n\n") >= 0 && normalised.indexOf("\n\n") < split)) {
                split = normalised.indexOf("\n\n");
                skip = 2;
            }
            String head = split < 0 ? normalised : normalised.substring(0, split);
            String body = split < 0 ? "" : normalised.substring(split + skip);
            Map<String, String> headers = new LinkedHashMap<>();
            String current = null;
            for (String line : head.split("\r?\n")) {
                if ((line.startsWith(" ") || line.startsWith("\t")) && current != null) {
                    headers.merge(current, " " + line.trim(), String::concat);
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon > 0) {
                    current = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    headers.put(current, line.substring(colon + 1).trim());
                }
            }
            return new Part(headers, body);
        }

        String decoded() {
            String encoding = headers.getOrDefault("content-transfer-encoding", "").trim().toLowerCase(Locale.ROOT);
            if ("base64".equals(encoding)) {
                try {
                    return new String(Base64.getMimeDecoder().decode(body.trim()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return body;
                }
            }
            return body.replaceAll("\r?\n$", "");
        }
    }
}
