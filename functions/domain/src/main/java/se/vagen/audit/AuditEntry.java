package se.vagen.audit;

import java.time.Instant;

/**
 * One audit entry: which record ({@code aspirant#id}, {@code employer#orgNumber}, {@code forum#week},
 * {@code survey#year}), who, what action, when, and a short detail without personal data.
 */
public record AuditEntry(String recordKey, String actor, String action, Instant at, String detail) {
}
