package se.vagen.survey;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.checkin.TimeBudget;
import se.vagen.common.Page;
import se.vagen.employer.Employer;
import se.vagen.employer.EmployerContact;
import se.vagen.employer.EmployerRepository;
import se.vagen.idempotency.SendLedger;
import se.vagen.messaging.EmailSender;
import se.vagen.messaging.OutgoingEmail;
import se.vagen.messaging.SendFailedException;
import se.vagen.token.LinkTokens;
import se.vagen.token.TokenPurpose;

/**
 * The yearly campaign and its reminders (docs/survey.md).
 *
 * <p>Campaign, as of an instant (year = that instant's year in Europe/Stockholm): every contact with an e-mail of
 * every employer whose lastContact is within the last 12 months gets one invitation. Per contact: an invitation
 * record (conditional put), a SendLedger claim {@code send#survey#{year}#{invitationId}#INV}, a single-use survey
 * link (30 days) and an unsubscribe link, then the e-mail. A claimed-and-sent key is never claimed again, so a
 * second run sends nothing twice; a failed send is retried by the next run; a claim left by a run that died before
 * sending is taken over by a run after the lease ({@link se.vagen.idempotency.ClaimLease}).
 *
 * <p>Reminders: at most two, due 7 and 14 days after the invitation, moved to the first working day on or after
 * that day, sent only on a working day within the sending window (09:00-17:00), never to someone who answered or opted out, at least 3 days apart and not
 * later than 30 days after the invitation. Each reminder carries a NEW single-use link for the same invitation
 * (the first link cannot be repeated: only its hash is stored). Any one of an invitation's links can be used
 * once; answering marks the invitation answered and its other links then show "already answered".
 */
public class SurveyCampaign {

    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final Logger LOG = LoggerFactory.getLogger(SurveyCampaign.class);
    private static final int PAGE_SIZE = 100;
    private static final Duration LEDGER_KEEP = Duration.ofDays(400);

    private final EmployerRepository employers;
    private final SurveyInvitationRepository invitations;
    private final SendLedger ledger;
    private final LinkTokens tokens;
    private final EmailSender email;
    private final SurveyEmails emails;
    private final SurveyRules rules;
    private final Predicate<LocalDate> workingDay;
    private final Predicate<Instant> sendingWindow;
    private final Duration retention;

    public SurveyCampaign(EmployerRepository employers, SurveyInvitationRepository invitations, SendLedger ledger,
                          LinkTokens tokens, EmailSender email, SurveyEmails emails, SurveyRules rules,
                          Predicate<LocalDate> workingDay, Predicate<Instant> sendingWindow, int retentionDays) {
        this.employers = employers;
        this.invitations = invitations;
        this.ledger = ledger;
        this.tokens = tokens;
        this.email = email;
        this.emails = emails;
        this.rules = rules;
        this.workingDay = workingDay;
        this.sendingWindow = sendingWindow;
        this.retention = Duration.ofDays(retentionDays);
    }

