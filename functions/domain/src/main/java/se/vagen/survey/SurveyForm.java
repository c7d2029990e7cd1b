package se.vagen.survey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.token.LinkTokens;
import se.vagen.token.StoredToken;
import se.vagen.token.TokenPurpose;

/**
 * What happens behind /s/{token} (the forms function renders it).
 *
 * <p>Answering, in this order: (1) the link must be VALID (known SURVEY link, not used, not expired) and its
 * invitation not yet answered; (2) the answers must parse (else nothing is stored); (3) one DynamoDB transaction
 * marks the invitation answered (condition: not answered) and stores the anonymous response - of any number of
 * concurrent posts, through this link or another link of the same invitation, exactly one passes; (4) the link
 * is marked used (conditional write). A crash between (3) and (4) leaves the link unused, but the invitation is
 * answered, so the link shows "already answered" anyway.
 */
public class SurveyForm {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyForm.class);

    public enum Status { FORM, INVALID, THANKS, USED, EXPIRED, UNKNOWN }

    /** The outcome of opening or posting: status, the survey year (when known), errors and the posted values. */
    public record Outcome(Status status, String year, Map<String, String> errors, Map<String, List<String>> values) {
        static Outcome of(Status status, String year) {
            return new Outcome(status, year, Map.of(), Map.of());
        }
    }

    private final LinkTokens tokens;
    private final SurveyInvitationRepository invitations;
    private final SurveyResponseRepository responses;
    private final Questionnaire questionnaire;
    private final SurveyRules rules;

    public SurveyForm(LinkTokens tokens, SurveyInvitationRepository invitations, SurveyResponseRepository responses,
                      Questionnaire questionnaire, SurveyRules rules) {
        this.tokens = tokens;
        this.invitations = invitations;
        this.responses = responses;
        this.questionnaire = questionnaire;
        this.rules = rules;
    }

    /** GET /s/{token}. */
    public Outcome open(String token, Instant now) {
        Check check = check(token, now);
        return check.outcome != null ? check.outcome : Outcome.of(Status.FORM, check.invitation.year());
    }

    /** POST /s/{token}. */
    public Outcome submit(String token, Map<String, List<String>> fields, Instant now) {
        Check check = check(token, now);
        if (check.outcome != null) {
            return check.outcome;
        }
        SurveyInvitation invitation = check.invitation;
        SurveyAnswers.Parsed parsed = SurveyAnswers.parse(fields, questionnaire, rules);
        if (!parsed.valid()) {
            return new Outcome(Status.INVALID, invitation.year(), parsed.errors(), fields);
        }
        SurveyResponse response = new SurveyResponse(invitation.year(), invitation.industry(), invitation.sizeBand(),
                parsed.answers());
        if (!responses.submit(invitation.invitationId(), response)) {
            return Outcome.of(Status.USED, invitation.year());
        }
        try {
            tokens.use(token, now);
        } catch (RuntimeException e) {
            // The answers are stored and the invitation is marked answered, which alone keeps the link from being
            // used again; the person gets the thank-you page, not an error for something that worked.
            LOG.warn("survey response stored year={}, the link not marked used ({})", invitation.year(),
                    e.getClass().getSimpleName());
            return Outcome.of(Status.THANKS, invitation.year());
        }
        LOG.info("survey response stored year={}", invitation.year());
        return Outcome.of(Status.THANKS, invitation.year());
    }

    /** GET /s/{token}/unsubscribe: FORM (show the confirm button) or UNKNOWN. Expired links still work: opting out is always honoured. */
    public Outcome openUnsubscribe(String token, Instant now) {
        Optional<SurveyInvitation> invitation = unsubscribeInvitation(token, now);
        return invitation.map(i -> Outcome.of(Status.FORM, i.year())).orElse(Outcome.of(Status.UNKNOWN, null));
    }

    /** POST /s/{token}/unsubscribe: records the opt-out for this invitation and the address (all years). */
    public Outcome unsubscribe(String token, Instant now) {
        Optional<SurveyInvitation> invitation = unsubscribeInvitation(token, now);
        if (invitation.isEmpty()) {
            return Outcome.of(Status.UNKNOWN, null);
        }
        SurveyInvitation i = invitation.get();
        invitations.optOut(i.year(), i.invitationId());
        if (i.email() != null) {
            invitations.optOutAddress(SurveyInvitation.addressKey(i.email()));
        }
        LOG.info("survey opt-out recorded year={} invitation={}", i.year(), i.invitationId());
        return Outcome.of(Status.THANKS, i.year());
    }

    private Optional<SurveyInvitation> unsubscribeInvitation(String token, Instant now) {
        LinkTokens.Lookup lookup = tokens.open(token, TokenPurpose.SURVEY_UNSUBSCRIBE, now);
        if (lookup.status() == LinkTokens.Status.UNKNOWN) {
            return Optional.empty();
        }
        StoredToken stored = lookup.token();
        return invitations.find(stored.reference(), stored.subjectId());
    }

    private record Check(Outcome outcome, SurveyInvitation invitation) {
    }

    private Check check(String token, Instant now) {
        LinkTokens.Lookup lookup = tokens.open(token, TokenPurpose.SURVEY, now);
        String year = lookup.token() == null ? null : lookup.token().reference();
        switch (lookup.status()) {
            case UNKNOWN -> {
                return new Check(Outcome.of(Status.UNKNOWN, null), null);
            }
            case USED -> {
                return new Check(Outcome.of(Status.USED, year), null);
            }
            case EXPIRED -> {
                return new Check(Outcome.of(Status.EXPIRED, year), null);
            }
            default -> {
            }
        }
        Optional<SurveyInvitation> invitation = invitations.find(year, lookup.token().subjectId());
        if (invitation.isEmpty()) {
            return new Check(Outcome.of(Status.UNKNOWN, null), null);
        }
        if (invitation.get().answered()) {
            return new Check(Outcome.of(Status.USED, year), null);
        }
        return new Check(null, invitation.get());
    }
}
