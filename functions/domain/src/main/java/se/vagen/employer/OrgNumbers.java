package se.vagen.employer;

import java.util.Optional;

/**
 * Swedish organisationsnummer: NNNNNN-NNNN or 10 digits, also the 12-digit form with the "16" prefix used
 * by some registers. The last digit is a Luhn check digit over the first nine. Stored as 10 digits.
 */
public final class OrgNumbers {

    private OrgNumbers() {
    }

    /** The 10-digit form, or empty when the text is not shaped like an organisationsnummer. */
    public static Optional<String> digits(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.trim().replace(" ", "");
        if (text.matches("\\d{6}-\\d{4}") || text.matches("\\d{10}")) {
            return Optional.of(text.replace("-", ""));
        }
        if (text.matches("16\\d{6}-\\d{4}") || text.matches("16\\d{10}")) {
            return Optional.of(text.replace("-", "").substring(2));
        }
        return Optional.empty();
    }

    /** Whether the 10 digits carry a correct Luhn check digit. */
    public static boolean checkDigitOk(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int d = tenDigits.charAt(i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** The stored 10-digit form of a valid number, or empty. */
    public static Optional<String> normalise(String raw) {
        return digits(raw).filter(OrgNumbers::checkDigitOk);
    }

    public static String display(String tenDigits) {
        return tenDigits == null || tenDigits.length() != 10 ? tenDigits
                : tenDigits.substring(0, 6) + "-" + tenDigits.substring(6);
    }
}
