package se.vagen.aws;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.DefaultApplicationContextBuilder;
import jakarta.inject.Singleton;
import java.lang.annotation.Annotation;
import java.util.Set;

/**
 * Micronaut's Lambda handlers build every singleton at start. A function artifact carries adapters and
 * services for more than that one function, so each handler turns that off: only the beans its own
 * routes or events reach are built (SnapStart priming warms those before the snapshot).
 *
 * <p>{@code eagerInitSingletons(false)} alone does not do it: Micronaut's {@code LambdaApplicationContextBuilder}
 * has already called {@code eagerInitSingletons(true)}, which adds {@link Singleton} to a set that {@code false}
 * never removes it from. So a builder that would build singletons eagerly is replaced by a fresh one with the same
 * environments and class loader, eager configuration and no eager singletons (found by the cold-start benchmark: in the real
 * Lambda runtime every singleton of the artifact was built at start; see docs/performance.md).
 */
public final class LazyBeans {

    private LazyBeans() {
    }

    public static ApplicationContextBuilder lazy(ApplicationContextBuilder builder) {
        if (builder instanceof DefaultApplicationContextBuilder configured
                && configured.getEagerInitAnnotated().contains(Singleton.class)) {
            ApplicationContextBuilder fresh = ApplicationContext.builder(configured.getClassLoader())
                    .environments(configured.getEnvironments().toArray(String[]::new))
                    // as Micronaut's Lambda builder has it: @ConfigurationProperties beans are cheap and fail fast
                    .eagerInitConfiguration(true);
            Set<Class<? extends Annotation>> others = new java.util.LinkedHashSet<>(configured.getEagerInitAnnotated());
            others.remove(Singleton.class);
            if (!others.isEmpty()) {
                @SuppressWarnings("unchecked")
                Class<? extends Annotation>[] annotations = others.toArray(Class[]::new);
                fresh.eagerInitAnnotated(annotations);
            }
            configured.getDeduceEnvironments().ifPresent(fresh::deduceEnvironment);
            return fresh.eagerInitSingletons(false);
        }
        return builder.eagerInitSingletons(false);
    }
}
