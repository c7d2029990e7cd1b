package se.vagen.employer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrgNumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "556677-8899     | 5566778899",
        "5566778899      | 5566778899",
        "16556677-8899   | 5566778899",
        "165566778899    | 5566778899",
        " 556677-8899    | 5566778899",
        "212000-0142     | 2120000142",
        "802002-4280     | 8020024280",
        "556036-0793     | 5560360793",
        "556677-8898     | ''",
        "556677-889      | ''",
        "55667788990     | ''",
        "195566778899    | ''",
        "556677/8899     | ''",
        "abcdef-ghij     | ''",
        "''              | ''",
    })
    void normalisesAndChecksTheLuhnDigit(String raw, String expected) {
        assertEquals(expected, OrgNumbers.normalise(raw).orElse(""));
    }

    @ParameterizedTest(name = "{0} shaped: {1}, check digit ok: {2}")
    @CsvSource(delimiter = '|', value = {
        "556677-8899 | true  | true",
        "556677-8898 | true  | false",
        "5566-778899 | false | false",
    })
    void separatesShapeFromCheckDigit(String raw, boolean shaped, boolean checkOk) {
        assertEquals(shaped, OrgNumbers.digits(raw).isPresent());
        assertEquals(checkOk, OrgNumbers.digits(raw).map(OrgNumbers::checkDigitOk).orElse(false));
    }
}
