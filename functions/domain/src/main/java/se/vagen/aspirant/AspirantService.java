package se.vagen.aspirant;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.vagen.audit.AuditEntry;
import se.vagen.audit.AuditTrail;

/**
 * Staff writes on aspirants: create, update, and the upsert an import does. Every write that changes
 * something leaves an audit entry (who, what, when; field names only, never values). The phone number of
 * an active aspirant is unique ({@link PhoneTakenException}).
 */
@Singleton
public class AspirantService {

    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final AspirantRepository aspirants;
    private final AuditTrail audit;
    private final Clock clock;

    public AspirantService(AspirantRepository aspirants, AuditTrail audit, Clock clock) {
        this.aspirants = aspirants;
        this.audit = audit;
        this.clock = clock;
    }

    /** Today in Stockholm, by the injected clock. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), STOCKHOLM);
    }

    public Optional<Aspirant> find(String id) {
        return aspirants.findById(id).filter(a -> !a.erased());
    }

    public String create(AspirantDraft draft, String actor) {
        ensurePhoneFree(draft.phone(), null);
        Instant now = clock.instant();
        Aspirant aspirant = draft.toNewAspirant(UUID.randomUUID().toString(), now);
        aspirants.save(aspirant);
        audit.record(new AuditEntry(recordKey(aspirant.id()), actor, "aspirant.created", now, "via API"));
        return aspirant.id();
    }

    /** The updated aspirant, or empty when there is none with this id. No change, no write. */
    public Optional<Aspirant> update(String id, AspirantDraft draft, String actor) {
        Optional<Aspirant> found = find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Aspirant existing = found.get();
        if (draft.sameAs(existing)) {
            return found;
        }
        ensurePhoneFree(draft.phone(), id);
        Instant now = clock.instant();
        List<String> changed = draft.changedFields(existing);
        Aspirant updated = draft.applyTo(existing, now);
        aspirants.save(updated);
        audit.record(new AuditEntry(recordKey(id), actor, "aspirant.updated", now,
                "via API; fields: " + String.join(", ", changed)));
        return Optional.of(updated);
    }

    /** What an import did with one aspirant. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    /** The result of an import upsert: the outcome and the aspirant's id. */
    public record Upserted(Outcome outcome, String id) {
    }

    /**
     * Creates the aspirant, or updates the one {@code existing} (matched by the import on phone, else
     * e-mail). Nothing is written, and nothing audited, when the file holds what is stored.
     */
    public Upserted upsert(AspirantDraft draft, Optional<Aspirant> existing, String actor) {
        Instant now = clock.instant();
        if (existing.isEmpty()) {
            ensurePhoneFree(draft.phone(), null);
            Aspirant aspirant = draft.toNewAspirant(UUID.randomUUID().toString(), now);
            aspirants.save(aspirant);
            audit.record(new AuditEntry(recordKey(aspirant.id()), actor, "aspirant.created", now, "via CSV import"));
            return new Upserted(Outcome.CREATED, aspirant.id());
        }
        Aspirant current = existing.get();
        if (draft.sameAs(current)) {
            return new Upserted(Outcome.UNCHANGED, current.id());
        }
        ensurePhoneFree(draft.phone(), current.id());
        List<String> changed = draft.changedFields(current);
        aspirants.save(draft.applyTo(current, now));
        audit.record(new AuditEntry(recordKey(current.id()), actor, "aspirant.updated", now,
                "via CSV import; fields: " + String.join(", ", changed)));
        return new Upserted(Outcome.UPDATED, current.id());
    }

    /** The active aspirant with this E.164 number, if any. */
    public Optional<Aspirant> byPhone(String phone) {
        return phone == null ? Optional.empty() : aspirants.findByPhone(phone);
    }

    /** The active aspirant with this e-mail address (case-insensitive), if any. */
    public Optional<Aspirant> byEmail(String email) {
        return email == null ? Optional.empty() : aspirants.findByEmail(email);
    }

    /** Records that staff looked at an aspirant's record (access log). */
    public void recordView(String id, String actor) {
        audit.record(new AuditEntry(recordKey(id), actor, "aspirant.viewed", clock.instant(), "via API"));
    }

    public static String recordKey(String id) {
        return "aspirant#" + id;
    }

    private void ensurePhoneFree(String phone, String selfId) {
        if (phone == null) {
            return;
        }
        Optional<Aspirant> holder = aspirants.findByPhone(phone);
        if (holder.isPresent() && !holder.get().id().equals(selfId)) {
            throw new PhoneTakenException(holder.get().id());
        }
    }
}
