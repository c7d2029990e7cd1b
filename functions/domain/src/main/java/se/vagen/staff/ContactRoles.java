package se.vagen.staff;

import java.util.Optional;
import se.vagen.validation.CodeList;

/**
 * The contact roles that can own an aspirant (DESIGN.md), from {@code staff/contact-roles.json}: codes such
 * as {@code arbetskonsulent}, with Swedish and English names. Staff may also write the Swedish name.
 */
public final class ContactRoles {

    public static final CodeList ROLES = CodeList.load("/staff/contact-roles.json");

    private ContactRoles() {
    }

    public static Optional<String> code(String text) {
        return ROLES.code(text);
    }
}
