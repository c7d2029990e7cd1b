package se.vagen.aws;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Physical table names, from the environment template.yaml gives each function
 * (VAGEN_TABLES_ASPIRANTS -> vagen.tables.aspirants, ...). A function only gets the names it may use.
 */
@ConfigurationProperties("vagen.tables")
public record TableNames(
        @Nullable String aspirants,
        @Nullable String checkIns,
        @Nullable String conversations,
        @Nullable String idempotency,
        @Nullable String tokens,
        @Nullable String employers,
        @Nullable String surveyInvitations,
        @Nullable String surveyResponses,
        @Nullable String forumLists,
        @Nullable String audit) {

    /** The name, or a clear start-up error naming the missing setting. */
    public static String required(String name, String setting) {
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("Table name not configured: set vagen.tables." + setting);
        }
        return name;
    }
}
