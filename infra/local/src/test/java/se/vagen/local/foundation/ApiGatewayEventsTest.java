package se.vagen.local.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.vagen.local.http.ApiGatewayEvents;
import se.vagen.local.http.LocalRequest;

/** The request and response mapping follows API Gateway HTTP API payload 2.0. */
class ApiGatewayEventsTest {

    private static LocalRequest request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        return new LocalRequest(method, path, query, headers, body, "127.0.0.1");
    }

    @Test
    void aFormPostBecomesAVersion2Event() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/x-www-form-urlencoded"));
        headers.put("cookie", List.of("a=1; b=2"));
        headers.put("accept-language", List.of("sv", "en"));
        APIGatewayV2HTTPEvent event = ApiGatewayEvents.toEvent(
                request("POST", "/c/abc%2Fx", "q=1&q=2&x=%C3%A5", headers, "participation=YES".getBytes(StandardCharsets.UTF_8)),
                "ANY /c/{token}", Map.of("token", "abc/x"), null);
        assertEquals("2.0", event.getVersion());
        assertEquals("ANY /c/{token}", event.getRouteKey());
        assertEquals("/c/abc%2Fx", event.getRawPath());
        assertEquals("q=1&q=2&x=%C3%A5", event.getRawQueryString());
        assertEquals(Map.of("q", "1,2", "x", "å"), event.getQueryStringParameters());
        assertEquals(List.of("a=1", "b=2"), event.getCookies());
        assertFalse(event.getHeaders().containsKey("cookie"));
        assertEquals("sv,en", event.getHeaders().get("accept-language"));
        assertEquals("participation=YES", event.getBody());
        assertFalse(event.getIsBase64Encoded());
        assertEquals("POST", event.getRequestContext().getHttp().getMethod());
        assertEquals("/c/abc/x", event.getRequestContext().getHttp().getPath());
        assertEquals("127.0.0.1", event.getRequestContext().getHttp().getSourceIp());
        assertTrue(event.getRequestContext().getRequestId().length() > 10);
        assertTrue(event.getRequestContext().getTimeEpoch() > 0);
        assertNull(event.getRequestContext().getAuthorizer());
    }

    @Test
    void aBinaryBodyIsBase64AndClaimsArePassedOn() {
        byte[] xlsx = {0x50, 0x4b, 0x03, 0x04, (byte) 0xff};
        APIGatewayV2HTTPEvent event = ApiGatewayEvents.toEvent(
                request("POST", "/staff/x", null, Map.of("content-type", List.of("application/octet-stream")), xlsx),
                "ANY /staff/{proxy+}", Map.of("proxy", "x"),
                new ApiGatewayEvents.JwtAuthorization(Map.of("cognito:groups", "[staff admin]"), List.of("openid")));
        assertTrue(event.getIsBase64Encoded());
        assertEquals(Base64.getEncoder().encodeToString(xlsx), event.getBody());
        assertEquals("", event.getRawQueryString());
        assertNull(event.getQueryStringParameters());
        assertEquals("[staff admin]", event.getRequestContext().getAuthorizer().getJwt().getClaims().get("cognito:groups"));
        assertEquals(List.of("openid"), event.getRequestContext().getAuthorizer().getJwt().getScopes());
    }

    @Test
    void theResponseKeepsHeadersCookiesAndBinaryBodies() {
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "application/octet-stream"))
                .withMultiValueHeaders(Map.of("Vary", List.of("Accept", "Accept-Language")))
                .withCookies(List.of("s=1; HttpOnly"))
                .withBody(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}))
                .withIsBase64Encoded(true)
                .build();
        ApiGatewayEvents.Written written = ApiGatewayEvents.fromResponse(response);
        assertEquals(201, written.status());
        assertEquals(List.of("application/octet-stream"), written.headers().get("Content-Type"));
        assertEquals(List.of("Accept", "Accept-Language"), written.headers().get("Vary"));
        assertEquals(List.of("s=1; HttpOnly"), written.headers().get("Set-Cookie"));
        assertEquals(3, written.body().length);
    }
}
