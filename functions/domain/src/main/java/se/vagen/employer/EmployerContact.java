package se.vagen.employer;

/** A person at an employer the unit talks to; e-mail and phone may each be null, not both. */
public record EmployerContact(String name, String email, String phone, String role) {

    /** Contacts are the same person when their e-mail (case-insensitive), else their name, matches. */
    public boolean samePersonAs(EmployerContact other) {
        if (email != null && other.email != null) {
            return email.equalsIgnoreCase(other.email);
        }
        return email == null && other.email == null && name.equalsIgnoreCase(other.name);
    }
}