    /**
     * What a run did. {@code skipped}: reason to count. {@code complete} is false when the run stopped because its
     * Lambda time ran low; running it again continues where it stopped (nothing is sent twice).
     */
    public record Summary(String year, int invited, int reminded, Map<String, Integer> skipped, int failed,
                          boolean complete) {
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("year", year);
            map.put("invited", invited);
            map.put("reminded", reminded);
            map.put("skipped", new TreeMap<>(skipped));
            map.put("failed", failed);
            map.put("complete", complete);
            return map;
        }
    }

    /** A run stops when less than this is left of its time, so it never dies half-way through a send. */
    public static final long STOP_WITH_MILLIS_LEFT = 30_000;

    public static String yearOf(Instant at) {
        return String.valueOf(at.atZone(STOCKHOLM).getYear());
    }

    public static String ledgerKey(String year, String invitationId, String step) {
        return "send#survey#" + year + "#" + invitationId + "#" + step;
    }

    /** Runs the campaign and/or the reminders: action "campaign", "reminders" or null for both. */
    public Summary run(String action, Instant asOf) {
        return run(action, asOf, TimeBudget.unlimited());
    }

    /** As {@link #run(String, Instant)}, stopping early when {@code budget} runs low. */
    public Summary run(String action, Instant asOf, TimeBudget budget) {
        Tally tally = new Tally(yearOf(asOf), budget);
        if (action == null || action.isBlank() || action.equals("campaign")) {
            invite(asOf, tally);
        }
        if (action == null || action.isBlank() || action.equals("reminders")) {
            remind(asOf, tally);
        }
        if (action != null && !action.isBlank() && !action.equals("campaign") && !action.equals("reminders")) {
            throw new IllegalArgumentException("Unknown survey-links action: " + action);
        }
        Summary summary = tally.summary();
        LOG.info("survey-links year={} invited={} reminded={} failed={} skipped={} complete={}",
                summary.year(), summary.invited(), summary.reminded(), summary.failed(), summary.skipped(), summary.complete());
        return summary;
    }

    private static final class Tally {
        final String year;
        final TimeBudget budget;
        int invited;
        int reminded;
        int failed;
        boolean stopped;
        final Map<String, Integer> skipped = new TreeMap<>();

        Tally(String year, TimeBudget budget) {
            this.year = year;
            this.budget = budget;
        }

        /** True (and remembered) once the time left is too short to start another send. */
        boolean outOfTime() {
            if (!stopped && budget.remainingMillis() < STOP_WITH_MILLIS_LEFT) {
                stopped = true;
                LOG.warn("survey-links stops early: little Lambda time left; run it again to continue");
            }
            return stopped;
        }

        void skip(String reason) {
            skipped.merge(reason, 1, Integer::sum);
        }

        Summary summary() {
            return new Summary(year, invited, reminded, skipped, failed, !stopped);
        }
    }

    // ------------------------------------------------------------------ campaign

    private void invite(Instant asOf, Tally tally) {
        LocalDate today = asOf.atZone(STOCKHOLM).toLocalDate();
        LocalDate since = today.minusMonths(rules.contactWindowMonths());
        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            Page<Employer> page = employers.contactedSince(since, PAGE_SIZE, cursor);
            for (Employer employer : page.items()) {
                if (employer.lastContact() == null || employer.lastContact().isBefore(since)) {
                    continue;
                }
                if (employer.lastContact().isAfter(today)) {
                    // "within the last 12 months" ends today: a contact dated after the run is not counted.
                    tally.skip("contactAfterRunDate");
                    continue;
                }
                for (EmployerContact contact : employer.contacts()) {
                    if (tally.outOfTime()) {
                        return;
                    }
                    if (contact.email() == null || contact.email().isBlank()) {
                        tally.skip("noEmail");
                        continue;
                    }
                    String id = SurveyInvitation.idFor(employer.orgNumber(), contact.email());
                    if (!seen.add(id)) {
                        tally.skip("duplicate");
                        continue;
                    }
                    inviteOne(employer, contact.email().strip(), id, asOf, tally);
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    private void inviteOne(Employer employer, String address, String id, Instant asOf, Tally tally) {
        String year = tally.year;
        Optional<SurveyInvitation> existing = invitations.find(year, id);
        if (existing.isPresent() && existing.get().invited()) {
            tally.skip("alreadyInvited");
            return;
        }
        if (invitations.addressOptedOut(SurveyInvitation.addressKey(address))) {
            tally.skip("optedOut");
            return;
        }
        if (existing.isEmpty()) {
            invitations.create(new SurveyInvitation(year, id, employer.orgNumber(), address, employer.industry(),
                    employer.sizeBand(), null, 0, null, false, false, asOf.plus(retention)));
        }
        String key = ledgerKey(year, id, "INV");
        if (!ledger.claim(key, asOf, asOf.plus(LEDGER_KEEP))) {
            tally.skip("alreadyInvited");
            return;
        }
        if (send(address, year, false, id, asOf, key)) {
            invitations.markInvited(year, id, asOf);
            tally.invited++;
        } else {
            tally.failed++;
        }
    }

    /** Issues the links, sends, and records the outcome in the ledger; true when handed to the provider. */
    private boolean send(String address, String year, boolean reminder, String id, Instant asOf, String key) {
        Instant validUntil = asOf.plus(Duration.ofDays(rules.linkValidDays()));
        String surveyToken = tokens.issue(TokenPurpose.SURVEY, id, year, "sv", validUntil, true);
        String unsubscribeToken = tokens.issue(TokenPurpose.SURVEY_UNSUBSCRIBE, id, year, "sv",
                asOf.plus(Duration.ofDays(rules.unsubscribeValidDays())), false);
        OutgoingEmail mail = emails.compose(address, year, reminder, surveyToken, unsubscribeToken,
                validUntil.atZone(STOCKHOLM).toLocalDate().minusDays(1));
        try {
            email.send(mail);
            ledger.markSent(key, asOf);
            return true;
        } catch (SendFailedException e) {
            LOG.warn("survey e-mail failed key={} retryable={}: {}", key, e.retryable(), e.getMessage());
            ledger.markFailed(key, asOf, e.retryable() ? "retryable" : "rejected");
            return false;
        }
    }

    // ------------------------------------------------------------------ reminders

    private void remind(Instant asOf, Tally tally) {
        ZonedDateTime local = asOf.atZone(STOCKHOLM);
        LocalDate today = local.toLocalDate();
        if (!workingDay.test(today)) {
            tally.skip("notWorkingDay");
            return;
        }
        if (!sendingWindow.test(asOf)) {
            tally.skip("outsideSendingWindow");
            return;
        }
        List<String> years = new ArrayList<>();
        // A campaign in late December is reminded in January: look at last year's invitations while they can be due.
        if (today.minusDays(rules.surveyOpenDays()).getYear() < today.getYear()) {
            years.add(String.valueOf(today.getYear() - 1));
        }
        years.add(tally.year);
        for (String year : years) {
            for (SurveyInvitation invitation : invitations.forYear(year)) {
                if (tally.outOfTime()) {
                    return;
                }
                remindOne(invitation, today, asOf, tally);
            }
        }
    }

    private void remindOne(SurveyInvitation invitation, LocalDate today, Instant asOf, Tally tally) {
        if (!invitation.invited()) {
            return;
        }
        if (invitation.answered()) {
            tally.skip("answered");
            return;
        }
        if (invitation.optedOut()) {
            tally.skip("optedOut");
            return;
        }
        int next = invitation.remindersSent() + 1;
        if (next > rules.reminderDays().size()) {
            tally.skip("allRemindersSent");
            return;
        }
        LocalDate invitedOn = invitation.invitedAt().atZone(STOCKHOLM).toLocalDate();
        LocalDate due = firstWorkingDayOnOrAfter(invitedOn.plusDays(rules.reminderDays().get(next - 1)));
        if (today.isBefore(due)) {
            tally.skip("notDue");
            return;
        }
        if (today.isAfter(invitedOn.plusDays(rules.surveyOpenDays()))) {
            tally.skip("surveyClosed");
            return;
        }
        if (invitation.lastReminderOn() != null
                && today.isBefore(invitation.lastReminderOn().plusDays(rules.minDaysBetweenReminders()))) {
            tally.skip("tooSoon");
            return;
        }
        if (invitations.addressOptedOut(SurveyInvitation.addressKey(invitation.email()))) {
            tally.skip("optedOut");
            return;
        }
        String key = ledgerKey(invitation.year(), invitation.invitationId(), "R" + next);
        if (!ledger.claim(key, asOf, asOf.plus(LEDGER_KEEP))) {
            tally.skip("alreadyReminded");
            return;
        }
        if (send(invitation.email(), invitation.year(), true, invitation.invitationId(), asOf, key)) {
            invitations.recordReminder(invitation.year(), invitation.invitationId(), next, today);
            tally.reminded++;
        } else {
            tally.failed++;
        }
    }

    /** The first working day on or after {@code day}. */
    public LocalDate firstWorkingDayOnOrAfter(LocalDate day) {
        LocalDate d = day;
        for (int i = 0; i < 30 && !workingDay.test(d); i++) {
            d = d.plusDays(1);
        }
        return d;
    }
}
