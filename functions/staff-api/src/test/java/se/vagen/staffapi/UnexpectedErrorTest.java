package se.vagen.staffapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * A deployment with a missing setting (here: no table names at all) fails the request with a plain 500 that
 * names nothing of our internals: no exception message, no bean path, no configuration key.
 */
class UnexpectedErrorTest {

    private static ApplicationContext context;
    private static StaffApiFunction function;

    @BeforeAll
    static void start() {
        context = ApplicationContext.builder().eagerInitSingletons(false).environments("function", "lambda").start();
        function = new StaffApiFunction(context);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"/staff/aspirants/a-1", "/staff/employers", "/staff/forum-lists"})
    void aMisconfiguredFunctionAnswersAPlain500(String path) {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRawPath(path)
                .withHeaders(Map.of("accept", "application/json"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path).build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("username", "sara", "cognito:groups", "[staff]"))
                                        .withScopes(List.of("vagen/staff"))
                                        .build())
                                .build())
                        .build())
                .build();
        APIGatewayV2HTTPResponse response = function.handleRequest(event, null);
        assertEquals(500, response.getStatusCode(), response.getBody());
        assertTrue(response.getBody().contains("\"error\":\"internal\""), response.getBody());
        for (String internal : List.of("vagen.tables", "Table name", "Path Taken", "Exception", "se.vagen")) {
            assertFalse(response.getBody().contains(internal), internal + " in " + response.getBody());
        }
    }
}
