package se.vagen.validation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** Reads a request body into a Jackson tree; syntax errors become {@link MalformedJsonException}. */
public final class JsonInput {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonInput() {
    }

    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedJsonException("Tom begäran: en JSON-kropp krävs.");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new MalformedJsonException("Tom begäran: en JSON-kropp krävs.");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (rad " + at.getLineNr() + ", kolumn " + at.getColumnNr() + ")";
            throw new MalformedJsonException("Ogiltig JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedJsonException("Ogiltig JSON: kroppen kunde inte läsas.");
        }
    }

    /** Thrown when a body is not JSON at all; the message says where parsing stopped. */
    public static class MalformedJsonException extends RuntimeException {
        public MalformedJsonException(String message) {
            super(message);
        }
    }
}
