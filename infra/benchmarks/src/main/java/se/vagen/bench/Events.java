package se.vagen.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One representative event per function, built from the real samples in /work/shared/events (copied to
 * infra/benchmarks/src/main/resources/events): an HTTP API v2 request for the two HTTP functions, the two-way
 * SMS SNS notification for inbound-messages, and the scheduler's input for the three jobs.
 */
final class Events {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A well-formed link token (22 URL-safe characters) that no table holds: the forms function looks it up. */
    static final String UNKNOWN_TOKEN = "bEnChMaRkUnKnOwNtOkEn0";
    /** The scheduled instant of the jobs: a Monday, 09:00 in Stockholm. */
    static final String RUN_AT = "2026-11-23T09:00:00+01:00";

    private Events() {
    }

    static byte[] forFunction(String name, String aspirantId) throws IOException {
        return switch (name) {
            case "forms" -> http("GET", "/c/" + UNKNOWN_TOKEN, null);
            case "staff-api" -> http("GET", "/staff/aspirants/" + aspirantId, "anna");
            case "inbound-messages" -> resource("sns_two_way_sms_event.json");
            case "StaffTokenScopesFunction" -> cognitoPreTokenGeneration();
            default -> JSON.writeValueAsBytes(JSON.createObjectNode().put("time", RUN_AT));
        };
    }

    /** Cognito's pre-token-generation event (V2_0) for a user in the staff group, as at a sign-in. */
    static byte[] cognitoPreTokenGeneration() throws IOException {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2").put("triggerSource", "TokenGeneration_HostedAuth").put("region", "eu-north-1")
                .put("userPoolId", "eu-north-1_BENCHMARK").put("userName", "3c7b1f2e-0000-4000-8000-000000000001");
        event.putObject("callerContext").put("awsSdkVersion", "aws-sdk-unknown-unknown").put("clientId", "benchmark");
        ObjectNode request = event.putObject("request");
        request.putObject("userAttributes").put("sub", "3c7b1f2e-0000-4000-8000-000000000001")
                .put("email_verified", "true");
        request.putObject("groupConfiguration").putArray("groupsToOverride").add("staff");
        request.putArray("scopes").add("openid").add("email").add("profile");
        event.putObject("response").putNull("claimsAndScopeOverrideDetails");
        return JSON.writeValueAsBytes(event);
    }

    /** The forms GET, used by the baseline too (it does the same GetItem). */
    static byte[] baseline() throws IOException {
        return forFunction("forms", null);
    }

    static byte[] http(String method, String path, String staffUser) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(resource("apigw_http_event.json"));
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        event.remove("queryStringParameters");
        event.remove("cookies");
        event.remove("pathParameters");
        event.remove("stageVariables");
        event.remove("body");
        ObjectNode headers = event.putObject("headers");
        headers.put("accept", "text/html,application/json");
        headers.put("accept-language", "sv-SE,sv;q=0.9,en;q=0.8");
        headers.put("host", "api.vagen.example");
        headers.put("user-agent", "Mozilla/5.0 (Linux; Android 14) benchmark");
        ObjectNode context = (ObjectNode) event.get("requestContext");
        ObjectNode http = (ObjectNode) context.get("http");
        http.put("method", method);
        http.put("path", path);
        http.put("sourceIp", "198.51.100.7");
        context.put("domainName", "api.vagen.example");
        context.put("timeEpoch", System.currentTimeMillis());
        if (staffUser == null) {
            context.remove("authorizer");
        } else {
            ObjectNode claims = JSON.createObjectNode();
            claims.put("sub", "3f1c2e9a-1b2c-4d5e-8f90-0a1b2c3d4e5f");
            claims.put("username", staffUser);
            claims.put("cognito:groups", "[staff]");
            claims.put("token_use", "access");
            ObjectNode jwt = JSON.createObjectNode();
            jwt.set("claims", claims);
            jwt.putArray("scopes").add("vagen/staff");
            ObjectNode authorizer = JSON.createObjectNode();
            authorizer.set("jwt", jwt);
            context.set("authorizer", authorizer);
        }
        return JSON.writeValueAsBytes(event);
    }

    static byte[] resource(String name) throws IOException {
        try (var in = Events.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                Path shared = Path.of("/work/shared/events", name);
                if (Files.exists(shared)) {
                    return Files.readAllBytes(shared);
                }
                throw new IOException("Missing sample event " + name);
            }
            return in.readAllBytes();
        }
    }
}
