package se.vagen.aws;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP part of SnapStart priming: one GET /health through the function's own handler (routing, filters,
 * request and response conversion, JSON). Only loaded when the artifact holds Micronaut's HTTP API handler.
 */
final class HttpPriming {

    private HttpPriming() {
    }

    static boolean available() {
        try {
            Class.forName("io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction", false,
                    HttpPriming.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The status of GET /health, or empty when the context holds no HTTP handler. */
    static Optional<Integer> health(ApplicationContext context) {
        Optional<APIGatewayV2HTTPEventFunction> handler = context.findBean(APIGatewayV2HTTPEventFunction.class);
        if (handler.isEmpty()) {
            return Optional.empty();
        }
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath("/health")
                .withRawQueryString("")
                .withHeaders(Map.of("accept", "application/json", "host", "priming.invalid"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("snapstart-priming")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("GET").withPath("/health").withProtocol("HTTP/1.1")
                                .withSourceIp("127.0.0.1").withUserAgent("snapstart-priming").build())
                        .build())
                .withIsBase64Encoded(false)
                .build();
        APIGatewayV2HTTPResponse response = handler.get().handleRequest(event, null);
        return Optional.of(response.getStatusCode());
    }
}
