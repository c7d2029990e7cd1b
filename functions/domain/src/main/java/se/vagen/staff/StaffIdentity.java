package se.vagen.staff;

import java.util.Set;

/**
 * Who is calling a staff route: the user name (for the audit trail) and their groups. The identity comes
 * from a JWT the API Gateway authorizer (locally: the local stack's emulation of it) has already verified.
 */
public record StaffIdentity(String user, Set<String> groups) {
    public static final String STAFF = "staff";
    public static final String ADMIN = "admin";

    public StaffIdentity {
        groups = Set.copyOf(groups);
    }

    public boolean isStaff() {
        return groups.contains(STAFF) || groups.contains(ADMIN);
    }

    public boolean isAdmin() {
        return groups.contains(ADMIN);
    }
}
