package se.vagen.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} -> {1} (mobile {2})")
    @CsvSource(delimiter = '|', value = {
        "070-123 45 67        | +46701234567  | true",
        "+46 70 123 45 67     | +46701234567  | true",
        "0046701234567        | +46701234567  | true",
        "0701234567           | +46701234567  | true",
        "+46701234567         | +46701234567  | true",
        "(070) 123 45 67      | +46701234567  | true",
        "070-174 06 05        | +46701740605  | true",
        "073 555 12 34        | +46735551234  | true",
        "08-123 456 78        | +46812345678  | false",
        "031-123 45 67        | +46311234567  | false",
        "+47 412 34 567       | +4741234567   | true",
        "+44 7911 123456      | +447911123456 | true",
    })
    void normalisesSwedishWritings(String raw, String e164, boolean mobile) {
        PhoneNumbers.Parsed parsed = PhoneNumbers.parse(raw).orElseThrow();
        assertEquals(e164, parsed.e164());
        assertEquals(mobile, parsed.mobile());
    }

    @ParameterizedTest(name = "invalid: {0}")
    @ValueSource(strings = {"", "   ", "abc", "070", "070-123", "+46 70 123 45 67 89 12", "0701234567890123",
        "+999 123", "12345678901234567890123456789012345678901"})
    void rejectsWhatIsNotANumber(String raw) {
        assertTrue(PhoneNumbers.parse(raw).isEmpty());
    }

    @ParameterizedTest(name = "{0} looks like a phone: {1}")
    @CsvSource(delimiter = '|', value = {
        "070-123 45 67 | true", "+46701234567 | true", "0701 | false", "Amina | false", "Anna 070 | false"})
    void tellsPhoneSearchesFromNames(String text, boolean phone) {
        assertEquals(phone, PhoneNumbers.looksLikePhone(text));
    }
}
