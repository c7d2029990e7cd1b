package se.vagen.survey;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import se.vagen.common.PublicLinks;
import se.vagen.i18n.Texts;
import se.vagen.messaging.OutgoingEmail;

/**
 * Builds the invitation and reminder e-mails: Swedish with an English line, a text and an HTML part, and in
 * every e-mail the "no more e-mails" link.
 */
public class SurveyEmails {

    private static final DateTimeFormatter SV_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("sv"));

    private final SurveyTexts texts;
    private final PublicLinks links;

    public SurveyEmails(SurveyTexts texts, PublicLinks links) {
        this.texts = texts;
        this.links = links;
    }

    public String surveyLink(String token) {
        return links.link("/s/" + token);
    }

    public String unsubscribeLink(String token) {
        return links.link("/s/" + token + "/unsubscribe");
    }

    /** reminder = false: the invitation; true: a reminder. */
    public OutgoingEmail compose(String to, String year, boolean reminder, String surveyToken, String unsubscribeToken,
                                 LocalDate validUntil) {
        String kind = reminder ? "reminder" : "invitation";
        String subject = texts.get("sv", "email." + kind + ".subject", "year", year);
        String link = surveyLink(surveyToken);
        String english = link + "?lang=en";
        String unsubscribe = unsubscribeLink(unsubscribeToken);
        String until = SV_DATE.format(validUntil);
        String body = texts.get("sv", "email." + kind + ".body");
        String englishBody = reminder ? texts.get("en", "email.reminder.body") : texts.get("sv", "email.english");

        String text = texts.get("sv", "email.greeting") + "\r\n\r\n"
                + body + "\r\n\r\n"
                + texts.get("sv", "email.link") + ": " + link + "\r\n"
                + texts.get("sv", "email.linkNote", "until", until) + "\r\n\r\n"
                + englishBody + " " + english + "\r\n\r\n"
                + texts.get("sv", "email.closing") + "\r\n"
                + texts.get("sv", "unit") + "\r\n\r\n"
                + "-- \r\n"
                + texts.get("sv", "email.unsubscribe") + " / " + texts.get("en", "email.unsubscribe") + "\r\n"
                + unsubscribe + "\r\n";

        String html = "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>" + esc(subject) + "</title></head>"
                + "<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a\">"
                + "<p>" + esc(texts.get("sv", "email.greeting")) + "</p>"
                + "<p>" + esc(body) + "</p>"
                + "<p><a href=\"" + esc(link) + "\" style=\"display:inline-block;padding:10px 18px;background:#005a9c;color:#ffffff;"
                + "text-decoration:none;border-radius:4px\">" + esc(texts.get("sv", "email.link")) + "</a></p>"
                + "<p style=\"font-size:14px\">" + esc(texts.get("sv", "email.linkNote", "until", until)) + "</p>"
                + "<p lang=\"en\">" + esc(englishBody) + " <a href=\"" + esc(english) + "\">"
                + esc(texts.get("en", "email.englishLink")) + "</a></p>"
                + "<p>" + esc(texts.get("sv", "email.closing")) + "<br>" + esc(texts.get("sv", "unit")) + "</p>"
                + "<hr><p style=\"font-size:13px\">" + esc(texts.get("sv", "email.unsubscribe"))
                + " <span lang=\"en\">" + esc(texts.get("en", "email.unsubscribe")) + "</span> "
                + "<a href=\"" + esc(unsubscribe) + "\">" + esc(texts.get("sv", "email.unsubscribeLink")) + "</a></p>"
                + "</body></html>";
        return new OutgoingEmail(to, subject, text, html);
    }

    static String esc(String s) {
        return Texts.escape(s);
    }
}
