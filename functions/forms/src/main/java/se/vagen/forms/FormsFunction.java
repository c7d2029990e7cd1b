package se.vagen.forms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.http.exceptions.UriSyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.common.Language;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import se.vagen.aws.LazyBeans;

/** Lambda handler of the public forms (HTTP API payload 2.0): /health, /c/{token}, /s/{token}, /c/form.css. */
public class FormsFunction extends APIGatewayV2HTTPEventFunction {

    private static final Logger LOG = LoggerFactory.getLogger(FormsFunction.class);

    public FormsFunction() {
        super();
    }

    public FormsFunction(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    /**
     * A path Micronaut cannot turn into a URI (a raw {@code <} or space in a pasted link) fails before any route runs;
     * it gets the friendly "link not found" page (404) instead of API Gateway's 500.
     */
    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent input, Context context) {
        try {
            return super.handleRequest(input, context);
        } catch (UriSyntaxException e) {
            LOG.info("Unusable request path ({} characters): answered 404", input.getRawPath() == null ? 0 : input.getRawPath().length());
            String page = Page.message(Language.SV, "Länken fungerar inte",
                    "Kontrollera att du har kopierat hela länken.", "The link does not work. Check that you copied all of it.");
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "text/html;charset=utf-8");
            headers.put("Content-Security-Policy", Page.CONTENT_SECURITY_POLICY);
            headers.put("Referrer-Policy", "no-referrer");
            headers.put("X-Content-Type-Options", "nosniff");
            headers.put("X-Frame-Options", "DENY");
            headers.put("Cache-Control", "no-store");
            return APIGatewayV2HTTPResponse.builder().withStatusCode(404).withHeaders(headers).withBody(page).build();
        }
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LazyBeans.lazy(super.newApplicationContextBuilder());
    }
}
