package se.vagen.staffapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import se.vagen.validation.FieldError;

/**
 * The body of every 4xx answer of the staff API: a stable {@code error} code, a Swedish {@code message},
 * and for validation faults every field at fault ({@code field} path, {@code code}, {@code message}).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, List<FieldProblem> fields) {

    /** One field at fault. */
    @Serdeable
    public record FieldProblem(String field, String code, String message) {
        static FieldProblem of(FieldError e) {
            return new FieldProblem(e.field(), e.code(), e.message());
        }
    }

    static ApiError of(String error, String message) {
        return new ApiError(error, message, null);
    }

    static ApiError validation(List<FieldError> errors) {
        String message = errors.size() == 1 ? "1 fält är fel." : errors.size() + " fält är fel.";
        return new ApiError("validation", message, errors.stream().map(FieldProblem::of).toList());
    }
}
