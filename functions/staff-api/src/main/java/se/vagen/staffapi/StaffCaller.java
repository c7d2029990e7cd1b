package se.vagen.staffapi;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import se.vagen.staff.StaffIdentity;

/**
 * The caller of a staff route and the role checks beyond "staff" (which {@link StaffAccessFilter} already
 * made). Imports, erasure and starting the survey need the {@code admin} group: each can change many records
 * or remove data for good.
 */
final class StaffCaller {

    private StaffCaller() {
    }

    static StaffIdentity of(HttpRequest<?> request) {
        return request.getAttribute(StaffAccessFilter.IDENTITY, StaffIdentity.class)
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED,
                        ApiError.of("unauthorized", "Logga in: en giltig personaltoken krävs.")));
    }

    /** The caller, if in the admin group; else 403 naming what needed it ("Import", "Radering", ...). */
    static StaffIdentity admin(HttpRequest<?> request, String action) {
        StaffIdentity identity = of(request);
        if (!identity.isAdmin()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN,
                    ApiError.of("forbidden", action + " kräver behörigheten admin (gruppen admin)."));
        }
        return identity;
    }
}
