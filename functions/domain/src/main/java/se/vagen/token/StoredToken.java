package se.vagen.token;

import java.time.Instant;

/**
 * What is stored for a link: the SHA-256 of the token (never the token), its purpose, the subject it
 * opens (an aspirant id, a survey invitation id), a reference (cycle or year), the language of its pages,
 * until when it is valid, whether it is single-use, and when it was used.
 */
public record StoredToken(
        String tokenHash,
        TokenPurpose purpose,
        String subjectId,
        String reference,
        String language,
        Instant validUntil,
        boolean singleUse,
        Instant usedAt) {
}
