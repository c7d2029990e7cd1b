package se.vagen.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Test helper: sets or removes a value at a path like {@code plan.activities[0].hoursPerWeek}. */
public final class JsonEdits {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonEdits() {
    }

    public static ObjectNode read(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code valueJson} is JSON text, or REMOVE to delete the field. Several edits: separated by " && ". */
    public static ObjectNode edit(ObjectNode root, String path, String valueJson) {
        String[] paths = path.split(" && ");
        String[] values = valueJson.split(" && ");
        for (int i = 0; i < paths.length; i++) {
            one(root, paths[i].trim(), values[i].trim());
        }
        return root;
    }

    private static void one(ObjectNode root, String path, String valueJson) {
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = step(node, parts[i]);
        }
        String last = parts[parts.length - 1];
        JsonNode value = null;
        if (!valueJson.equals("REMOVE")) {
            try {
                value = MAPPER.readTree(valueJson);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(valueJson, e);
            }
        }
        if (last.contains("[")) {
            ArrayNode array = (ArrayNode) ((ObjectNode) node).get(last.substring(0, last.indexOf('[')));
            int index = Integer.parseInt(last.substring(last.indexOf('[') + 1, last.indexOf(']')));
            if (value == null) {
                array.remove(index);
            } else if (index < array.size()) {
                array.set(index, value);
            } else {
                array.add(value);
            }
        } else if (value == null) {
            ((ObjectNode) node).remove(last);
        } else {
            ((ObjectNode) node).set(last, value);
        }
    }

    private static JsonNode step(JsonNode node, String part) {
        if (part.contains("[")) {
            JsonNode array = node.get(part.substring(0, part.indexOf('[')));
            return array.get(Integer.parseInt(part.substring(part.indexOf('[') + 1, part.indexOf(']'))));
        }
        return node.get(part);
    }
}
