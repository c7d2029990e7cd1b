package se.vagen.validation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Phone numbers as people write them in Sweden ("070-123 45 67", "+46 70 123 45 67", "0046701234567"),
 * parsed by libphonenumber with Sweden as the default region and stored in E.164 ("+46701234567").
 */
public final class PhoneNumbers {

    public static final String DEFAULT_REGION = "SE";
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** A valid number in E.164 and whether it can receive SMS (a mobile number). */
    public record Parsed(String e164, boolean mobile) {
    }

    /** The number if it is a valid (assigned-range) number; empty otherwise. */
    public static Optional<Parsed> parse(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 40) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(raw.trim(), DEFAULT_REGION);
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            PhoneNumberType type = UTIL.getNumberType(number);
            boolean mobile = type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
            return Optional.of(new Parsed(UTIL.format(number, PhoneNumberFormat.E164), mobile));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** E.164 form of a valid number, or empty. */
    public static Optional<String> normalise(String raw) {
        return parse(raw).map(Parsed::e164);
    }

    /** Whether a search text looks like a phone number rather than a name. */
    public static boolean looksLikePhone(String text) {
        return text != null && text.trim().matches("\\+?[0-9][0-9 ()\\-]{5,}");
    }
}
