package se.vagen.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.vagen.messaging.OutgoingEmail;

class SurveyTextsTest {

    private final SurveyTexts texts = new SurveyTexts();

    @Test
    void languageFallsBackToSwedish() {
        assertEquals("sv", SurveyTexts.language(null));
        assertEquals("sv", SurveyTexts.language("ar"));
        assertEquals("en", SurveyTexts.language(" EN "));
        assertEquals("Arbetsgivarenkät 2026", texts.get("sv", "page.title", "year", 2026));
        assertEquals("Employer survey 2026", texts.get("en", "page.title", "year", 2026));
    }

    @Test
    void invitationHasBothLinksInTextAndHtmlAndAnEnglishLine() {
        SurveyEmails emails = new SurveyEmails(texts, new se.vagen.common.PublicLinks("https://vagen.example/"));
        OutgoingEmail mail = emails.compose("kim@example.se", "2026", false, "TOKEN_SURVEY_abcdefghij",
                "TOKEN_UNSUB_abcdefghijk", LocalDate.of(2026, 12, 24));
        assertEquals("kim@example.se", mail.to());
        assertTrue(mail.subject().contains("2026"));
        for (String part : new String[] {mail.text(), mail.html()}) {
            assertTrue(part.contains("https://vagen.example/s/TOKEN_SURVEY_abcdefghij"), part);
            assertTrue(part.contains("https://vagen.example/s/TOKEN_SURVEY_abcdefghij?lang=en"), part);
            assertTrue(part.contains("https://vagen.example/s/TOKEN_UNSUB_abcdefghijk/unsubscribe"), part);
            assertTrue(part.contains("In English"), part);
            assertTrue(part.contains("24 december 2026"), part);
        }
        assertTrue(mail.html().contains("lang=\"sv\""));
        assertFalse(mail.html().contains("<script"));
        OutgoingEmail reminder = emails.compose("kim@example.se", "2026", true, "A", "B", LocalDate.of(2026, 12, 24));
        assertTrue(reminder.subject().startsWith("Påminnelse"));
        assertTrue(reminder.text().contains("/s/B/unsubscribe"));
    }
}
