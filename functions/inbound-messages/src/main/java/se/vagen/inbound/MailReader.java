package se.vagen.inbound;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.util.Optional;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;
import se.vagen.messaging.ReplyText;

/**
 * Reads a raw inbound e-mail (MIME, as SES receiving stores it) with Apache James mime4j: the sender's address and
 * the reply text above the quoted part (text/plain preferred; text/html reduced to text when there is no plain part).
 */
public final class MailReader {

    /** A reply is short; more than this is cut before it is read as an answer. */
    static final int MAX_TEXT_CHARS = 10_000;

    public record Mail(String from, String replyText) {
    }

    private MailReader() {
    }

    /** Empty when the bytes are not a readable e-mail with a sender. */
    public static Optional<Mail> read(byte[] raw) {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        Message message;
        try {
            message = builder.parseMessage(new ByteArrayInputStream(raw));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        try {
            if (message.getFrom() == null || message.getFrom().isEmpty()) {
                return Optional.empty();
            }
            Mailbox from = message.getFrom().get(0);
            String plain = text(message, "text/plain");
            String body = plain != null ? plain : htmlToText(text(message, "text/html"));
            return Optional.of(new Mail(from.getAddress(), ReplyText.of(body == null ? "" : body)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } finally {
            message.dispose();
        }
    }

    private static String text(Entity entity, String mimeType) throws IOException {
        Body body = entity.getBody();
        if (body instanceof Multipart multipart) {
            for (Entity part : multipart.getBodyParts()) {
                if ("attachment".equalsIgnoreCase(part.getDispositionType())) {
                    continue;
                }
                String found = text(part, mimeType);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (body instanceof Message nested) {
            return text(nested, mimeType);
        }
        if (body instanceof TextBody textBody && mimeType.equalsIgnoreCase(entity.getMimeType())) {
            try (Reader reader = textBody.getReader()) {
                char[] buffer = new char[MAX_TEXT_CHARS];
                int n = 0;
                int r;
                while (n < buffer.length && (r = reader.read(buffer, n, buffer.length - n)) > 0) {
                    n += r;
                }
                return new String(buffer, 0, n);
            }
        }
        return null;
    }

    /** Crude but safe: quoted blocks and tags out, line breaks kept, entities for the few characters that matter. */
    static String htmlToText(String html) {
        if (html == null) {
            return null;
        }
        String s = html.replaceAll("(?is)<(script|style|head)[^>]*>.*?</\\1>", "")
                .replaceAll("(?is)<blockquote.*", "")
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</(p|div|li|tr|h[1-6])>", "\n")
                .replaceAll("(?s)<[^>]*>", "");
        return s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }
}
