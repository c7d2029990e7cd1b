package se.vagen.staffapi;

import io.micronaut.http.HttpStatus;

/** Request bodies: at most 256 KB (413 beyond), JSON or CSV. */
final class Bodies {

    static final int MAX_BYTES = 256 * 1024;

    private Bodies() {
    }

    static byte[] limited(byte[] body) {
        if (body != null && body.length > MAX_BYTES) {
            throw new ApiProblem(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    ApiError.of("too-large", "Högst 256 KB per begäran; dela upp filen."));
        }
        return body == null ? new byte[0] : body;
    }
}
