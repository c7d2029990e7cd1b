package se.vagen.forms;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import se.vagen.aws.LazyBeans;

/** Lambda handler of the public forms (HTTP API payload 2.0): /health, /c/{token}, /s/{token}, /c/form.css. */
public class FormsFunction extends APIGatewayV2HTTPEventFunction {

    public FormsFunction() {
        super();
    }

    public FormsFunction(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LazyBeans.lazy(super.newApplicationContextBuilder());
    }
}
