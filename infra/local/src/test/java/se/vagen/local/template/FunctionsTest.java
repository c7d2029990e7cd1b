package se.vagen.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.vagen.local.template.TemplateFile.list;
import static se.vagen.local.template.TemplateFile.map;
import static se.vagen.local.template.TemplateFile.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runtime, SnapStart, schedules and routes of the functions (six with Micronaut, plus the token trigger). */
class FunctionsTest {

    private static final TemplateFile TEMPLATE = TemplateFile.load();

    /** Handler classes fixed in the helpers' COMMON.md (the local stack uses the same names): CodeUri and Handler by logical id. */
    private static final Map<String, String> HANDLERS = Map.of(
            "FormsFunction", "functions/forms/target/vagen-forms.jar se.vagen.forms.FormsFunction",
            "StaffApiFunction", "functions/staff-api/target/vagen-staff-api.jar se.vagen.staffapi.StaffApiFunction",
            "StaffTokenScopesFunction", "functions/staff-api/target/vagen-staff-api.jar "
                    + "se.vagen.staffapi.StaffTokenScopesFunction::handleRequest",
            "InboundMessagesFunction", "functions/inbound-messages/target/vagen-inbound-messages.jar "
                    + "se.vagen.inbound.InboundMessagesFunction",
            "CheckinRemindersFunction", "functions/checkin-reminders/target/vagen-checkin-reminders.jar "
                    + "se.vagen.reminders.CheckinRemindersFunction",
            "SurveyLinksFunction", "functions/survey-links/target/vagen-survey-links.jar "
                    + "se.vagen.surveylinks.SurveyLinksFunction",
            "ForumListFunction", "functions/forum-list/target/vagen-forum-list.jar se.vagen.forumlist.ForumListFunction");

    static Stream<String> functions() {
        return TEMPLATE.resourcesOfType("AWS::Serverless::Function").keySet().stream();
    }

    private static Map<String, Object> function(String id) {
        return TEMPLATE.resources().get(id);
    }

    @Test
    void theFunctionsWithTheirJarsAndHandlers() {
        Map<String, String> found = new TreeMap<>();
        TEMPLATE.resourcesOfType("AWS::Serverless::Function").forEach((id, f) ->
                found.put(id, properties(f).get("CodeUri") + " " + properties(f).get("Handler")));
        assertEquals(new TreeMap<>(HANDLERS), found);
    }

    @ParameterizedTest
    @MethodSource("functions")
    void java21WithSnapStartOnTheLiveAlias(String id) {
        Map<String, Object> f = function(id);
        assertEquals("java21", TEMPLATE.functionProperty(f, "Runtime"), id);
        assertEquals("PublishedVersions", map(TEMPLATE.functionProperty(f, "SnapStart")).get("ApplyOn"), id);
        assertEquals("live", TEMPLATE.functionProperty(f, "AutoPublishAlias"), id);
        assertNotNull(properties(f).get("MemorySize"), id + ": MemorySize chosen per function");
        assertNotNull(properties(f).get("Timeout"), id + ": Timeout chosen per function");
    }

    @ParameterizedTest
    @MethodSource("functions")
    void prebuiltJarIsNotRebuiltBySam(String id) {
        assertEquals(true, map(function(id).get("Metadata")).get("SkipBuild"),
                id + ": Metadata SkipBuild true, so `sam build` copies the Maven-built jar (docs/deploy.md)");
    }

    @ParameterizedTest
    @MethodSource("functions")
    void commonEnvironmentFromGlobals(String id) {
        Map<String, Object> variables = new LinkedHashMap<>(
                map(map(TEMPLATE.functionProperty(Map.of(), "Environment")).get("Variables")));
        variables.putAll(map(map(properties(function(id)).get("Environment")).get("Variables")));
        for (String name : Set.of("VAGEN_PUBLIC_BASE_URL", "VAGEN_RETENTION_DAYS", "JAVA_TOOL_OPTIONS")) {
            assertTrue(variables.containsKey(name), id + " lacks " + name);
        }
        assertTrue(String.valueOf(variables.get("JAVA_TOOL_OPTIONS")).contains("-XX:TieredStopAtLevel=1"), id);
        variables.keySet().forEach(name -> assertTrue(name.startsWith("VAGEN_") || name.equals("JAVA_TOOL_OPTIONS"),
                id + ": unexpected variable " + name));
    }

