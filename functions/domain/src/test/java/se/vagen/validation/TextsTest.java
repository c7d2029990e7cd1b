package se.vagen.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextsTest {

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = '|', value = {
        "Amina Yusuf                        | 200 | ''",
        "Åsa Öberg-Ängström                 | 200 | ''",
        "فاطمه محمدی                        | 200 | ''",
        "Олена Коваленко                    | 200 | ''",
        "ሰላም ተስፋይ                          | 200 | ''",
        "'Anna\u0007'                       | 200 | text.control-characters",
        "Anna\u202Eevil                     | 200 | text.control-characters",
        "Anna\tBerg                         | 200 | text.control-characters",
        "abcdef                             | 5   | text.too-long",
        "abcde                              | 5   | ''",
        "نام\u200Cخانوادگی                  | 200 | ''",
    })
    void checksOneLineTexts(String text, int max, String expectedCode) {
        Errors errors = new Errors();
        Texts.checkLine(text, max, "name", errors);
        assertEquals(expectedCode, errors.list().stream().map(FieldError::code).findFirst().orElse(""));
    }

    @org.junit.jupiter.api.Test
    void countsCharactersNotUtf16Units() {
        Errors errors = new Errors();
        Texts.checkLine("😀".repeat(200), 200, "name", errors);
        assertEquals(0, errors.list().size());
    }
}
