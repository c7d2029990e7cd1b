package se.vagen.local;

import java.util.Map;

/**
 * slf4j-simple levels for the local stack. No logger in this class: the default level must be set before the
 * first logger is made.
 */
final class Logging {

    private Logging() {
    }

    /**
     * Jetty (DynamoDB Local's server), Micronaut, SDK and outbox chatter go to WARN. With {@code warningsOnly}
     * every logger defaults to WARN (the command line prints one line when ready;
     * {@code -Dorg.slf4j.simpleLogger.defaultLogLevel=info} shows the functions' logs). Only sets what is not
     * set already, so -D on the command line wins.
     */
    static void quiet(boolean warningsOnly) {
        if (warningsOnly) {
            setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        Map.of(
                "org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn",
                "org.slf4j.simpleLogger.log.io.micronaut", "warn",
                "org.slf4j.simpleLogger.log.software.amazon", "warn",
                "org.slf4j.simpleLogger.log.com.amazonaws", "warn",
                "org.slf4j.simpleLogger.log.se.vagen.local.outbox", "warn")
                .forEach(Logging::setIfAbsent);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
