package se.vagen.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailAddressesTest {

    @ParameterizedTest(name = "{0} valid: {1}")
    @CsvSource(delimiter = '|', value = {
        "amina@example.org             | true",
        "kim.berg+survey@exempelbygg.se | true",
        "A.Name@Sub.Example.COM        | true",
        "o'neil@example.org            | true",
        "amina@example                 | false",
        "amina.example.org             | false",
        "amina@@example.org            | false",
        "a b@example.org               | false",
        "amina@exa mple.org            | false",
        "@example.org                  | false",
        "amina@                        | false",
        "amina@-example.org            | false",
        ".amina@example.org            | false",
        "amina.@example.org            | false",
        "amina@example.c               | false",
    })
    void checksSyntax(String address, boolean valid) {
        assertEquals(valid, EmailAddresses.valid(address));
    }
}
