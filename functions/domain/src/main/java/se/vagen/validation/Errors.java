package se.vagen.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors while an input is read, so every fault is reported at once. */
public final class Errors {

    private final List<FieldError> list = new ArrayList<>();

    public void add(String field, String code, Object... args) {
        list.add(new FieldError(field, code, Messages.text(code, args)));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public boolean hasErrorFor(String field) {
        return list.stream().anyMatch(e -> e.field().equals(field));
    }

    public List<FieldError> list() {
        return List.copyOf(list);
    }

    /** Throws a {@link ValidationException} with everything collected, if anything was. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new ValidationException(list);
        }
    }

    public static String path(String parent, String name) {
        return parent == null || parent.isEmpty() ? name : parent + "." + name;
    }

    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
