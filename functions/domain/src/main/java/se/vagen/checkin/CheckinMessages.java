package se.vagen.checkin;

import jakarta.inject.Singleton;
import java.util.Map;
import se.vagen.aspirant.Aspirant;
import se.vagen.common.Channel;
import se.vagen.common.Language;
import se.vagen.i18n.EmailContent;
import se.vagen.i18n.Texts;
import se.vagen.messaging.OutgoingEmail;
import se.vagen.sms.SmsSegments;

/**
 * The check-in loop's outgoing texts, in the aspirant's language: reminders (SMS within the segment limits, e-mail
 * with a text and an HTML part) and chatbot replies.
 */
@Singleton
public class CheckinMessages {

    /** Names longer than this are cut in greetings (a long name must not push an SMS over its segment limit). */
    static final int MAX_NAME_CHARS = 20;

    private final Texts texts;

    public CheckinMessages(Texts texts) {
        this.texts = texts;
    }

    /** Reminder {@code number} (1 or 2) by SMS, with the form link. */
    public String reminderSms(Aspirant a, int number, String link) {
        String key = number == 1 ? "sms.reminder.first" : "sms.reminder.second";
        String name = firstName(a.name());
        String text = texts.text(a.language(), key, Map.of("firstName", name, "link", link));
        if (!SmsSegments.withinLimit(text) && !name.isEmpty()) {
            // Too long with this name: greet with the first few letters only.
            text = texts.text(a.language(), key, Map.of("firstName", name.substring(0, Math.min(8, name.length())),
                    "link", link));
        }
        return text;
    }

    /** Reminder {@code number} (1 or 2) by e-mail, with the form link as a button. */
    public OutgoingEmail reminderEmail(Aspirant a, int number, String link) {
        Map<String, Object> values = Map.of("firstName", firstName(a.name()), "link", link);
        EmailContent content = number == 1
                ? texts.email(a.language(), "email.reminder.subject", "email.reminder.first.text", values)
                : texts.email(a.language(), "email.reminder.second.subject", "email.reminder.second.text", values);
        return new OutgoingEmail(a.email(), content.subject(), content.text(), content.html());
    }

    /** A chatbot reply text ({@code smsKey} like "sms.question.wellbeing"), worded for the channel. */
    public String reply(Language lang, Channel channel, String smsKey) {
        return texts.chatText(lang, channel, smsKey, Map.of());
    }

    /** Two chatbot texts in one message when they fit (SMS: within the segment limit), else only the second. */
    public String replyWithPrefix(Language lang, Channel channel, String prefixKey, String smsKey) {
        String second = reply(lang, channel, smsKey);
        String both = reply(lang, channel, prefixKey) + (channel == Channel.EMAIL ? "\n\n" : " ") + second;
        return channel == Channel.EMAIL || SmsSegments.withinLimit(both) ? both : second;
    }

    /** A chatbot reply by e-mail: the reply subject, the text, and the same text as simple escaped HTML. */
    public OutgoingEmail replyEmail(Language lang, String to, String text) {
        String subject = texts.text(lang, "email.reply.subject");
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(lang.code())
                .append("\" dir=\"").append(lang.rightToLeft() ? "rtl" : "ltr").append("\">\n<head><meta charset=\"utf-8\"><title>")
                .append(Texts.escape(subject)).append("</title></head>\n<body>\n");
        for (String paragraph : text.split("\\n\\s*\\n")) {
            html.append("<p>").append(Texts.escape(paragraph.strip()).replace("\n", "<br>\n")).append("</p>\n");
        }
        html.append("</body>\n</html>\n");
        return new OutgoingEmail(to, subject, text, html.toString());
    }

    /** The first word of the name, at most {@link #MAX_NAME_CHARS} characters. */
    static String firstName(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String first = name.strip().split("\\s+")[0];
        return first.codePointCount(0, first.length()) > MAX_NAME_CHARS
                ? first.substring(0, first.offsetByCodePoints(0, MAX_NAME_CHARS)) : first;
    }

    public static String questionKey(int step) {
        return switch (step) {
            case 1 -> "participation";
            case 2 -> "wellbeing";
            default -> "help";
        };
    }
}
