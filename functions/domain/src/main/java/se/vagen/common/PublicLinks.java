package se.vagen.common;

/** Builds the public addresses put in messages, from {@code vagen.public-base-url} (e.g. https://vagen.example.se). */
public record PublicLinks(String baseUrl) {

    public PublicLinks {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalStateException("Public base URL not configured: set vagen.public-base-url");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** {@code path} starts with "/", e.g. "/c/" + token. */
    public String link(String path) {
        return baseUrl + path;
    }
}