    @ParameterizedTest
    @MethodSource("functions")
    void schedulesRunInStockholmTimeAndFailSafely(String id) throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<String, Object> event : map(properties(function(id)).get("Events")).entrySet()) {
            Map<String, Object> e = map(event.getValue());
            assertFalse("Schedule".equals(e.get("Type")), id + ": use ScheduleV2 (EventBridge Scheduler), not Schedule");
            if (!"ScheduleV2".equals(e.get("Type"))) {
                continue;
            }
            String where = id + "." + event.getKey();
            Map<String, Object> p = map(e.get("Properties"));
            assertEquals("Europe/Stockholm", p.get("ScheduleExpressionTimezone"), where);
            assertTrue(String.valueOf(p.get("ScheduleExpression")).startsWith("cron("), where);
            JsonNode input = json.readTree((String) p.get("Input"));
            assertEquals("<aws.scheduler.scheduled-time>", input.path("time").asText(), where);
            assertNotNull(map(p.get("RetryPolicy")).get("MaximumRetryAttempts"), where + ": RetryPolicy");
            assertNotNull(map(p.get("DeadLetterConfig")).get("Arn"), where + ": DeadLetterConfig");
        }
    }

    @Test
    void noScheduleOutsideTheFunctions() {
        // Schedules are ScheduleV2 events of their function; a stand-alone one would escape the checks above.
        assertEquals(Map.of(), TEMPLATE.resourcesOfType("AWS::Scheduler::Schedule"));
        assertEquals(Map.of(), TEMPLATE.resourcesOfType("AWS::Events::Rule"));
    }

    @Test
    void eachScheduledJobHasItsSchedules() {
        Map<String, Set<String>> expressions = new TreeMap<>();
        Map<String, Set<String>> actions = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        TEMPLATE.resourcesOfType("AWS::Serverless::Function").forEach((id, f) ->
                map(properties(f).get("Events")).values().stream().map(TemplateFile::map)
                        .filter(e -> "ScheduleV2".equals(e.get("Type")))
                        .map(e -> map(e.get("Properties")))
                        .forEach(p -> {
                            expressions.computeIfAbsent(id, k -> new TreeSet<>()).add((String) p.get("ScheduleExpression"));
                            try {
                                JsonNode action = json.readTree((String) p.get("Input")).path("action");
                                actions.computeIfAbsent(id, k -> new TreeSet<>()).add(action.isMissingNode() ? "-" : action.asText());
                            } catch (IOException ex) {
                                throw new AssertionError(id + ": Input is not JSON", ex);
                            }
                        }));
        assertEquals(Set.of("CheckinRemindersFunction", "ForumListFunction", "SurveyLinksFunction"), expressions.keySet());
        assertEquals(Set.of("cron(5 9,11,13,15 ? * MON-FRI *)"), expressions.get("CheckinRemindersFunction"));
        assertEquals(Set.of("cron(0 6 ? * MON *)"), expressions.get("ForumListFunction"));
        assertEquals(Set.of("campaign", "reminders"), actions.get("SurveyLinksFunction"));
    }

    @Test
    void routesAndWhoMayCallThem() {
        Map<String, Object> auth = map(properties(TEMPLATE.resources().get("HttpApi")).get("Auth"));
        assertEquals("StaffJwt", auth.get("DefaultAuthorizer"), "routes are closed unless they say otherwise");
        Map<String, String> routes = new TreeMap<>();
        TEMPLATE.resourcesOfType("AWS::Serverless::Function").forEach((id, f) ->
                map(properties(f).get("Events")).values().stream().map(TemplateFile::map)
                        .filter(e -> "HttpApi".equals(e.get("Type")))
                        .map(e -> map(e.get("Properties")))
                        .forEach(p -> routes.put(p.get("Method") + " " + p.get("Path"), id + " " + authorizer(p))));
        // The routes API.md needs, with who may call them.
        Map<String, String> required = Map.of(
                "GET /health", "FormsFunction NONE",
                "GET /c/{token}", "FormsFunction NONE",
                "POST /c/{token}", "FormsFunction NONE",
                "GET /s/{token}", "FormsFunction NONE",
                "POST /s/{token}", "FormsFunction NONE",
                "GET /s/{token}/unsubscribe", "FormsFunction NONE",
                "POST /s/{token}/unsubscribe", "FormsFunction NONE",
                "GET /staff", "StaffApiFunction NONE",
                "ANY /staff/{proxy+}", "StaffApiFunction StaffJwt vagen/staff");
        required.forEach((route, target) -> assertEquals(target, routes.get(route), route));
        // What only admins may do (StaffCaller.admin in the function checks the group again).
        Map<String, String> adminOnly = Map.of(
                "POST /staff/aspirants/import", "StaffApiFunction StaffJwt vagen/admin",
                "DELETE /staff/aspirants/{id}", "StaffApiFunction StaffJwt vagen/admin",
                "POST /staff/employers/import", "StaffApiFunction StaffJwt vagen/admin",
                "POST /staff/surveys/{year}/campaign", "StaffApiFunction StaffJwt vagen/admin");
        adminOnly.forEach((route, target) -> assertEquals(target, routes.get(route), route));
        // A public route is a deliberate decision: add it here with the reason.
        Set<String> publicRoutes = Set.of("GET /health", "GET /c/{token}", "POST /c/{token}", "GET /s/{token}",
                "POST /s/{token}", "GET /staff",
                "GET /s/{token}/unsubscribe", "POST /s/{token}/unsubscribe", // the survey's "no more e-mails" link
                "GET /staff-assets/{proxy+}"); // the staff page's script and style; no data
        routes.forEach((route, target) -> {
            if (target.endsWith(" NONE")) {
                assertTrue(publicRoutes.contains(route), route + " is public; is that intended?");
            } else {
                assertTrue(target.endsWith(" StaffJwt vagen/staff") || target.endsWith(" StaffJwt vagen/admin"),
                        route + ": every staff route needs the JWT and a staff or admin scope, not " + target);
            }
        });
        Map<String, Object> jwt = map(map(map(auth.get("Authorizers")).get("StaffJwt")).get("JwtConfiguration"));
        Map<String, Object> pool = properties(TEMPLATE.resources().get("StaffUserPool"));
        Map<String, Object> trigger = map(map(pool.get("LambdaConfig")).get("PreTokenGenerationConfig"));
        assertEquals(Map.of("Ref", "StaffTokenScopesFunction.Alias"), trigger.get("LambdaArn"),
                "the scopes come from the trigger (its live alias, so SnapStart applies)");
        assertEquals("V2_0", trigger.get("LambdaVersion"), "V2_0: the event that can change the access token");
        assertEquals("ESSENTIALS", pool.get("UserPoolTier"), "access-token customisation needs Essentials");
        Map<String, Object> server = properties(TEMPLATE.resources().get("StaffApiResourceServer"));
        assertEquals("vagen", server.get("Identifier"));
        assertEquals(List.of("staff", "admin"), list(server.get("Scopes")).stream()
                .map(scope -> map(scope).get("ScopeName")).toList());
        assertFalse(String.valueOf(properties(TEMPLATE.resources().get("StaffUserPoolClient")).get("AllowedOAuthScopes"))
                .contains("vagen/"), "a client may not ask for the staff scopes itself; only the trigger grants them");
        assertEquals(list(Map.of("Ref", "StaffUserPoolClient")), jwt.get("audience"));
        assertTrue(String.valueOf(jwt.get("issuer")).contains("${StaffUserPool}"), "issuer is the user pool");
    }

    /** "NONE", or "StaffJwt" followed by the scopes the route requires. */
    private static String authorizer(Map<String, Object> eventProperties) {
        Map<String, Object> auth = eventProperties.containsKey("Auth") ? map(eventProperties.get("Auth")) : Map.of();
        Object name = auth.getOrDefault("Authorizer", "StaffJwt");
        List<Object> scopes = auth.containsKey("AuthorizationScopes") ? list(auth.get("AuthorizationScopes")) : List.of();
        return scopes.isEmpty() ? String.valueOf(name)
                : name + " " + String.join(" ", scopes.stream().map(String::valueOf).toList());
    }
}
