package se.vagen.aws.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.checkin.RecentCheckIns;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Writes one cycle's entry of the recent check-ins summary on the aspirant item (template.yaml, AspirantsTable
 * pattern 7). Only that cycle's entry is touched ({@code SET recent.#cycle = :entry}), so writers of different
 * cycles never overwrite each other, and only if the stored entry was built from an older revision of the check-in,
 * so a late writer never replaces a newer state. Never for a missing or erased aspirant (the condition says so).
 * The entry's value is mapped by the enhanced client's bean schema ({@link RecentEntryBean}); only the update
 * expression names the attributes, which the bean mapping cannot express.
 * <p>
 * An aspirant made before the summary existed has no map: the first write creates it with that one entry and
 * {@code recentSince} = the cycle (older cycles unknown until the weekly list backfills them). When the map holds more
 * than {@link RecentCheckIns#KEEP} + {@link RecentCheckIns#TRIM_SLACK} cycles, the oldest beyond KEEP are removed
 * with a second, conditional write (about one in five new cycles).
 */
final class RecentCheckInsWriter {

    private static final Logger LOG = LoggerFactory.getLogger(RecentCheckInsWriter.class);
    private static final TableSchema<RecentEntryBean> ENTRY = TableSchema.fromBean(RecentEntryBean.class);
    private static final TableSchema<AspirantItem> ASPIRANT = TableSchema.fromBean(AspirantItem.class);
    private static final String NOT_ERASED = "(attribute_not_exists(erased) OR erased = :false)";

    private final DynamoDbClient dynamo;
    private final String table;

    RecentCheckInsWriter(DynamoDbClient dynamo, String aspirantsTable) {
        this.dynamo = dynamo;
        this.table = aspirantsTable;
    }

    static AttributeValue entryValue(RecentCheckIns.Entry entry) {
        return AttributeValue.fromM(ENTRY.itemToMap(RecentEntryBean.from(entry), true));
    }

    /** Sets the cycle's entry unless a newer one is stored; false when nothing was written. */
    boolean record(String aspirantId, String cycle, RecentCheckIns.Entry entry) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                UpdateItemResponse response = dynamo.updateItem(UpdateItemRequest.builder()
                        .tableName(table)
                        .key(key(aspirantId))
                        .updateExpression("SET #recent.#cycle = :entry ADD #rev :one")
                        .conditionExpression("attribute_exists(#recent) AND " + NOT_ERASED
                                + " AND (attribute_not_exists(#recent.#cycle) OR #recent.#cycle.#entryRev < :entryRev)")
                        .expressionAttributeNames(Map.of("#recent", "recent", "#cycle", cycle, "#rev", "recentRev",
                                "#entryRev", "rev"))
                        .expressionAttributeValues(Map.of(":entry", entryValue(entry), ":one", AttributeValue.fromN("1"),
                                ":false", AttributeValue.fromBool(false),
                                ":entryRev", AttributeValue.fromN(Long.toString(entry.rev()))))
                        .returnValues(ReturnValue.ALL_NEW)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build());
                trimIfLong(aspirantId, ASPIRANT.mapToItem(response.attributes()));
                return true;
            } catch (ConditionalCheckFailedException e) {
                // No map yet (an aspirant made before the summary), a newer entry, or no such aspirant / erased.
                Map<String, AttributeValue> old = e.hasItem() ? e.item() : Map.of();
                AttributeValue erased = old.get("erased");
                if (old.containsKey("recent") || (erased != null && Boolean.TRUE.equals(erased.bool()))) {
                    return false; // a newer entry is stored, or the aspirant is erased: nothing to do
                }
            }
            try {
                dynamo.updateItem(UpdateItemRequest.builder()
                        .tableName(table)
                        .key(key(aspirantId))
                        .updateExpression("SET #recent = :map, #since = :cycle ADD #rev :one")
                        .conditionExpression("attribute_exists(id) AND attribute_not_exists(#recent) AND " + NOT_ERASED)
                        .expressionAttributeNames(Map.of("#recent", "recent", "#since", "recentSince", "#rev", "recentRev"))
                        .expressionAttributeValues(Map.of(":map", AttributeValue.fromM(Map.of(cycle, entryValue(entry))),
                                ":cycle", AttributeValue.fromS(cycle), ":one", AttributeValue.fromN("1"),
                                ":false", AttributeValue.fromBool(false)))
                        .build());
                LOG.info("Recent check-ins summary started for aspirant {} at {}", aspirantId, cycle);
                return true;
            } catch (ConditionalCheckFailedException e) {
                // The map exists (a newer entry, or another writer created it just now: try once more), or the
                // aspirant does not exist or is erased.
            }
        }
        return false;
    }

    private void trimIfLong(String aspirantId, AspirantItem item) {
        RecentCheckIns recent = item.toRecent();
        List<String> drop = recent == null ? List.of() : recent.toTrim();
        if (drop.isEmpty()) {
            return;
        }
        Map<String, String> names = new HashMap<>(Map.of("#recent", "recent", "#since", "recentSince", "#rev", "recentRev"));
        List<String> removes = new ArrayList<>();
        for (int i = 0; i < drop.size(); i++) {
            names.put("#c" + i, drop.get(i));
            removes.add("#recent.#c" + i);
        }
        String oldestKept = recent.entries().navigableKeySet().higher(drop.get(drop.size() - 1));
        try {
            dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(key(aspirantId))
                    .updateExpression("REMOVE " + String.join(", ", removes) + " SET #since = :since ADD #rev :one")
                    .conditionExpression("#rev = :seen")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(":since", AttributeValue.fromS(recent.sinceAfterTrim(oldestKept)),
                            ":seen", AttributeValue.fromN(Long.toString(item.getRecentRev())),
                            ":one", AttributeValue.fromN("1")))
                    .build());
        } catch (ConditionalCheckFailedException e) {
            // Another write came in between: the next write trims.
        }
    }

    private static Map<String, AttributeValue> key(String aspirantId) {
        return Map.of("id", AttributeValue.fromS(aspirantId));
    }
}
