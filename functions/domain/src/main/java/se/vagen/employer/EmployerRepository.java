package se.vagen.employer;

import java.time.LocalDate;
import java.util.Optional;
import se.vagen.common.Page;

/**
 * Where employers live (EmployersTable): by organisationsnummer (GetItem), and by latest contact
 * (Query on byLastContact) for the survey campaign and the staff list.
 */
public interface EmployerRepository {

    Optional<Employer> find(String orgNumber);

    /** Creates or replaces the employer. */
    void save(Employer employer);

    /** Employers whose latest contact is on or after {@code day}, oldest contact first. */
    Page<Employer> contactedSince(LocalDate day, int limit, String cursor);
}
