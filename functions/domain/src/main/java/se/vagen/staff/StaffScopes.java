package se.vagen.staff;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The OAuth scopes a staff member's groups grant. The HTTP API checks these on every staff route (template.yaml:
 * {@code AuthorizationScopes}), so a role is enforced before any function runs; the functions check the group
 * again (defence in depth). Cognito puts the scopes into the access token through the pre-token-generation
 * trigger ({@code StaffTokenScopesFunction}); the local stack's sign-in issues the same scopes from this class.
 *
 * <p>{@code staff} may use the staff API; {@code admin} may also import, erase and start the survey campaign,
 * and, being staff too, gets both scopes.
 */
public final class StaffScopes {

    /** The Cognito resource server the scopes belong to (template.yaml: StaffApiResourceServer). */
    public static final String RESOURCE_SERVER = "vagen";
    public static final String STAFF = RESOURCE_SERVER + "/staff";
    public static final String ADMIN = RESOURCE_SERVER + "/admin";
    private static final List<String> ALL = List.of(STAFF, ADMIN);

    private StaffScopes() {
    }

    /** The scopes {@code groups} grant, in a stable order; unknown groups grant nothing. */
    public static Set<String> granted(Collection<String> groups) {
        Set<String> scopes = new LinkedHashSet<>();
        if (groups.contains(StaffIdentity.STAFF) || groups.contains(StaffIdentity.ADMIN)) {
            scopes.add(STAFF);
        }
        if (groups.contains(StaffIdentity.ADMIN)) {
            scopes.add(ADMIN);
        }
        return scopes;
    }

    /** Our scopes that {@code groups} do not grant: taken out of a token even if a client asked for them. */
    public static Set<String> withheld(Collection<String> groups) {
        Set<String> withheld = new LinkedHashSet<>(ALL);
        withheld.removeAll(granted(groups));
        return withheld;
    }

    public static List<String> all() {
        return ALL;
    }
}
