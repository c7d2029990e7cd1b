package se.vagen.local.staff;

import java.security.SecureRandom;

/** Fresh valid organisationsnummer (Luhn check digit), so employer tests never collide. */
final class StaffOrgNumbers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private StaffOrgNumbers() {
    }

    /** 10 digits: "55" + 7 random digits + the check digit. */
    static String fresh() {
        String nine = "55" + String.format("%07d", RANDOM.nextInt(10_000_000));
        for (char c = '0'; c <= '9'; c++) {
            if (luhn(nine + c)) {
                return nine + c;
            }
        }
        throw new IllegalStateException();
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
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
}
