package se.vagen.staffapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pre-token-generation trigger on Cognito's V2_0 event (the documented shape, in test resources), read and
 * answered as JSON the way the Lambda runtime does.
 */
class StaffTokenScopesFunctionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "groups [{0}] -> add [{1}], suppress [{2}]")
    @CsvSource(delimiter = '|', value = {
            "staff        | vagen/staff             | vagen/admin",
            "admin        | vagen/staff vagen/admin | ",
            "staff admin  | vagen/staff vagen/admin | ",
            "             |                         | vagen/staff vagen/admin",
            "guests       |                         | vagen/staff vagen/admin",
    })
    void scopesFollowTheGroups(String groups, String add, String suppress) throws IOException {
        Map<String, Object> event = sampleEvent();
        request(event).put("groupConfiguration", Map.of("groupsToOverride", words(groups)));

        Map<String, Object> answer = JSON.readValue(JSON.writeValueAsString(
                new StaffTokenScopesFunction().handleRequest(event, null)), new TypeReference<>() { });

        Map<?, ?> accessToken = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) answer.get("response"))
                .get("claimsAndScopeOverrideDetails")).get("accessTokenGeneration");
        assertEquals(words(add), accessToken.get("scopesToAdd"));
        assertEquals(words(suppress), accessToken.get("scopesToSuppress"));
        assertEquals(event.get("userPoolId"), answer.get("userPoolId"), "the rest of the event goes back unchanged");
        assertEquals(event.get("request"), answer.get("request"));
    }

    @ParameterizedTest
    @CsvSource({"request", "groupConfiguration"})
    void anEventWithoutGroupsGrantsNothing(String removed) throws IOException {
        Map<String, Object> event = sampleEvent();
        if ("request".equals(removed)) {
            event.remove("request");
        } else {
            request(event).remove("groupConfiguration");
        }
        Map<?, ?> accessToken = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) new StaffTokenScopesFunction()
                .handleRequest(event, null).get("response")).get("claimsAndScopeOverrideDetails"))
                .get("accessTokenGeneration");
        assertEquals(List.of(), accessToken.get("scopesToAdd"));
        assertEquals(List.of("vagen/staff", "vagen/admin"), accessToken.get("scopesToSuppress"));
    }

    private static Map<String, Object> sampleEvent() throws IOException {
        try (InputStream in = StaffTokenScopesFunctionTest.class
                .getResourceAsStream("/events/cognito-pre-token-generation-v2.json")) {
            return JSON.readValue(in, new TypeReference<>() { });
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> request(Map<String, Object> event) {
        return (Map<String, Object>) event.get("request");
    }

    private static List<String> words(String text) {
        return text == null ? List.of() : Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
}
