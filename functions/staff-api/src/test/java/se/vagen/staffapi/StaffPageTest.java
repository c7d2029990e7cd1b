package se.vagen.staffapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The staff page shell and its assets are served without a token; the API behind it is not. */
class StaffPageTest {

    private static StaffApiFunction function;
    private static ApplicationContext context;

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

    static APIGatewayV2HTTPResponse get(String path) {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRawPath(path)
                .withHeaders(Map.of("accept", "*/*"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path).build())
                        .build())
                .build();
        return function.handleRequest(event, null);
    }

    @Test
    void pageNeedsNoTokenAndHasAStrictPolicy() {
        APIGatewayV2HTTPResponse page = get("/staff");
        assertEquals(200, page.getStatusCode());
        assertTrue(page.getBody().contains("<html lang=\"sv\">"));
        assertTrue(page.getBody().contains("/staff-assets/staff.js"));
        assertFalse(page.getBody().contains("<script>"), "no inline script");
        String csp = header(page, "Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("default-src 'none'"), csp);
        assertEquals(200, get("/staff-assets/staff.js").getStatusCode());
        assertEquals(200, get("/staff-assets/staff.css").getStatusCode());
    }

    @Test
    void localSignInIsOffByDefault() {
        assertEquals(404, get("/staff-assets/sign-in").getStatusCode());
    }

    @Test
    void apiStillNeedsAToken() {
        assertEquals(401, get("/staff/forum-lists").getStatusCode());
    }

    private static String header(APIGatewayV2HTTPResponse r, String name) {
        return r.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(r.getMultiValueHeaders() == null ? "" : r.getMultiValueHeaders().entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst().orElse(""));
    }
}
