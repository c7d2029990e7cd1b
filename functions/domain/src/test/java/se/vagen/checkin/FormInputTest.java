package se.vagen.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FormInputTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(Map.of("participation", List.of("YES"), "wellbeing", List.of("4"), "helpNeeded", List.of("HOUSING", "WORK")), "{}"),
                Arguments.of(Map.of("participation", List.of("PARTLY")), "{}"),
                Arguments.of(Map.of("freeText", List.of("Jag var sjuk")), "{}"),
                Arguments.of(Map.of(), "{participation=form.error.required}"),
                Arguments.of(Map.of("freeText", List.of("   ")), "{participation=form.error.required}"),
                Arguments.of(Map.of("participation", List.of("MAYBE")), "{participation=form.error.required}"),
                Arguments.of(Map.of("wellbeing", List.of("9")), "{wellbeing=form.error.required}"),
                Arguments.of(Map.of("wellbeing", List.of("<script>")), "{wellbeing=form.error.required}"),
                Arguments.of(Map.of("helpNeeded", List.of("NONE", "HOUSING")), "{helpNeeded=form.error.help.conflict}"),
                Arguments.of(Map.of("helpNeeded", List.of("PIZZA")), "{helpNeeded=form.error.required}"),
                Arguments.of(Map.of("freeText", List.of("x".repeat(1001))), "{freeText=form.error.freetext.length}"),
                Arguments.of(Map.of("unknown", List.of("1"), "participation", List.of("NO")), "{}"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void validates(Map<String, List<String>> fields, String errors) {
        assertEquals(errors, new java.util.TreeMap<>(FormInput.parse(fields).errors()).toString());
    }

    @Test
    void controlCharactersAreRemovedFromFreeText() {
        FormInput input = FormInput.parse(Map.of("freeText", List.of("a\u0000b\r\nc\u0007")));
        assertEquals("ab\nc", input.answers().freeText());
    }
}
