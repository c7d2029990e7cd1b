package se.vagen.staffapi;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;

/** Request bodies: at most 256 KB (413 beyond), JSON or CSV; a missing body is an empty one. */
final class Bodies {

    static final int MAX_BYTES = 256 * 1024;

    private Bodies() {
    }

    /** The request's body as bytes (read here rather than bound as a parameter, so an absent body is not a 400). */
    static byte[] limited(HttpRequest<?> request) {
        byte[] body = request.getBody(byte[].class).orElse(null);
        if (body != null && body.length > MAX_BYTES) {
            throw new ApiProblem(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    ApiError.of("too-large", "Högst 256 KB per begäran; dela upp filen."));
        }
        return body == null ? new byte[0] : body;
    }
}
