package se.vagen.local.reliability;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import se.vagen.local.testing.VagenStack;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** The keys of every item of every table (Scan with a key projection), to compare a table before and after. */
final class TableKeys {

    private TableKeys() {
    }

    /** The key of every item of every table of template.yaml, as "hashKey|rangeKey" strings. */
    static Map<String, Set<String>> snapshot(VagenStack stack) {
        Map<String, Set<String>> keys = new TreeMap<>();
        for (String table : stack.stack().tables().physicalNames().values()) {
            List<String> keyNames = stack.dynamoDb().describeTable(b -> b.tableName(table)).table().keySchema().stream()
                    .map(KeySchemaElement::attributeName).toList();
            Set<String> found = new TreeSet<>();
            Map<String, AttributeValue> start = null;
            do {
                ScanRequest.Builder scan = ScanRequest.builder().tableName(table)
                        .projectionExpression(String.join(", ", keyNames.stream().map(k -> "#" + k.replaceAll("[^A-Za-z0-9]", "")).toList()))
                        .expressionAttributeNames(keyNames.stream().collect(Collectors.toMap(
                                k -> "#" + k.replaceAll("[^A-Za-z0-9]", ""), k -> k)));
                if (start != null) {
                    scan.exclusiveStartKey(start);
                }
                ScanResponse page = stack.dynamoDb().scan(scan.build());
                for (Map<String, AttributeValue> item : page.items()) {
                    found.add(keyNames.stream().map(k -> String.valueOf(item.get(k))).reduce((a, b) -> a + "|" + b).orElse(""));
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
            keys.put(table, found);
        }
        return keys;
    }


    /** What {@code after} holds that {@code before} did not ("table: key"), and what it lost ("-table: key"). */
    static List<String> changes(Map<String, Set<String>> before, Map<String, Set<String>> after) {
        List<String> changed = new java.util.ArrayList<>();
        for (String table : before.keySet()) {
            for (String key : after.get(table)) {
                if (!before.get(table).contains(key)) {
                    changed.add(table + ": " + key);
                }
            }
            for (String key : before.get(table)) {
                if (!after.get(table).contains(key)) {
                    changed.add("-" + table + ": " + key);
                }
            }
        }
        return changed;
    }
}
