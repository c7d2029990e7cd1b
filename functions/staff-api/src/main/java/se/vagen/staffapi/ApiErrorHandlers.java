package se.vagen.staffapi;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.aspirant.PhoneTakenException;
import se.vagen.common.InvalidCursorException;
import se.vagen.csvimport.CsvFormatException;
import se.vagen.employer.EmployerExistsException;
import se.vagen.validation.FieldError;
import se.vagen.validation.JsonInput;
import se.vagen.validation.Messages;
import se.vagen.validation.ValidationException;

/**
 * Turns the domain's refusals into the staff API's JSON error answers. Micronaut's {@code ExceptionHandler.handle}
 * declares a raw {@code HttpRequest}, so the overrides must too.
 */
@SuppressWarnings("rawtypes")
final class ApiErrorHandlers {

    private ApiErrorHandlers() {
    }

    static HttpResponse<ApiError> answer(HttpStatus status, ApiError body) {
        return HttpResponse.<ApiError>status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }

    @Singleton
    static class Problems implements ExceptionHandler<ApiProblem, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, ApiProblem e) {
            return answer(e.status(), e.body());
        }
    }

    @Singleton
    static class Validation implements ExceptionHandler<ValidationException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, ValidationException e) {
            return answer(HttpStatus.BAD_REQUEST, ApiError.validation(e.errors()));
        }
    }

    @Singleton
    static class MalformedJson implements ExceptionHandler<JsonInput.MalformedJsonException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, JsonInput.MalformedJsonException e) {
            return answer(HttpStatus.BAD_REQUEST, ApiError.of("malformed-json", e.getMessage()));
        }
    }

    /**
     * Micronaut's own body decoding failed before the controller ran (an empty JSON body): answered like
     * any malformed JSON. Only request bodies of staff routes are meant; anything else stays a plain 400.
     */
    @Singleton
    static class UndecodableBody implements ExceptionHandler<CodecException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, CodecException e) {
            if (request.getPath().startsWith("/staff") && request.getPath().endsWith("/import")) {
                return answer(HttpStatus.BAD_REQUEST, ApiError.of("csv", "Filen är tom."));
            }
            if (request.getPath().startsWith("/staff")) {
                return answer(HttpStatus.BAD_REQUEST, ApiError.of("malformed-json",
                        "Tom eller oläslig begäran: en JSON-kropp krävs."));
            }
            return answer(HttpStatus.BAD_REQUEST, ApiError.of("bad-request", "Bad Request"));
        }
    }

    @Singleton
    static class PhoneTaken implements ExceptionHandler<PhoneTakenException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, PhoneTakenException e) {
            String holder = e.holderId() == null ? "okänd" : e.holderId();
            FieldError field = new FieldError("phone", "phone.taken", Messages.text("phone.taken", holder));
            return answer(HttpStatus.CONFLICT, new ApiError("conflict", field.message(),
                    List.of(ApiError.FieldProblem.of(field))));
        }
    }

    @Singleton
    static class EmployerExists implements ExceptionHandler<EmployerExistsException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, EmployerExistsException e) {
            return answer(HttpStatus.CONFLICT, ApiError.of("conflict",
                    "Arbetsgivaren finns redan; ändra den med PUT /staff/employers/{orgNumber}."));
        }
    }

    @Singleton
    static class Cursor implements ExceptionHandler<InvalidCursorException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, InvalidCursorException e) {
            FieldError field = new FieldError("cursor", "cursor.invalid", Messages.text("cursor.invalid"));
            return answer(HttpStatus.BAD_REQUEST, ApiError.validation(List.of(field)));
        }
    }

    @Singleton
    static class Csv implements ExceptionHandler<CsvFormatException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, CsvFormatException e) {
            return answer(HttpStatus.BAD_REQUEST, ApiError.of("csv", e.getMessage()));
        }
    }

    /**
     * A body or parameter Micronaut could not turn into what the route takes (e.g. a form-encoded body where the
     * route reads the raw bytes): our 400 instead of Micronaut's answer, which names Java types.
     */
    @Singleton
    @Replaces(ConversionErrorHandler.class)
    static class Unconvertible implements ExceptionHandler<ConversionErrorException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, ConversionErrorException e) {
            return answer(HttpStatus.BAD_REQUEST, ApiError.of("unreadable",
                    "Begäran kunde inte läsas: skicka JSON (Content-Type: application/json), vid import CSV."));
        }
    }

    /**
     * Anything no other handler answers (a failing AWS call, a bean that cannot be built): a plain 500 that says
     * nothing about our internals, instead of Micronaut's default body with the exception's message and bean
     * path. The log gets the exception's type and where it was thrown, not its message (a message may quote
     * input).
     */
    @Singleton
    static class Unexpected implements ExceptionHandler<RuntimeException, HttpResponse<ApiError>> {
        private static final Logger LOG = LoggerFactory.getLogger(Unexpected.class);

        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            StackTraceElement[] where = root.getStackTrace();
            // The route's template ("/staff/aspirants/{id}"), never the path with its values.
            LOG.error("staff API: unexpected {} (root cause {} at {}) on {} {}", e.getClass().getName(),
                    root.getClass().getName(), where.length > 0 ? where[0] : "?", request.getMethod(),
                    BasicHttpAttributes.getUriTemplate(request).orElse("(no route)"));
            return answer(HttpStatus.INTERNAL_SERVER_ERROR,
                    ApiError.of("internal", "Något gick fel hos oss. Försök igen om en stund; kvarstår felet, kontakta förvaltningen av Vägen."));
        }
    }
}
