package se.vagen.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.vagen.checkin.HelpTopic;
import se.vagen.checkin.Participation;
import se.vagen.common.Channel;
import se.vagen.common.Language;

class TextsTest {

    private static final Texts TEXTS = new Texts();

    /** Keys the flows use; every language must have every one of them (and Swedish is the reference for the rest). */
    static final List<String> REQUIRED = required();

    private static List<String> required() {
        List<String> keys = new ArrayList<>(List.of(
                "sms.reminder.first", "sms.reminder.second", "sms.question.participation", "sms.question.wellbeing",
                "sms.question.help", "sms.thanks", "sms.reask.participation", "sms.reask.wellbeing", "sms.reask.help",
                "sms.help", "sms.stop.confirmed", "sms.start.confirmed", "sms.freetext.kept", "sms.already.answered",
                "email.reminder.subject", "email.reminder.second.subject", "email.reminder.first.text",
                "email.reminder.second.text", "email.button", "email.footer", "email.reply.subject", "email.help",
                "email.stop.confirmed", "email.start.confirmed",
                "form.title", "form.intro", "form.week", "form.question.participation", "form.question.wellbeing",
                "form.question.help", "form.question.help.hint", "form.freetext.label", "form.freetext.hint",
                "form.submit", "form.error.title", "form.error.required", "form.error.help.conflict",
                "form.error.freetext.length",
                "page.thanks.title", "page.thanks.body", "page.notfound.title", "page.notfound.body",
                "page.gone.title", "page.gone.body", "page.error.title", "page.error.body", "page.lang.name"));
        for (Participation p : Participation.values()) {
            keys.add("form.option.participation." + p.name());
        }
        for (int i = 1; i <= 5; i++) {
            keys.add("form.option.wellbeing." + i);
        }
        for (HelpTopic t : HelpTopic.values()) {
            keys.add("form.option.help." + t.name());
        }
        return List.copyOf(keys);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyKeyIsPresentAndNonEmpty(Language lang) {
        Set<String> all = new TreeSet<>(REQUIRED);
        for (Language other : Language.values()) {
            all.addAll(TEXTS.keys(other));
        }
        List<String> missing = all.stream().filter(k -> !TEXTS.has(lang, k)).toList();
        assertTrue(missing.isEmpty(), "Missing or empty in " + lang.code() + ": " + missing);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void placeholdersAreTheSameAsInSwedish(Language lang) {
        List<String> differing = new ArrayList<>();
        for (String key : TEXTS.keys(Language.SV)) {
            Set<String> sv = Texts.placeholders(TEXTS.rawTemplate(Language.SV, key).orElseThrow());
            Set<String> other = Texts.placeholders(TEXTS.rawTemplate(lang, key).orElse(""));
            if (!new TreeSet<>(sv).equals(new TreeSet<>(other))) {
                differing.add(key + " sv=" + sv + " " + lang.code() + "=" + other);
            }
        }
        assertTrue(differing.isEmpty(), "Placeholders differ: " + differing);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void linkIsOnItsOwnParagraphInEmailBodies(Language lang) {
        for (String key : List.of("email.reminder.first.text", "email.reminder.second.text")) {
            assertTrue(TEXTS.rawTemplate(lang, key).orElseThrow().contains("\n\n{link}\n\n"), lang + " " + key);
        }
    }

    @Test
    void fillsPlaceholders() {
        String s = TEXTS.text(Language.SV, "sms.reminder.first",
                Map.of("firstName", "Amina", "link", "https://vagen.example.se/c/abc"));
        assertTrue(s.startsWith("Hej Amina!"), s);
        assertTrue(s.endsWith("https://vagen.example.se/c/abc"), s);
        assertEquals("Svenska", TEXTS.text(Language.SV, "page.lang.name"));
        assertEquals("العربية", TEXTS.text(Language.AR, "page.lang.name"));
    }

    @Test
    void missingKeyFailsLoudlyNamingKeyAndLanguage() {
        MissingTextException e = assertThrows(MissingTextException.class,
                () -> TEXTS.text(Language.TI, "sms.no.such.key", Map.of()));
        assertTrue(e.getMessage().contains("sms.no.such.key") && e.getMessage().contains("'ti'"), e.getMessage());
    }

    @Test
    void missingPlaceholderValueFailsLoudly() {
        MissingTextException e = assertThrows(MissingTextException.class,
                () -> TEXTS.text(Language.SV, "sms.reminder.first", Map.of("firstName", "Amina")));
        assertTrue(e.getMessage().contains("{link}"), e.getMessage());
    }

    @Test
    void chatTextUsesEmailWordingWhereItDiffers() {
        String sms = TEXTS.chatText(Language.SV, Channel.SMS, "sms.help", Map.of());
        String mail = TEXTS.chatText(Language.SV, Channel.EMAIL, "sms.help", Map.of());
        assertTrue(sms.contains("sms"), sms);
        assertTrue(mail.contains("mejl"), mail);
        assertEquals(TEXTS.text(Language.SV, "sms.thanks"), TEXTS.chatText(Language.SV, Channel.EMAIL, "sms.thanks", Map.of()));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void emailHasTextAndHtmlWithEscapedValuesAndAButton(Language lang) {
        EmailContent mail = TEXTS.email(lang, "email.reminder.subject", "email.reminder.first.text",
                Map.of("firstName", "<b>Ali & Co</b>", "link", "https://vagen.example.se/c/tok?a=1&b=2"));
        assertFalse(mail.subject().isBlank());
        assertTrue(mail.text().contains("https://vagen.example.se/c/tok?a=1&b=2"), mail.text());
        assertTrue(mail.text().contains("<b>Ali & Co</b>"), "plain text keeps the name as is");
        assertTrue(mail.html().contains("&lt;b&gt;Ali &amp; Co&lt;/b&gt;"), mail.html());
        assertFalse(mail.html().contains("<b>Ali"), mail.html());
        assertTrue(mail.html().contains("href=\"https://vagen.example.se/c/tok?a=1&amp;b=2\""), mail.html());
        assertTrue(mail.html().contains(Texts.escape(TEXTS.text(lang, "email.button"))), mail.html());
        assertTrue(mail.html().contains("lang=\"" + lang.code() + "\""));
        assertEquals(lang.rightToLeft(), mail.html().contains("dir=\"rtl\""));
    }

    /** Catches a file saved or read in the wrong encoding ("Ã¤" for "ä") and stray replacement characters. */
    @ParameterizedTest
    @EnumSource(Language.class)
    void noMojibake(Language lang) {
        List<String> bad = TEXTS.keys(lang).stream()
                .filter(k -> {
                    String t = TEXTS.rawTemplate(lang, k).orElseThrow();
                    return t.contains("\uFFFD") || t.contains("Ã") || t.contains("Â") || t.contains("â€");
                })
                .toList();
        assertTrue(bad.isEmpty(), lang.code() + ": " + bad);
    }
}
