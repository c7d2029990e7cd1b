package se.vagen.aws.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import se.vagen.common.InvalidCursorException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Pagination cursors: the URL-safe base64 of a query's LastEvaluatedKey as JSON ({@code {"name": "value"}};
 * every key attribute of these tables is a string). A cursor must hold exactly the key attributes of the
 * listing it continues, so a tampered one is refused before it reaches DynamoDB.
 */
public final class Cursors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Cursors() {
    }

    public static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        Map<String, String> plain = new LinkedHashMap<>();
        lastEvaluatedKey.forEach((name, value) -> plain.put(name, value.s()));
        try {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(JSON.writeValueAsBytes(plain));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not encode a cursor", e);
        }
    }

    /** The ExclusiveStartKey, or null for no cursor; {@link InvalidCursorException} when it is not one of ours. */
    public static Map<String, AttributeValue> decode(String cursor, Set<String> keyAttributes) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        Map<String, String> plain;
        try {
            byte[] json = Base64.getUrlDecoder().decode(cursor.trim());
            plain = JSON.readValue(new String(json, StandardCharsets.UTF_8), new TypeReference<Map<String, String>>() {
            });
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new InvalidCursorException("Not a cursor of this listing");
        }
        if (plain == null || !plain.keySet().equals(keyAttributes) || plain.values().stream().anyMatch(v -> v == null || v.isEmpty())) {
            throw new InvalidCursorException("Not a cursor of this listing");
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        plain.forEach((name, value) -> key.put(name, AttributeValue.fromS(value)));
        return key;
    }
}
