package se.vagen.staffapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventServletRequest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Map;
import java.util.Optional;
import se.vagen.staff.StaffIdentity;

/**
 * Every /staff route needs a verified identity (401 otherwise) in the staff group (403 otherwise). The JWT
 * authorizer only checks the token; group membership is checked here, the same in AWS and locally.
 */
@ServerFilter("/staff/**")
public class StaffAccessFilter {

    /** Request attribute under which controllers find the caller's {@link StaffIdentity}. */
    public static final String IDENTITY = "vagen.staff.identity";

    /** The staff page (HTML shell), served without a token; see StaffPageController. */
    static final String STAFF_PAGE = "/staff";

    @RequestFilter
    @Nullable
    public HttpResponse<?> requireStaff(HttpRequest<?> request) {
        if (STAFF_PAGE.equals(request.getPath())) {
            // "/staff/**" also matches "/staff": the staff page shell is public (its script sends the token).
            return null;
        }
        Optional<StaffIdentity> identity = request instanceof APIGatewayV2HTTPEventServletRequest<?> lambdaRequest
                ? JwtClaims.identity(lambdaRequest.getNativeRequest())
                : Optional.empty();
        if (identity.isEmpty()) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(Map.of("error", "unauthorized", "message", "Sign in: a valid staff token is required."));
        }
        if (!identity.get().isStaff()) {
            return HttpResponse.status(HttpStatus.FORBIDDEN)
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(Map.of("error", "forbidden", "message", "Your account is not in the staff group."));
        }
        request.setAttribute(IDENTITY, identity.get());
        return null;
    }
}
