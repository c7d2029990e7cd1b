package se.vagen.staffapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import se.vagen.staff.StaffIdentity;

/**
 * Reads the caller from the claims the HTTP API JWT authorizer puts in the request context. The authorizer
 * has verified the token; it flattens a list claim such as cognito:groups into a string "[staff admin]".
 */
final class JwtClaims {

    private JwtClaims() {
    }

    static Optional<StaffIdentity> identity(APIGatewayV2HTTPEvent event) {
        if (event == null || event.getRequestContext() == null || event.getRequestContext().getAuthorizer() == null
                || event.getRequestContext().getAuthorizer().getJwt() == null) {
            return Optional.empty();
        }
        Map<String, String> claims = event.getRequestContext().getAuthorizer().getJwt().getClaims();
        if (claims == null) {
            return Optional.empty();
        }
        // An access token names the user in "username" (an ID token in "cognito:username").
        String user = claims.getOrDefault("username", claims.getOrDefault("cognito:username", claims.get("sub")));
        if (user == null || user.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new StaffIdentity(user, groups(claims.get("cognito:groups"))));
    }

    static Set<String> groups(String claim) {
        if (claim == null) {
            return Set.of();
        }
        String inner = claim.trim();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        return Arrays.stream(inner.split("[\\s,\"]+")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
    }
}
