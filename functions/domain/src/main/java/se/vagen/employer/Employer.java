package se.vagen.employer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An employer the unit works with, keyed by its organisationsnummer (10 digits, no hyphen).
 * {@code sizeBand} is one of {@code employer/size-bands.json} or null; {@code lastContact} is the day of the
 * latest contact with the unit.
 */
public record Employer(
        String orgNumber,
        String name,
        String industry,
        String sizeBand,
        LocalDate lastContact,
        List<EmployerContact> contacts,
        Instant createdAt,
        Instant updatedAt) {

    public Employer {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** NNNNNN-NNNN, as people write it. */
    public String displayOrgNumber() {
        return OrgNumbers.display(orgNumber);
    }
}
