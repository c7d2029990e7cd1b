package se.vagen.staffapi;

import io.micronaut.http.HttpStatus;

/** An answer other than success, thrown from a controller and written by {@link ApiErrorHandlers}. */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final transient ApiError body;

    public ApiProblem(HttpStatus status, ApiError body) {
        super(body.error() + ": " + body.message());
        this.status = status;
        this.body = body;
    }

    public static ApiProblem notFound(String message) {
        return new ApiProblem(HttpStatus.NOT_FOUND, ApiError.of("not-found", message));
    }

    public static ApiProblem badRequest(String error, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, ApiError.of(error, message));
    }

    public HttpStatus status() {
        return status;
    }

    public ApiError body() {
        return body;
    }
}
