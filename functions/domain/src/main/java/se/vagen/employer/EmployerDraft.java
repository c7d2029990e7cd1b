package se.vagen.employer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A validated employer as staff sent it (JSON, or the rows of one employer in a CSV file). */
public record EmployerDraft(String orgNumber, String name, String industry, String sizeBand, LocalDate lastContact,
        List<EmployerContact> contacts) {

    public EmployerDraft {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    public Employer toNewEmployer(Instant now) {
        return new Employer(orgNumber, name, industry, sizeBand, lastContact, contacts, now, now);
    }

    /** This draft replacing every staff-editable field of {@code existing}. */
    public Employer replace(Employer existing, Instant now) {
        return new Employer(existing.orgNumber(), name, industry, sizeBand, lastContact, contacts,
                existing.createdAt(), now);
    }

    /**
     * This draft merged into {@code existing} the way an import does: names, industry and size band from
     * the draft (size band kept when the draft has none), the later of the two contact days, and contacts
     * added or updated (matched by e-mail, else name) but never removed.
     */
    public Employer mergeInto(Employer existing, Instant now) {
        List<EmployerContact> merged = new ArrayList<>(existing.contacts());
        for (EmployerContact contact : contacts) {
            int at = -1;
            for (int i = 0; i < merged.size(); i++) {
                if (merged.get(i).samePersonAs(contact)) {
                    at = i;
                    break;
                }
            }
            if (at >= 0) {
                merged.set(at, contact);
            } else {
                merged.add(contact);
            }
        }
        LocalDate latest = existing.lastContact() == null || lastContact.isAfter(existing.lastContact())
                ? lastContact : existing.lastContact();
        return new Employer(existing.orgNumber(), name, industry, sizeBand != null ? sizeBand : existing.sizeBand(),
                latest, merged, existing.createdAt(), now);
    }

    /** Whether two employers hold the same staff-editable data. */
    public static boolean sameData(Employer a, Employer b) {
        return Objects.equals(a.name(), b.name()) && Objects.equals(a.industry(), b.industry())
                && Objects.equals(a.sizeBand(), b.sizeBand()) && Objects.equals(a.lastContact(), b.lastContact())
                && Objects.equals(a.contacts(), b.contacts());
    }
}
