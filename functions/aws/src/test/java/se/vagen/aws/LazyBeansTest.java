package se.vagen.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.DefaultApplicationContextBuilder;
import jakarta.inject.Singleton;
import java.util.List;
import org.junit.jupiter.api.Test;

class LazyBeansTest {

    @Test
    void undoesTheEagerSingletonsOfMicronautsLambdaBuilder() {
        // What io.micronaut.function.aws.LambdaApplicationContextBuilder does in its constructor.
        ApplicationContextBuilder lambda = ApplicationContext.builder()
                .environments("function", "lambda")
                .eagerInitConfiguration(true)
                .eagerInitSingletons(true);

        DefaultApplicationContextBuilder lazy = (DefaultApplicationContextBuilder) LazyBeans.lazy(lambda);

        assertFalse(lazy.getEagerInitAnnotated().contains(Singleton.class));
        assertEquals(List.of("function", "lambda"), lazy.getEnvironments());
    }

    @Test
    void leavesAPlainBuilderLazy() {
        DefaultApplicationContextBuilder lazy =
                (DefaultApplicationContextBuilder) LazyBeans.lazy(ApplicationContext.builder().environments("local"));

        assertFalse(lazy.getEagerInitAnnotated().contains(Singleton.class));
        assertEquals(List.of("local"), lazy.getEnvironments());
    }
}
