package se.vagen.employer;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import se.vagen.audit.AuditEntry;
import se.vagen.audit.AuditTrail;

/** Staff writes on employers (create, replace, import merge), each audited when it changes something. */
@Singleton
public class EmployerService {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final EmployerRepository employers;
    private final AuditTrail audit;
    private final Clock clock;

    public EmployerService(EmployerRepository employers, AuditTrail audit, Clock clock) {
        this.employers = employers;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), STOCKHOLM);
    }

    public Optional<Employer> find(String orgNumber) {
        return employers.find(orgNumber);
    }

    /** Registers a new employer; {@link EmployerExistsException} when the number is taken. */
    public Employer create(EmployerDraft draft, String actor) {
        if (employers.find(draft.orgNumber()).isPresent()) {
            throw new EmployerExistsException(draft.orgNumber());
        }
        Instant now = clock.instant();
        Employer employer = draft.toNewEmployer(now);
        employers.save(employer);
        audit.record(new AuditEntry(recordKey(employer.orgNumber()), actor, "employer.created", now,
                "via API; contacts: " + employer.contacts().size()));
        return employer;
    }

    /** Replaces an employer's data (contacts included); empty when it does not exist. */
    public Optional<Employer> replace(String orgNumber, EmployerDraft draft, String actor) {
        Optional<Employer> found = employers.find(orgNumber);
        if (found.isEmpty()) {
            return found;
        }
        Employer updated = draft.replace(found.get(), clock.instant());
        if (EmployerDraft.sameData(updated, found.get())) {
            return found;
        }
        employers.save(updated);
        audit.record(new AuditEntry(recordKey(orgNumber), actor, "employer.updated", updated.updatedAt(),
                "via API; contacts: " + updated.contacts().size()));
        return Optional.of(updated);
    }

    /** What an import did with one employer. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    /** Creates the employer or merges the draft into the stored one (contacts are added, never removed). */
    public Outcome importDraft(EmployerDraft draft, String actor) {
        Instant now = clock.instant();
        Optional<Employer> found = employers.find(draft.orgNumber());
        if (found.isEmpty()) {
            Employer employer = draft.toNewEmployer(now);
            employers.save(employer);
            audit.record(new AuditEntry(recordKey(employer.orgNumber()), actor, "employer.created", now,
                    "via CSV import; contacts: " + employer.contacts().size()));
            return Outcome.CREATED;
        }
        Employer merged = draft.mergeInto(found.get(), now);
        if (EmployerDraft.sameData(merged, found.get())) {
            return Outcome.UNCHANGED;
        }
        employers.save(merged);
        audit.record(new AuditEntry(recordKey(merged.orgNumber()), actor, "employer.updated", now,
                "via CSV import; contacts: " + merged.contacts().size()));
        return Outcome.UPDATED;
    }

    public static String recordKey(String orgNumber) {
        return "employer#" + orgNumber;
    }
}
