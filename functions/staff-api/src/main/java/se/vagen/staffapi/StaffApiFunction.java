package se.vagen.staffapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.http.exceptions.UriSyntaxException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import se.vagen.aws.LazyBeans;

/** Lambda handler of the staff API (HTTP API payload 2.0, behind the Cognito JWT authorizer). */
public class StaffApiFunction extends APIGatewayV2HTTPEventFunction {

    private static final Logger LOG = LoggerFactory.getLogger(StaffApiFunction.class);

    /** Used by Lambda: builds its own context. */
    public StaffApiFunction() {
        super();
    }

    /** Used by the local stack, which shares one context between all functions. */
    public StaffApiFunction(ApplicationContext context) {
        super(context);
    }

    /** A path Micronaut cannot turn into a URI (a raw {@code <} or space) fails before any route: a JSON 400, not a 500. */
    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent input, Context context) {
        try {
            return super.handleRequest(input, context);
        } catch (UriSyntaxException e) {
            LOG.info("Unusable request path ({} characters): answered 400", input.getRawPath() == null ? 0 : input.getRawPath().length());
            return APIGatewayV2HTTPResponse.builder().withStatusCode(400)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody("{\"error\":\"bad-path\",\"message\":\"Sökvägen innehåller otillåtna tecken.\"}")
                    .build();
        }
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LazyBeans.lazy(super.newApplicationContextBuilder());
    }
}
