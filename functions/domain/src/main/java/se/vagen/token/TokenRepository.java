package se.vagen.token;

import java.time.Instant;
import java.util.Optional;

/** Stored links, keyed by token hash (GetItem; conditional UpdateItem for single use). */
public interface TokenRepository {
    void save(StoredToken token);

    Optional<StoredToken> findByHash(String tokenHash);

    /** Marks a single-use link used; false if it already was (conditional write: exactly one caller wins). */
    boolean markUsed(String tokenHash, Instant at);
}
