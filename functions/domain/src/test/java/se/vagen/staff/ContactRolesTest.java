package se.vagen.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactRolesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "arbetskonsulent             | arbetskonsulent",
        "Arbetskonsulent             | arbetskonsulent",
        "bistandshandlaggare         | bistandshandlaggare",
        "Biståndshandläggare         | bistandshandlaggare",
        "bostadskonsulent            | bostadskonsulent",
        "studie-och-yrkesvagledare   | studie-och-yrkesvagledare",
        "Studie- och yrkesvägledare  | studie-och-yrkesvagledare",
        "SYV                         | studie-och-yrkesvagledare",
        "arbetsformedlingen          | arbetsformedlingen",
        "Arbetsförmedlingen          | arbetsformedlingen",
        "chef                        | ''",
    })
    void findsRolesByCodeOrName(String text, String code) {
        assertEquals(code, ContactRoles.code(text).orElse(""));
    }
}
