package se.vagen.employer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vagen.validation.JsonEdits;
import se.vagen.validation.ValidationException;

class EmployerParserTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    static final String VALID = """
            {
              "orgNumber": "556677-8899",
              "name": "Exempel Bygg AB",
              "industry": "Bygg",
              "lastContact": "2026-10-01",
              "contacts": [ { "name": "Kim Berg", "email": "kim@exempelbygg.se", "phone": "08-123 456 78" } ]
            }
            """;

    @Test
    void readsTheApiExample() {
        EmployerDraft draft = EmployerParser.parse(JsonEdits.read(VALID), TODAY);
        assertEquals(new EmployerDraft("5566778899", "Exempel Bygg AB", "Bygg", null, LocalDate.of(2026, 10, 1),
                List.of(new EmployerContact("Kim Berg", "kim@exempelbygg.se", "+46812345678", null))), draft);
    }

    @ParameterizedTest(name = "{0} = {1} -> ok")
    @CsvSource(delimiter = '|', value = {
        "orgNumber            | \"5566778899\"     ",
        "orgNumber            | \"16556677-8899\"  ",
        "sizeBand             | \"10-49\"          ",
        "sizeBand             | \"250+\"           ",
        "contacts             | []                 ",
        "contacts             | REMOVE             ",
        "contacts[0].phone    | REMOVE             ",
        "contacts[0].email    | REMOVE             ",
        "contacts[0].role     | \"HR-ansvarig\"    ",
        "lastContact          | \"2026-11-26\"     ",
    })
    void acceptsValidVariants(String path, String value) {
        EmployerParser.parse(JsonEdits.edit(JsonEdits.read(VALID), path, value), TODAY);
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        "orgNumber                         | \"556677-8898\"   | orgNumber          | orgnr.checksum",
        "orgNumber                         | \"55667-78899\"   | orgNumber          | orgnr.invalid",
        "orgNumber                         | 5566778899        | orgNumber          | type.text",
        "orgNumber                         | REMOVE            | orgNumber          | field.required",
        "name                              | REMOVE            | name               | field.required",
        "industry                          | REMOVE            | industry           | field.required",
        "sizeBand                          | \"1000+\"         | sizeBand           | sizeband.unknown",
        "lastContact                       | \"2026-02-30\"    | lastContact        | date.invalid",
        "lastContact                       | \"2026-11-27\"    | lastContact        | lastcontact.future",
        "lastContact                       | REMOVE            | lastContact        | field.required",
        "contacts                          | {}                | contacts           | type.array",
        "contacts[0].email                 | \"kim@\"          | contacts[0].email  | email.invalid",
        "contacts[0].phone                 | \"123\"           | contacts[0].phone  | phone.invalid",
        "contacts[0].name                  | REMOVE            | contacts[0].name   | field.required",
        "contacts[0].email && contacts[0].phone | REMOVE && REMOVE | contacts[0].email | contact.needs-email-or-phone",
        "contacts[0].title                 | \"VD\"            | contacts[0].title  | field.unknown",
        "website                           | \"x\"             | website            | field.unknown",
    })
    void reportsTheFieldAtFault(String path, String value, String field, String code) {
        ObjectNode body = JsonEdits.edit(JsonEdits.read(VALID), path, value);
        ValidationException e = assertThrows(ValidationException.class, () -> EmployerParser.parse(body, TODAY));
        assertTrue(e.errors().stream().anyMatch(err -> err.field().equals(field) && err.code().equals(code)),
                () -> "expected " + field + "/" + code + " in " + e.errors());
    }
}
