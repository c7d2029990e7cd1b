package se.vagen.staffapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Defence in depth: even a token that carries the admin scope (a mis-set trigger, a route added to the template
 * without its scope) does not let a caller outside the admin group import, erase or start the survey. The check
 * answers before any table is touched, so no AWS service is needed here.
 */
class AdminGroupCheckTest {

    private static ApplicationContext context;
    private static StaffApiFunction function;

    @BeforeAll
    static void start() {
        // Table names so the controllers can be built; nothing is called on them (the check comes first).
        Map<String, Object> tables = new java.util.HashMap<>();
        for (String table : List.of("aspirants", "check-ins", "conversations", "idempotency", "tokens", "employers",
                "survey-invitations", "survey-responses", "forum-lists", "audit")) {
            tables.put("vagen.tables." + table, "not-used-" + table);
        }
        tables.put("vagen.aws.region", "eu-north-1");
        tables.put("vagen.buckets.lists", "not-used");
        tables.put("vagen.email.from", "noreply@example.se");
        context = ApplicationContext.builder().eagerInitSingletons(false).environments("function", "lambda")
                .properties(tables).start();
        function = new StaffApiFunction(context);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @ParameterizedTest(name = "{0} {1} -> 403 naming {3}")
    @CsvSource({
            "POST,   /staff/aspirants/import,      text/csv,         Import",
            "DELETE, /staff/aspirants/a-1,          application/json, Radering",
            "POST,   /staff/employers/import,      text/csv,         Import",
            "POST,   /staff/surveys/2026/campaign, application/json, Att starta enkäten",
    })
    void staffWithoutTheAdminGroupIsRefused(String method, String path, String contentType, String action) {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRawPath(path)
                .withHeaders(Map.of("content-type", contentType, "accept", "application/json"))
                .withBody(contentType.equals("text/csv") ? "namn\n" : "{}")
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method).withPath(path).build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("username", "sara", "cognito:groups", "[staff]"))
                                        .withScopes(List.of("vagen/staff", "vagen/admin"))
                                        .build())
                                .build())
                        .build())
                .build();
        APIGatewayV2HTTPResponse response = function.handleRequest(event, null);
        assertEquals(403, response.getStatusCode(), response.getBody());
        assertTrue(response.getBody().contains("\"forbidden\""), response.getBody());
        assertTrue(response.getBody().contains(action + " kräver behörigheten admin"), response.getBody());
    }
}
