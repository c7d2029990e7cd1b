package se.vagen.token;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Issues and checks link tokens: 128 random bits, URL-safe Base64 (22 characters); only the SHA-256 is stored.
 */
@Singleton
public class LinkTokens {

    /** The outcome of opening a link. UNKNOWN covers wrong purpose too: a stranger learns nothing more. */
    public enum Status { VALID, UNKNOWN, EXPIRED, USED }

    public record Lookup(Status status, StoredToken token) {
        public Optional<String> language() {
            return token == null ? Optional.empty() : Optional.ofNullable(token.language());
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final TokenRepository repository;

    public LinkTokens(TokenRepository repository) {
        this.repository = repository;
    }

    /** Stores a new link and returns the raw token to put in the URL (it is not kept anywhere). */
    public String issue(TokenPurpose purpose, String subjectId, String reference, String language,
                        Instant validUntil, boolean singleUse) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        repository.save(new StoredToken(hash(token), purpose, subjectId, reference, language, validUntil, singleUse, null));
        return token;
    }

    /** Looks a link up for a purpose at an instant, without using it. */
    public Lookup open(String token, TokenPurpose purpose, Instant now) {
        if (!wellFormed(token)) {
            return new Lookup(Status.UNKNOWN, null);
        }
        Optional<StoredToken> stored = repository.findByHash(hash(token));
        if (stored.isEmpty() || stored.get().purpose() != purpose) {
            return new Lookup(Status.UNKNOWN, null);
        }
        StoredToken found = stored.get();
        if (found.singleUse() && found.usedAt() != null) {
            return new Lookup(Status.USED, found);
        }
        if (!now.isBefore(found.validUntil())) {
            return new Lookup(Status.EXPIRED, found);
        }
        return new Lookup(Status.VALID, found);
    }

    /** Uses a single-use link; true for exactly one caller. */
    public boolean use(String token, Instant now) {
        return repository.markUsed(hash(token), now);
    }

    public static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{22}");
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
