package se.vagen.employer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import se.vagen.validation.EmailAddresses;
import se.vagen.validation.Errors;
import se.vagen.validation.JsonObjectReader;
import se.vagen.validation.PhoneNumbers;

/** Reads employer JSON (API.md) into an {@link EmployerDraft}, reporting every fault with its field path. */
public final class EmployerParser {

    static final Set<String> FIELDS = Set.of("orgNumber", "name", "industry", "sizeBand", "lastContact", "contacts");
    static final Set<String> CONTACT_FIELDS = Set.of("name", "email", "phone", "role");

    private EmployerParser() {
    }

    /** The draft, or a {@link se.vagen.validation.ValidationException}; {@code today} bounds lastContact. */
    public static EmployerDraft parse(JsonNode root, LocalDate today) {
        Errors errors = new Errors();
        if (root == null || !root.isObject()) {
            errors.add("$", "body.not-object");
            errors.throwIfAny();
        }
        JsonObjectReader in = new JsonObjectReader(root, "", errors);
        in.rejectUnknown(FIELDS);
        String orgNumber = orgNumber(in.text("orgNumber", true), "orgNumber", errors);
        String name = in.line("name", true, EmployerRules.MAX_NAME);
        String industry = in.line("industry", true, EmployerRules.MAX_INDUSTRY);
        String sizeBand = in.code("sizeBand", false, EmployerRules.SIZE_BANDS::code, "sizeband.unknown",
                String.join(", ", EmployerRules.SIZE_BANDS.codes()));
        LocalDate lastContact = in.date("lastContact", true);
        if (lastContact != null && lastContact.isAfter(today)) {
            errors.add("lastContact", "lastcontact.future");
        }
        List<EmployerContact> contacts = new ArrayList<>();
        for (JsonObjectReader c : in.objects("contacts", EmployerRules.MAX_CONTACTS)) {
            contact(c).ifPresent(contacts::add);
        }
        errors.throwIfAny();
        return new EmployerDraft(orgNumber, name, industry, sizeBand, lastContact, contacts);
    }

    /** The 10-digit number, or null with the fault reported. */
    public static String orgNumber(String raw, String field, Errors errors) {
        if (raw == null) {
            return null;
        }
        Optional<String> digits = OrgNumbers.digits(raw);
        if (digits.isEmpty()) {
            errors.add(field, "orgnr.invalid");
            return null;
        }
        if (!OrgNumbers.checkDigitOk(digits.get())) {
            errors.add(field, "orgnr.checksum");
            return null;
        }
        return digits.get();
    }

    /** One contact person; e-mail or phone (any valid number, landlines too) is needed. */
    public static Optional<EmployerContact> contact(JsonObjectReader c) {
        Errors errors = c.errors();
        c.rejectUnknown(CONTACT_FIELDS);
        String name = c.line("name", true, EmployerRules.MAX_NAME);
        String rawEmail = c.text("email", false);
        String rawPhone = c.text("phone", false);
        String role = c.line("role", false, EmployerRules.MAX_ROLE);
        String email = null;
        if (rawEmail != null) {
            if (EmailAddresses.valid(rawEmail)) {
                email = rawEmail;
            } else {
                errors.add(c.path("email"), "email.invalid");
            }
        }
        String phone = null;
        if (rawPhone != null) {
            Optional<String> e164 = PhoneNumbers.normalise(rawPhone);
            if (e164.isPresent()) {
                phone = e164.get();
            } else {
                errors.add(c.path("phone"), "phone.invalid");
            }
        }
        if (rawEmail == null && rawPhone == null) {
            errors.add(c.path("email"), "contact.needs-email-or-phone");
        }
        if (name == null || (email == null && phone == null)) {
            return Optional.empty();
        }
        return Optional.of(new EmployerContact(name, email, phone, role));
    }
}
