package se.vagen.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.vagen.local.template.TemplateFile.list;
import static se.vagen.local.template.TemplateFile.map;
import static se.vagen.local.template.TemplateFile.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Least privilege: explicit statements per function, no wildcard resource on data. */
class PoliciesTest {

    private static final TemplateFile TEMPLATE = TemplateFile.load();
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.[A-Za-z]+)?}");
    private static final Set<String> DATA_SERVICES = Set.of("dynamodb", "s3", "kms");

    static Stream<String> functions() {
        return TEMPLATE.resourcesOfType("AWS::Serverless::Function").keySet().stream();
    }

    private static List<Map<String, Object>> statements(String function) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object policy : list(properties(TEMPLATE.resources().get(function)).get("Policies"))) {
            assertTrue(policy instanceof Map<?, ?>,
                    function + ": write policies as explicit statements, not SAM policy templates or managed policies: " + policy);
            for (Object statement : list(map(policy).get("Statement"))) {
                result.add(map(statement));
            }
        }
        return result;
    }

    private static List<String> actions(Map<String, Object> statement) {
        return list(statement.get("Action")).stream().map(String::valueOf).toList();
    }

    @ParameterizedTest
    @MethodSource("functions")
    void noWildcardOnDataActions(String function) {
        for (Map<String, Object> statement : statements(function)) {
            String sid = function + "." + statement.get("Sid");
            assertEquals("Allow", statement.get("Effect"), sid);
            assertFalse(statement.containsKey("NotAction") || statement.containsKey("NotResource"), sid);
            for (String action : actions(statement)) {
                assertFalse(action.endsWith(":*") || action.equals("*"), sid + ": name the actions, not " + action);
            }
            boolean data = actions(statement).stream().anyMatch(a -> DATA_SERVICES.contains(a.substring(0, a.indexOf(':'))));
            for (Object resource : list(statement.get("Resource"))) {
                if (data) {
                    assertFalse("*".equals(resource), sid + ": no Resource '*' on DynamoDB, S3 or KMS actions");
                    assertTrue(resource instanceof Map<?, ?>, sid + ": name the resource by !GetAtt or !Sub: " + resource);
                    if (map(resource).get("Fn::Sub") instanceof String sub) {
                        assertTrue(sub.matches("\\$\\{[A-Za-z]+\\.Arn}/(index|forum|inbound)/\\*"),
                                sid + ": only a table's indexes or a bucket's own prefix may end in '*': " + sub);
                    }
                }
            }
        }
    }

    @Test
    void theOnlyWildcardIsPublishingSmsToAPhoneNumber() {
        Set<String> wildcards = new TreeSet<>();
        functions().forEach(function -> statements(function).stream()
                .filter(s -> list(s.get("Resource")).contains("*"))
                .forEach(s -> {
                    assertEquals(List.of("sns:Publish"), actions(s), function + "." + s.get("Sid"));
                    wildcards.add(function);
                }));
        // Exactly the functions that send SMS.
        assertEquals(Set.of("CheckinRemindersFunction", "InboundMessagesFunction"), wildcards);
    }

    @ParameterizedTest
    @MethodSource("functions")
    void tablesInEnvironmentAndPoliciesAgree(String function) {
        Set<String> inEnvironment = new TreeSet<>();
        map(map(properties(TEMPLATE.resources().get(function)).get("Environment")).get("Variables"))
                .forEach((name, value) -> {
                    if (name.startsWith("VAGEN_TABLES_")) {
                        inEnvironment.add((String) map(value).get("Ref"));
                    }
                });
        Set<String> inPolicies = new TreeSet<>();
        for (Map<String, Object> statement : statements(function)) {
            if (actions(statement).stream().noneMatch(a -> a.startsWith("dynamodb:"))) {
                continue;
            }
            for (Object resource : list(statement.get("Resource"))) {
                inPolicies.add(resourceName(map(resource)));
            }
        }
        assertEquals(inEnvironment, inPolicies, function + ": a table name in the environment needs a statement, and back");
    }

    @Test
    void sendersMayOnlySendAsTheSenderIdentity() {
        functions().forEach(function -> statements(function).stream()
                .filter(s -> actions(s).stream().anyMatch(a -> a.startsWith("ses:")))
                .forEach(s -> {
                    assertEquals(List.of("ses:SendEmail"), actions(s), function);
                    list(s.get("Resource")).forEach(r ->
                            assertTrue(String.valueOf(r).contains(":identity/"), function + ": " + r));
                }));
    }

    private static String resourceName(Map<String, Object> resource) {
        if (resource.get("Fn::GetAtt") instanceof List<?> getAtt) {
            return (String) getAtt.get(0);
        }
        Matcher m = SUB_VARIABLE.matcher(String.valueOf(resource.get("Fn::Sub")));
        assertTrue(m.find(), "not a table reference: " + resource);
        return m.group(1);
    }
}
