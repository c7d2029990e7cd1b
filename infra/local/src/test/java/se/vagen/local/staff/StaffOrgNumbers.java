package se.vagen.local.staff;

import java.security.SecureRandom;
import se.vagen.employer.OrgNumbers;

/** Fresh valid organisationsnummer (the check digit from OrgNumbers), so employer tests never collide. */
final class StaffOrgNumbers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private StaffOrgNumbers() {
    }

    /** 10 digits: "55" + 7 random digits + the check digit. */
    static String fresh() {
        String nine = "55" + String.format("%07d", RANDOM.nextInt(10_000_000));
        for (char c = '0'; c <= '9'; c++) {
            if (OrgNumbers.checkDigitOk(nine + c)) {
                return nine + c;
            }
        }
        throw new IllegalStateException();
    }
}
