package se.vagen.aws;

import io.micronaut.context.ApplicationContextBuilder;

/**
 * Micronaut's Lambda handlers build every singleton at start. A function artifact carries adapters and
 * services for more than that one function, so each handler turns that off: only the beans its own
 * routes or events reach are built (SnapStart priming warms those before the snapshot).
 */
public final class LazyBeans {

    private LazyBeans() {
    }

    public static ApplicationContextBuilder lazy(ApplicationContextBuilder builder) {
        return builder.eagerInitSingletons(false);
    }
}
