package se.vagen.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.vagen.local.template.TemplateFile.list;
import static se.vagen.local.template.TemplateFile.map;
import static se.vagen.local.template.TemplateFile.properties;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every DynamoDB table keeps the data rules of DESIGN.md, and its definition is one DynamoDB accepts. */
class TablesTest {

    private static final TemplateFile TEMPLATE = TemplateFile.load();

    static Stream<String> tables() {
        return TEMPLATE.resourcesOfType("AWS::DynamoDB::Table").keySet().stream();
    }

    private static Map<String, Object> table(String id) {
        return properties(TEMPLATE.resources().get(id));
    }

    @ParameterizedTest
    @MethodSource("tables")
    void onDemandWithPointInTimeRecovery(String id) {
        Map<String, Object> table = table(id);
        assertEquals("PAY_PER_REQUEST", table.get("BillingMode"), id);
        assertEquals(true, map(table.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled"), id);
    }

    @ParameterizedTest
    @MethodSource("tables")
    void keptWhenTheStackIsDeletedOrTheTableReplaced(String id) {
        Map<?, ?> resource = (Map<?, ?>) TEMPLATE.resources().get(id);
        assertEquals("Retain", resource.get("DeletionPolicy"), id);
        assertEquals("Retain", resource.get("UpdateReplacePolicy"), id);
    }

    @ParameterizedTest
    @MethodSource("tables")
    void encryptedWithTheCustomerManagedKey(String id) {
        Map<String, Object> sse = map(table(id).get("SSESpecification"));
        assertEquals(true, sse.get("SSEEnabled"), id);
        assertEquals("KMS", sse.get("SSEType"), id);
        assertEquals(Map.of("Ref", "DataKey"), sse.get("KMSMasterKeyId"), id);
    }

    @ParameterizedTest
    @MethodSource("tables")
    void hasTimeToLive(String id) {
        Map<String, Object> ttl = map(table(id).get("TimeToLiveSpecification"));
        assertEquals(true, ttl.get("Enabled"), id);
        assertEquals("expiresAt", ttl.get("AttributeName"), id);
    }

    @ParameterizedTest
    @MethodSource("tables")
    void hasAccessPatternComment(String id) {
        // The comment block right above "  <Id>:" must list the access patterns.
        String text = TEMPLATE.text;
        int at = text.indexOf("\n  " + id + ":\n");
        assertTrue(at > 0, id + " not found in the raw text");
        List<String> above = text.substring(0, at).lines().toList();
        StringBuilder comment = new StringBuilder();
        for (int i = above.size() - 1; i >= 0 && above.get(i).strip().startsWith("#"); i--) {
            comment.insert(0, above.get(i).strip() + "\n");
        }
        String block = comment.toString();
        assertTrue(block.contains("Access patterns:"), id + " needs an 'Access patterns:' comment above it");
        assertTrue(block.matches("(?s).*\\b1\\..*->.*"), id + ": list the patterns as '1. what -> GetItem/Query(...)'");
    }

    @ParameterizedTest
    @MethodSource("tables")
    void attributeDefinitionsAreExactlyTheKeyAttributes(String id) {
        // DynamoDB rejects a table whose AttributeDefinitions hold an attribute no key uses,
        // and every key attribute (table or GSI) must be defined.
        Map<String, Object> table = table(id);
        Set<String> defined = new LinkedHashSet<>();
        for (Object definition : list(table.get("AttributeDefinitions"))) {
            defined.add((String) map(definition).get("AttributeName"));
        }
        Set<String> keys = new LinkedHashSet<>(keyAttributes(table.get("KeySchema")));
        for (Object index : list(table.get("GlobalSecondaryIndexes"))) {
            List<String> indexKeys = keyAttributes(map(index).get("KeySchema"));
            assertTrue(defined.containsAll(indexKeys),
                    id + "." + map(index).get("IndexName") + ": key attributes " + indexKeys + " must be in AttributeDefinitions");
            keys.addAll(indexKeys);
        }
        assertEquals(keys, defined, id + ": AttributeDefinitions must be exactly the key attributes");
    }

    @ParameterizedTest
    @MethodSource("tables")
    void namedAfterTheStage(String id) {
        Object name = table(id).get("TableName");
        assertTrue(String.valueOf(name).contains("${Stage}-vagen-"), id + ": TableName !Sub ${Stage}-vagen-...");
    }

    private static List<String> keyAttributes(Object keySchema) {
        return list(keySchema).stream().map(k -> (String) map(k).get("AttributeName")).toList();
    }
}
