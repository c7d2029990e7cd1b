package se.vagen.staffapi;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import se.vagen.staff.StaffIdentity;

/**
 * The caller of a staff route and the role checks beyond "staff" (which {@link StaffAccessFilter} already
 * made). Imports need the {@code admin} group: one file can create or change hundreds of records.
 */
final class StaffCaller {

    private StaffCaller() {
    }

    static StaffIdentity of(HttpRequest<?> request) {
        return request.getAttribute(StaffAccessFilter.IDENTITY, StaffIdentity.class)
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED,
                        ApiError.of("unauthorized", "Logga in: en giltig personaltoken krävs.")));
    }

    static StaffIdentity admin(HttpRequest<?> request) {
        StaffIdentity identity = of(request);
        if (!identity.isAdmin()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN,
                    ApiError.of("forbidden", "Import kräver behörigheten admin (gruppen admin)."));
        }
        return identity;
    }
}
