package se.vagen.staffapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.staff.StaffScopes;

/**
 * Cognito's pre-token-generation trigger (event version V2_0): puts the scopes the user's groups grant into the
 * access token ({@code scopesToAdd}) and takes out any of ours they do not grant ({@code scopesToSuppress}), so
 * the HTTP API can require {@code vagen/staff} or {@code vagen/admin} per route (template.yaml). Plain Lambda
 * handler without Micronaut: it runs on every sign-in and token refresh, and needs nothing but the event.
 *
 * <p>The event is read as a map (the runtime's own JSON mapping); only {@code request.groupConfiguration
 * .groupsToOverride} is used. A user without groups gets none of our scopes and cannot call a staff route.
 */
public class StaffTokenScopesFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(StaffTokenScopesFunction.class);

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        List<String> groups = groups(event);
        Set<String> granted = StaffScopes.granted(groups);
        Map<String, Object> accessToken = new LinkedHashMap<>();
        accessToken.put("scopesToAdd", new ArrayList<>(granted));
        accessToken.put("scopesToSuppress", new ArrayList<>(StaffScopes.withheld(groups)));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("accessTokenGeneration", accessToken);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("claimsAndScopeOverrideDetails", details);
        Map<String, Object> answer = new LinkedHashMap<>(event);
        answer.put("response", response);
        // Scopes only: the user name and attributes in the event are personal data.
        LOG.info("token scopes granted: {}", granted);
        return answer;
    }

    /** request.groupConfiguration.groupsToOverride, or none when the event lacks it. */
    static List<String> groups(Map<String, Object> event) {
        if (event != null && event.get("request") instanceof Map<?, ?> request
                && request.get("groupConfiguration") instanceof Map<?, ?> configuration
                && configuration.get("groupsToOverride") instanceof List<?> list) {
            List<String> groups = new ArrayList<>();
            list.forEach(g -> groups.add(String.valueOf(g)));
            return groups;
        }
        return List.of();
    }
}
