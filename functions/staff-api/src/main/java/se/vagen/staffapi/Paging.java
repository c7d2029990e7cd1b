package se.vagen.staffapi;

import java.util.List;
import se.vagen.validation.FieldError;
import se.vagen.validation.Messages;
import se.vagen.validation.ValidationException;

/** The {@code limit} query parameter: 1..1000, default 50. */
final class Paging {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private Paging() {
    }

    static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException(List.of(new FieldError("limit", "limit.out-of-range",
                Messages.text("limit.out-of-range", String.valueOf(MAX_LIMIT)))));
    }
}
