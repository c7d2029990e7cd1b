package se.vagen.staffapi;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import se.vagen.aws.LazyBeans;

/** Lambda handler of the staff API (HTTP API payload 2.0, behind the Cognito JWT authorizer). */
public class StaffApiFunction extends APIGatewayV2HTTPEventFunction {

    /** Used by Lambda: builds its own context. */
    public StaffApiFunction() {
        super();
    }

    /** Used by the local stack, which shares one context between all functions. */
    public StaffApiFunction(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LazyBeans.lazy(super.newApplicationContextBuilder());
    }
}
