package se.vagen.survey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Who was asked in a year (SurveyInvitationsTable) - never what they answered. This is the only place a
 * contact's identity lives in the survey: the e-mail is needed to remind. {@code invitedAt} is null until the
 * invitation e-mail has been handed to SES; {@code answered} is a flag with no time; {@code optedOut} is set by
 * the "no more e-mails" link. {@code expiresAt} (DynamoDB TTL) removes the record after the retention period.
 */
public record SurveyInvitation(
        String year,
        String invitationId,
        String orgNumber,
        String email,
        String industry,
        String sizeBand,
        Instant invitedAt,
        int remindersSent,
        LocalDate lastReminderOn,
        boolean answered,
        boolean optedOut,
        Instant expiresAt) {

    /** A stable id for an employer contact: SHA-256 of orgNumber + "|" + lower-case e-mail, hex, first 32 characters. */
    public static String idFor(String orgNumber, String email) {
        return sha256(orgNumber.strip() + "|" + email.strip().toLowerCase(Locale.ROOT)).substring(0, 32);
    }

    /** The key of an address-wide opt-out: SHA-256 of the lower-case e-mail (no employer). */
    public static String addressKey(String email) {
        return sha256(email.strip().toLowerCase(Locale.ROOT));
    }

    public boolean invited() {
        return invitedAt != null;
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
