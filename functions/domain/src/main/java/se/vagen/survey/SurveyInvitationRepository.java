package se.vagen.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Survey invitations by year (SurveyInvitationsTable: Query(year), GetItem(year, invitationId)). */
public interface SurveyInvitationRepository {

    /** Stores a new invitation; false if it already exists (conditional put). */
    boolean create(SurveyInvitation invitation);

    Optional<SurveyInvitation> find(String year, String invitationId);

    /** Every invitation of the year (all pages of the Query). */
    List<SurveyInvitation> forYear(String year);

    /** Records that the invitation e-mail was sent. */
    void markInvited(String year, String invitationId, Instant invitedAt);

    /** Records reminder {@code number} (1, 2, ...) sent on {@code day}; false if it already was (conditional on the count). */
    boolean recordReminder(String year, String invitationId, int number, LocalDate day);

    /** Sets the opt-out flag of one invitation (idempotent); false if there is no such invitation. */
    boolean optOut(String year, String invitationId);

    /** Records that an address wants no more survey e-mails, in any year ({@link SurveyInvitation#addressKey}). */
    void optOutAddress(String addressKey);

    boolean addressOptedOut(String addressKey);
}
