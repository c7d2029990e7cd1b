package se.vagen.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vagen.employer.Employer;
import se.vagen.employer.EmployerContact;
import se.vagen.token.LinkTokens;

class SurveyCampaignTest {

    /** Weekends and 2026's Swedish holidays near the test dates are not working days. */
    static boolean workingDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY
                && !Set.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26),
                LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 6)).contains(d);
    }

    final InMemorySurvey.Employers employers = new InMemorySurvey.Employers();
    final InMemorySurvey.Invitations invitations = new InMemorySurvey.Invitations();
    final InMemorySurvey.Responses responses = new InMemorySurvey.Responses(invitations);
    final InMemorySurvey.Tokens tokenStore = new InMemorySurvey.Tokens();
    final InMemorySurvey.Outbox outbox = new InMemorySurvey.Outbox();
    final LinkTokens tokens = new LinkTokens(tokenStore);
    final SurveyCampaign campaign = new SurveyCampaign(employers, invitations, new InMemorySurvey.Ledger(), tokens, outbox,
            new SurveyEmails(new SurveyTexts(), new se.vagen.common.PublicLinks("http://localhost:8080")), new SurveyRules(), SurveyCampaignTest::workingDay,
            at -> workingDay(at.atZone(SurveyCampaign.STOCKHOLM).toLocalDate())
                    && at.atZone(SurveyCampaign.STOCKHOLM).getHour() >= 9 && at.atZone(SurveyCampaign.STOCKHOLM).getHour() < 17, 400);
    final SurveyForm form = new SurveyForm(tokens, invitations, responses, new Questionnaire(), new SurveyRules());

    static Instant at(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

    void employer(String org, String industry, LocalDate lastContact, String... emails) {
        List<EmployerContact> contacts = new java.util.ArrayList<>();
        for (String e : emails) {
            contacts.add(new EmployerContact("Kontakt", e.isEmpty() ? null : e, e.isEmpty() ? "+46701234567" : null, null));
        }
        employers.save(new Employer(org, "AB " + org, industry, "10-49", lastContact, contacts, null, null));
    }

    static String surveyToken(String body) {
        Matcher m = Pattern.compile("/s/([A-Za-z0-9_-]{22})(?![A-Za-z0-9_/-])").matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }

    static String unsubscribeToken(String body) {
        Matcher m = Pattern.compile("/s/([A-Za-z0-9_-]{22})/unsubscribe").matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }

    Map<String, String> lastBodies() {
        Map<String, String> byAddress = new HashMap<>();
        outbox.sent.forEach(m -> byAddress.put(m.to(), m.text()));
        return byAddress;
    }

    @Test
    void campaignInvitesRecentContactsWithEmailOnce() {
        employer("5560000001", "Bygg", LocalDate.of(2026, 10, 1), "a@bygg.se", "B@Bygg.se", "");
        employer("5560000002", "Handel", LocalDate.of(2025, 11, 27), "c@handel.se");
        employer("5560000003", "Handel", LocalDate.of(2025, 11, 25), "old@handel.se");
        employer("5560000004", "Handel", LocalDate.of(2026, 11, 27), "future@handel.se");
        Instant asOf = at("2026-11-26T09:00:00+01:00");

        SurveyCampaign.Summary first = campaign.run("campaign", asOf);
        assertEquals(3, first.invited());
        assertEquals(Map.of("noEmail", 1, "contactAfterRunDate", 1), first.skipped());
        assertEquals(Set.of("a@bygg.se", "B@Bygg.se", "c@handel.se"),
                outbox.sent.stream().map(m -> m.to()).collect(Collectors.toSet()));
        assertEquals("2026", first.year());

        SurveyCampaign.Summary second = campaign.run("campaign", asOf.plusSeconds(3600));
        assertEquals(0, second.invited());
        assertEquals(3, outbox.sent.size());
        assertEquals(3, second.skipped().get("alreadyInvited"));
        assertEquals(1, second.skipped().get("contactAfterRunDate"));
    }

    @Test
    void remindersGoToTheRestAtMostTwiceOnWorkingDays() {
        employer("5560000001", "Bygg", LocalDate.of(2026, 10, 1), "a@x.se", "b@x.se", "c@x.se", "d@x.se");
        campaign.run("campaign", at("2026-11-02T09:00:00+01:00")); // a Monday
        Map<String, String> bodies = lastBodies();
        // a answers, d opts out
        assertEquals(SurveyForm.Status.THANKS, form.submit(surveyToken(bodies.get("a@x.se")),
                Map.of("nki_overall", List.of("8"), "nki_expectations", List.of("8"), "nki_ideal", List.of("8")),
                at("2026-11-03T10:00:00+01:00")).status());
        assertEquals(SurveyForm.Status.THANKS, form.unsubscribe(unsubscribeToken(bodies.get("d@x.se")),
                at("2026-11-03T10:00:00+01:00")).status());

        assertEquals(0, campaign.run("reminders", at("2026-11-06T09:00:00+01:00")).reminded());
        assertEquals(Map.of("outsideSendingWindow", 1), campaign.run("reminders", at("2026-11-09T07:00:00+01:00")).skipped());
        SurveyCampaign.Summary r1 = campaign.run("reminders", at("2026-11-09T09:00:00+01:00"));
        assertEquals(2, r1.reminded());
        assertEquals(0, campaign.run("reminders", at("2026-11-10T09:00:00+01:00")).reminded());
        // b answers with the reminder's new link; c's first link is still valid but the invitation is what counts
        String bReminder = surveyToken(outbox.sent.get(outbox.sent.size() - 1).to().equals("b@x.se")
                ? outbox.sent.get(outbox.sent.size() - 1).text() : outbox.sent.get(outbox.sent.size() - 2).text());
        assertEquals(SurveyForm.Status.THANKS, form.submit(bReminder,
                Map.of("nki_overall", List.of("5"), "nki_expectations", List.of("5"), "nki_ideal", List.of("5")),
                at("2026-11-11T10:00:00+01:00")).status());
        // b's first link now shows "already answered"
        assertEquals(SurveyForm.Status.USED, form.open(surveyToken(bodies.get("b@x.se")), at("2026-11-11T11:00:00+01:00")).status());

        SurveyCampaign.Summary r2 = campaign.run("reminders", at("2026-11-16T09:00:00+01:00"));
        assertEquals(1, r2.reminded());
        assertEquals(0, campaign.run("reminders", at("2026-11-23T09:00:00+01:00")).reminded());
        Map<String, Long> perAddress = outbox.sent.stream().collect(Collectors.groupingBy(m -> m.to(), Collectors.counting()));
        assertEquals(Map.of("a@x.se", 1L, "b@x.se", 2L, "c@x.se", 3L, "d@x.se", 1L), perAddress);
        assertEquals(2, responses.stored.size());

        // next year: d's address opted out for good
        employer("5560000001", "Bygg", LocalDate.of(2027, 10, 1), "a@x.se", "b@x.se", "c@x.se", "d@x.se");
        SurveyCampaign.Summary next = campaign.run("campaign", at("2027-11-01T09:00:00+01:00"));
        assertEquals(3, next.invited());
        assertEquals(1, next.skipped().get("optedOut"));
    }

    @Test
    void aRunLowOnTimeStopsAndTheNextRunContinues() {
        employer("5560000001", "Bygg", LocalDate.of(2026, 10, 1), "a@x.se", "b@x.se", "c@x.se");
        long[] left = {31_000};
        // each send costs 1 s of the budget: two sends fit before less than 30 s is left
        InMemorySurvey.Outbox slow = outbox;
        SurveyCampaign.Summary first = campaign.run("campaign", at("2026-11-02T09:00:00+01:00"), () -> left[0] - slow.sent.size() * 1_000L);
        assertEquals(2, first.invited());
        assertEquals(false, first.complete());
        SurveyCampaign.Summary second = campaign.run("campaign", at("2026-11-02T09:10:00+01:00"));
        assertEquals(1, second.invited());
        assertEquals(true, second.complete());
        assertEquals(3, outbox.sent.size());
    }

    /** The process dying inside a send: nothing is caught, nothing marked (not an exception the code handles). */
    static final class Killed extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aCampaignKilledInsideASendIsFinishedByARunAfterTheLeaseSendingNoneTwice() {
        employer("5560000001", "Bygg", LocalDate.of(2026, 10, 1), "a@x.se", "b@x.se", "c@x.se");
        int[] sends = {0};
        se.vagen.messaging.EmailSender dying = email -> {
            if (++sends[0] == 2) {
                throw new Killed(); // the second send never reaches the provider: the process is gone
            }
            return outbox.send(email);
        };
        InMemorySurvey.Ledger ledger = new InMemorySurvey.Ledger();
        java.util.function.Supplier<SurveyCampaign> campaignOn = () -> new SurveyCampaign(employers, invitations,
                ledger, tokens, dying, new SurveyEmails(new SurveyTexts(),
                new se.vagen.common.PublicLinks("http://localhost:8080")), new SurveyRules(),
                SurveyCampaignTest::workingDay, at -> true, 400);
        Instant killedAt = at("2026-11-02T09:00:00+01:00");
        org.junit.jupiter.api.Assertions.assertThrows(Killed.class, () -> campaignOn.get().run("campaign", killedAt));
        assertEquals(1, outbox.sent.size());
        assertEquals(1L, ledger.status.values().stream().filter("CLAIMED"::equals).count(), "left CLAIMED");

        // Run again ten minutes later: the claim is within the lease (the first run could still be sending).
        SurveyCampaign.Summary again = campaignOn.get().run("campaign", killedAt.plus(java.time.Duration.ofMinutes(10)));
        assertEquals(1, again.invited());
        assertEquals(2, again.skipped().get("alreadyInvited"));
        // Run again after the lease: the dead run's claim is taken over and sent.
        SurveyCampaign.Summary after = campaignOn.get().run("campaign", killedAt.plus(java.time.Duration.ofMinutes(31)));
        assertEquals(1, after.invited());
        SurveyCampaign.Summary last = campaignOn.get().run("campaign", killedAt.plus(java.time.Duration.ofHours(3)));
        assertEquals(0, last.invited());
        assertEquals(List.of("a@x.se", "b@x.se", "c@x.se"), outbox.sent.stream().map(m -> m.to()).sorted().toList(),
                "each contact exactly one invitation");
        assertEquals(Set.of("SENT"), Set.copyOf(ledger.status.values()));
    }

    @ParameterizedTest(name = "invited {0}: reminder 1 on {1}, 2 on {2}")
    @CsvSource({
            "2026-11-02T09:00:00+01:00, 2026-11-09, 2026-11-16",
            // day 7 is a Saturday -> Monday; day 14 a Saturday -> Monday
            "2026-11-07T09:00:00+01:00, 2026-11-16, 2026-11-23",
            // day 7 = 24 Dec (holiday) -> 28 Dec; day 14 = 31 Dec -> 2 Jan 2027 is a Saturday -> 4 Jan, last year's invitations
            "2026-12-17T09:00:00+01:00, 2026-12-28, 2027-01-04",
    })
    void reminderDays(String invited, LocalDate first, LocalDate second) {
        employer("5560000009", "IT", LocalDate.of(2026, 11, 1), "x@it.se");
        campaign.run("campaign", at(invited));
        List<LocalDate> sentOn = new java.util.ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 11, 1); d.isBefore(LocalDate.of(2027, 2, 1)); d = d.plusDays(1)) {
            int before = outbox.sent.size();
            campaign.run("reminders", d.atTime(9, 0).atZone(SurveyCampaign.STOCKHOLM).toInstant());
            if (outbox.sent.size() > before) {
                sentOn.add(d);
            }
        }
        assertEquals(List.of(first, second), sentOn);
    }
}
