package se.vagen.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StaffScopesTest {

    @ParameterizedTest(name = "groups [{0}] -> granted [{1}], withheld [{2}]")
    @CsvSource(delimiter = '|', value = {
            "staff        | vagen/staff             | vagen/admin",
            "admin        | vagen/staff vagen/admin |",
            "staff admin  | vagen/staff vagen/admin |",
            "             |                         | vagen/staff vagen/admin",
            "Staff ADMIN  |                         | vagen/staff vagen/admin",
            "vagen/admin  |                         | vagen/staff vagen/admin",
            "readers      |                         | vagen/staff vagen/admin",
    })
    void groupsGrantScopes(String groups, String granted, String withheld) {
        assertEquals(words(granted), StaffScopes.granted(words(groups)));
        assertEquals(words(withheld), StaffScopes.withheld(words(groups)));
    }

    private static Set<String> words(String text) {
        return text == null ? Set.of() : Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }
}
