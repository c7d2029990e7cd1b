package se.vagen.csvimport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.AspirantRepository;
import se.vagen.audit.AuditEntry;
import se.vagen.audit.AuditTrail;
import se.vagen.common.Page;
import se.vagen.employer.Employer;
import se.vagen.employer.EmployerRepository;

/** In-memory stand-ins for the repositories, for unit tests of the import rules (DynamoDB is tested in infra/local). */
final class InMemory {

    private InMemory() {
    }

    static final class Aspirants implements AspirantRepository {
        final Map<String, Aspirant> byId = new LinkedHashMap<>();
        int saves;

        @Override
        public Optional<Aspirant> findById(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Optional<Aspirant> findByPhone(String e164) {
            return byId.values().stream().filter(a -> !a.erased() && e164.equals(a.phone())).findFirst();
        }

        @Override
        public Optional<Aspirant> findByEmail(String email) {
            return byId.values().stream().filter(a -> !a.erased() && email.equalsIgnoreCase(a.email())).findFirst();
        }

        @Override
        public void save(Aspirant aspirant) {
            saves++;
            byId.put(aspirant.id(), aspirant);
        }

        @Override
        public Page<Aspirant> listByName(String namePrefix, int limit, String cursor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Aspirant> withPlanEndingOnOrAfter(int shard, LocalDate day, int limit, String cursor) {
            throw new UnsupportedOperationException();
        }
    }

    static final class Employers implements EmployerRepository {
        final Map<String, Employer> byOrg = new LinkedHashMap<>();
        int saves;

        @Override
        public Optional<Employer> find(String orgNumber) {
            return Optional.ofNullable(byOrg.get(orgNumber));
        }

        @Override
        public void save(Employer employer) {
            saves++;
            byOrg.put(employer.orgNumber(), employer);
        }

        @Override
        public Page<Employer> contactedSince(LocalDate day, int limit, String cursor) {
            throw new UnsupportedOperationException();
        }
    }

    static final class Audit implements AuditTrail {
        final List<AuditEntry> entries = new ArrayList<>();

        @Override
        public void record(AuditEntry entry) {
            entries.add(entry);
        }

        @Override
        public List<AuditEntry> entriesFor(String recordKey) {
            return entries.stream().filter(e -> e.recordKey().equals(recordKey)).toList();
        }
    }
}
