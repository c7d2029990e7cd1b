package se.vagen.local.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The whole survey year through the local stack, in its own year (2031) with its own employers: campaign, answers
 * through the real form route, reminders on working days, "no more e-mails", results against a hand computation,
 * CSV and report.
 */
class SurveyCampaignFlowTest {

    private final SurveyFixtures f = new SurveyFixtures();

    @Test
    void aSurveyYearFromCampaignToResults() throws Exception {
        f.assumeMailCanBeSent();
        String a = f.email("a");
        String b = f.email("b");
        String c = f.email("c");
        String d = f.email("d");
        String e = f.email("e");
        String optOut = f.email("optout");
        String old = f.email("old");
        // The campaign runs Tuesday 11 March 2031: contact since 11 March 2030 counts.
        f.employer("Bygg", LocalDate.of(2031, 1, 15), a, b, "");
        f.employer("Handel", LocalDate.of(2030, 4, 1), c, d, e);
        f.employer("Vård", LocalDate.of(2030, 2, 1), old);
        f.employer("Handel", LocalDate.of(2030, 12, 1), optOut);

        JsonNode first = f.runJob("2031-03-11T09:00:00+01:00", "campaign");
        assertEquals("2031", first.path("year").asText());
        assertTrue(first.path("invited").asInt() >= 6, first.toString());
        assertTrue(first.path("skipped").path("noEmail").asInt() >= 1, first.toString());
        for (String address : new String[] {a, b, c, d, e, optOut}) {
            assertEquals(1, f.mails(address).size(), address);
            assertTrue(f.mails(address).get(0).subject().contains("2031"));
            assertTrue(f.mails(address).get(0).body().contains("/unsubscribe"), "every e-mail has the no-more-e-mails link");
        }
        assertEquals(0, f.mails(old).size(), "last contact more than 12 months ago");

        // Running it again (a Lambda retry, a second schedule, staff pressing the button) sends nothing twice.
        JsonNode again = f.runJob("2031-03-11T15:00:00+01:00", "campaign");
        assertTrue(again.path("skipped").path("alreadyInvited").asInt() >= 6, again.toString());
        for (String address : new String[] {a, b, c, d, e, optOut}) {
            assertEquals(1, f.mails(address).size(), address);
        }

        // Answers through the real form. information: a 10, b 8, c vet ej, e 7.
        f.answer(f.surveyToken(a, 0), 200, "information", "10", "bemotande", "9", "nki_overall", "9",
                "nki_expectations", "8", "nki_ideal", "8", "would_recommend", "ja",
                "comment", "=HYPERLINK(\"http://evil.example\") <b>bra</b>; tack");
        f.answer(f.surveyToken(b, 0), 200, "information", "8", "nki_overall", "7", "nki_expectations", "7",
                "nki_ideal", "6", "would_recommend", "ja");
        f.answer(f.surveyToken(c, 0), 200, "information", "vet_ej", "nki_overall", "5", "nki_expectations", "4",
                "nki_ideal", "4", "would_recommend", "nej");
        // a's link a second time: 410, counted once
        f.answer(f.surveyToken(a, 0), 410, "nki_overall", "1", "nki_expectations", "1", "nki_ideal", "1");
        // d makes a mistake: 400 with the message, nothing stored, and does not try again
        HttpResponse<String> invalid = f.answer(f.surveyToken(d, 0), 400, "information", "11", "nki_overall", "3",
                "comment", "<script>alert(1)</script>");
        assertTrue(invalid.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the comment comes back escaped");
        assertFalse(invalid.body().contains("<script>"));
        assertTrue(invalid.body().contains("Välj ett svar mellan 1 och 10."), invalid.body());
        // "no more e-mails": GET only shows the button, POST records it
        String unsubscribe = "/s/" + f.unsubscribeToken(optOut, 0) + "/unsubscribe";
        HttpResponse<String> confirm = f.stack.get(unsubscribe, null);
        assertEquals(200, confirm.statusCode());
        assertTrue(confirm.body().contains("<form method=\"post\""), confirm.body());
        assertEquals(200, f.post(unsubscribe, "").statusCode());

        // Reminders: not before day 7; on day 7 (a Tuesday) to exactly d and e.
        f.runJob("2031-03-17T10:00:00+01:00", "reminders");
        assertEquals(1, f.mails(d).size());
        JsonNode r1 = f.runJob("2031-03-18T10:00:00+01:00", "reminders");
        assertTrue(r1.path("reminded").asInt() >= 2, r1.toString());
        assertEquals(2, f.mails(d).size());
        assertEquals(2, f.mails(e).size());
        for (String answeredOrOptedOut : new String[] {a, b, c, optOut}) {
            assertEquals(1, f.mails(answeredOrOptedOut).size(), answeredOrOptedOut);
        }
        assertTrue(f.mails(d).get(1).subject().startsWith("Påminnelse"));
        f.runJob("2031-03-19T10:00:00+01:00", "reminders");
        assertEquals(2, f.mails(d).size(), "one reminder per due day");

        // e answers with the reminder's new link; e's first link then shows "already answered"
        String eReminder = f.surveyToken(e, 1);
        assertFalse(eReminder.equals(f.surveyToken(e, 0)), "a reminder carries a new link");
        f.answer(eReminder, 200, "information", "7", "bemotande", "vet_ej", "nki_overall", "10",
                "nki_expectations", "9", "nki_ideal", "9");
        assertEquals(410, f.stack.get("/s/" + f.surveyToken(e, 0), null).statusCode());

        // Day 14: the second and last reminder, to d only.
        f.runJob("2031-03-25T10:00:00+01:00", "reminders");
        assertEquals(3, f.mails(d).size());
        assertEquals(2, f.mails(e).size());
        f.runJob("2031-04-01T10:00:00+01:00", "reminders");
        f.runJob("2031-04-08T10:00:00+01:00", "reminders");
        assertEquals(3, f.mails(d).size(), "at most two reminders");
        assertEquals(1, f.mails(optOut).size(), "the no-more-e-mails link is honoured");

        // Results, by hand: answers (overall/expectations/ideal) a 9/8/8, b 7/7/6, c 5/4/4, e 10/9/9.
        // S = 25 + 20 + 13 + 28 = 86, n = 4: NKI = 100 * (86 - 12) / 108 = 68.5 -> 69.
        // Satisfied (overall >= 7): a, b, e = 3 of 4 = 0.75. Response rate 4 / 6.
        // information: 10, 8, 7 (c: vet ej) -> n 3, mean 8.33, index 100 * (25 - 3) / 27 = 81.5 -> 81.
        JsonNode results = f.results("2031");
        assertEquals(6, results.path("invited").asInt());
        assertEquals(4, results.path("answered").asInt());
        assertEquals(0.6667, results.path("responseRate").asDouble(), 1e-9);
        assertEquals(69, results.path("nki").asInt());
        assertEquals(0.75, results.path("shareSatisfied").asDouble(), 1e-9);
        JsonNode information = results.path("factors").path("information");
        assertEquals(3, information.path("n").asInt());
        assertEquals(1, information.path("dontKnow").asInt());
        assertEquals(8.33, information.path("mean").asDouble(), 1e-9);
        assertEquals(81, information.path("index").asInt());
        JsonNode bemotande = results.path("factors").path("bemotande");
        assertEquals(1, bemotande.path("n").asInt());
        assertEquals(1, bemotande.path("dontKnow").asInt());
        assertEquals(89, bemotande.path("index").asInt()); // a: 9 -> (9 - 1) / 9 * 100 = 88.9 -> 89; e: vet ej
        assertEquals(2.0 / 3, results.path("wouldRecommend").asDouble(), 1e-4);
        // four answers: no industry group reaches 7, so no breakdown and no comment is linked to an industry
        assertEquals(0, results.path("breakdowns").path("industry").path("groups").size());
        assertEquals(4, results.path("breakdowns").path("industry").path("suppressed").asInt());
        assertEquals(1, results.path("comments").size());
        assertTrue(results.path("comments").get(0).path("group").isNull());

        HttpResponse<String> csv = f.stack.get("/staff/surveys/2031/results.csv", f.stack.staffToken("sara", "staff"));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("\uFEFFsection;key;group;n;dontKnow;mean;index;share;text\r\n"), csv.body());
        assertTrue(csv.body().contains("summary;nki;;4;;;69;;\r\n"), csv.body());
        assertTrue(csv.body().contains("summary;shareSatisfied;;4;;;;0,7500;\r\n"), csv.body());
        assertTrue(csv.body().contains("factor;information;;3;1;8,33;81;;\r\n"), csv.body());
        assertTrue(csv.body().contains("comment;comment;;;;;;;\"'=HYPERLINK(\"\"http://evil.example\"\") <b>bra</b>; tack\"\r\n"),
                "formula-safe and quoted: " + csv.body());

        HttpResponse<String> report = f.stack.get("/staff/surveys/2031/report", f.stack.staffToken("sara", "staff"));
        assertEquals(200, report.statusCode());
        assertTrue(report.body().contains("<svg"), report.body());
        assertTrue(report.body().contains("75 %"), "share satisfied in the report");
        assertTrue(report.body().contains("&lt;b&gt;bra&lt;/b&gt;"), "comments escaped");
        assertFalse(report.body().contains("<script"));
        assertTrue(report.headers().firstValue("Content-Security-Policy").orElse("").contains("sha256-"));
    }
}
