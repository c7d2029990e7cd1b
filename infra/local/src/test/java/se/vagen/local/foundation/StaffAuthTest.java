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

    @Test
    void unknownRoutesAnswer404LikeApiGateway() {
        HttpResponse<String> response = stack.get("/nope", null);
        assertEquals(404, response.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", response.body());
    }
}
