package se.vagen.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The no-framework baseline of the cold-start benchmark: what a hand-written Java Lambda handler costs when it
 * does the forms function's first DynamoDB call (GetItem of a link token's hash) and answers like an HTTP API
 * handler. The client is built in static initialisation, as AWS recommends, on the same url-connection HTTP
 * client and default credential chain as Vägen's functions.
 */
public class BaselineFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final DynamoDbClient DYNAMODB = client();
    private static final String TABLE = System.getenv().getOrDefault("VAGEN_TABLES_TOKENS", "vagen-tokens");

    private static DynamoDbClient client() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "eu-north-1")))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClient(UrlConnectionHttpClient.create());
        String endpoint = System.getenv("VAGEN_AWS_DYNAMODB_ENDPOINT");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Object path = event == null ? null : event.get("rawPath");
        String token = path instanceof String p && p.lastIndexOf('/') >= 0 ? p.substring(p.lastIndexOf('/') + 1) : "none";
        GetItemResponse item = DYNAMODB.getItem(b -> b.tableName(TABLE)
                .key(Map.of("tokenHash", AttributeValue.fromS(sha256(token)))));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("statusCode", item.hasItem() ? 200 : 404);
        response.put("headers", Map.of("Content-Type", "text/html; charset=utf-8"));
        response.put("body", item.hasItem() ? "<p>found</p>" : "<p>not found</p>");
        return response;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
