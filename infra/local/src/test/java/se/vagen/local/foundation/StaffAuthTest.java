package se.vagen.local.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vagen.local.auth.LocalJwt;
import se.vagen.local.testing.VagenStack;

/** The JWT authorizer emulation and the staff group check, through real HTTP. */
class StaffAuthTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final VagenStack stack = VagenStack.shared();

    @Test
    void healthIsUpWhenEveryPartAnswers() throws Exception {
        HttpResponse<String> response = stack.get("/health", null);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("UP", body.path("status").asText());
        assertEquals("UP", body.path("parts").path("dynamodb").asText());
        assertEquals("UP", body.path("parts").path("s3").asText());
        assertEquals("UP", body.path("parts").path("outbox").asText());
    }

    @Test
    void devTokenIssuesATokenTheStaffRoutesAccept() throws Exception {
        HttpResponse<String> issued = stack.post("/dev/token", "application/json",
                "{\"user\":\"anna\",\"groups\":[\"staff\"]}", null);
        assertEquals(200, issued.statusCode(), issued.body());
        String token = JSON.readTree(issued.body()).path("token").asText();
        assertEquals(200, stack.get("/staff/forum-lists", token).statusCode());
    }

    @Test
    void devTokenRejectsBadInput() {
        for (String body : List.of("", "not json", "[]", "{}", "{\"user\":\"\"}", "{\"user\":\"a b\"}",
                "{\"user\":\"anna\",\"groups\":\"staff\"}", "{\"user\":\"anna\",\"groups\":[1]}")) {
            HttpResponse<String> response = stack.post("/dev/token", "application/json", body, null);
            assertEquals(400, response.statusCode(), body);
            assertTrue(response.body().contains("\"message\""), response.body());
        }
    }

    @Test
    void withoutATokenTheAuthorizerAnswers401() {
        HttpResponse<String> response = stack.get("/staff/forum-lists", null);
        assertEquals(401, response.statusCode());
        assertEquals("{\"message\":\"Unauthorized\"}", response.body());
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() {
        String forged = new LocalJwt().issue("mallory", List.of("staff"));
        assertEquals(401, stack.get("/staff/forum-lists", forged).statusCode());
        assertEquals(401, stack.get("/staff/forum-lists", "not.a.jwt").statusCode());
    }

    @Test
    void anExpiredTokenIsRejected() {
        String expired = stack.stack().jwt().issue("anna", List.of("staff"),
                Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
        assertEquals(401, stack.get("/staff/forum-lists", expired).statusCode());
    }

    @Test
    void aValidTokenWithoutTheStaffGroupGets403() {
        HttpResponse<String> response = stack.get("/staff/forum-lists", stack.staffToken("bo", "reception"));
        assertEquals(403, response.statusCode(), response.body());
    }

    @Test
    void aStaffTokenGets200() {
        HttpResponse<String> response = stack.get("/staff/forum-lists", stack.staffToken("anna", "staff", "admin"));
        assertEquals(200, response.statusCode(), response.body());
    }

    /** The local sign-in issues the scopes Cognito's trigger would (StaffTokenScopesFunction, StaffScopes). */
    @ParameterizedTest(name = "groups [{0}] -> scopes [{1}]")
    @CsvSource(delimiter = '|', value = {
            "staff       | aws.cognito.signin.user.admin vagen/staff",
            "admin       | aws.cognito.signin.user.admin vagen/staff vagen/admin",
            "staff admin | aws.cognito.signin.user.admin vagen/staff vagen/admin",
            "reception   | aws.cognito.signin.user.admin",
    })
    void tokensCarryTheScopesOfTheirGroups(String groups, String scopes) {
        String token = stack.staffToken("anna", groups.split(" "));
        assertEquals(List.of(scopes.split(" ")), stack.stack().jwt().verify(token).orElseThrow().scopes());
    }

    @Test
    void adminRoutesNeedTheAdminScopeAtTheGateway() {
        HttpResponse<String> staff = stack.post("/staff/employers/import", "text/csv", "", stack.staffToken("anna", "staff"));
        assertEquals(403, staff.statusCode());
        assertEquals("{\"message\":\"Forbidden\"}", staff.body(), "API Gateway's answer, before the function");
        HttpResponse<String> admin = stack.post("/staff/employers/import", "text/csv", "", stack.staffToken("ada", "staff", "admin"));
        assertEquals(400, admin.statusCode(), "past the gateway, the function itself says what is wrong: " + admin.body());
        assertTrue(admin.body().contains("\"error\""), admin.body());
    }

    @Test
    void unknownRoutesAnswer404LikeApiGateway() {
        HttpResponse<String> response = stack.get("/nope", null);
        assertEquals(404, response.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", response.body());
    }
}
