package se.vagen.validation;

import java.util.List;

/** Input that broke one or more rules; carries every field error found, not just the first. */
public class ValidationException extends RuntimeException {

    private final transient List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super("Invalid input: " + errors.size() + " field error(s)");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
