package se.vagen.aws.dynamodb;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import se.vagen.aws.TableNames;
import se.vagen.idempotency.SendLedger;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The exactly-once ledger in IdempotencyTable. {@link #claim} is a conditional PutItem
 * ({@code attribute_not_exists(key) OR status = FAILED}): one caller wins, also when many run at once; a failed
 * send can be claimed again by a later run, a claimed or sent one never. A claim left behind by a run that died
 * between claim and send stays CLAIMED: we prefer a missing reminder over a duplicate one (see docs/checkin.md).
 */
@Singleton
public class DynamoSendLedger implements SendLedger {

    static final String CLAIMED = "CLAIMED";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    private final DynamoDbTable<LedgerItem> table;

    public DynamoSendLedger(DynamoDbEnhancedClient client, TableNames names) {
        this.table = client.table(TableNames.required(names.idempotency(), "idempotency"),
                TableSchema.fromBean(LedgerItem.class));
    }

    @Override
    public boolean claim(String key, Instant now, Instant expiresAt) {
        LedgerItem item = new LedgerItem();
        item.setKey(key);
        item.setStatus(CLAIMED);
        item.setClaimedAt(now.toString());
        item.setExpiresAt(expiresAt.getEpochSecond());
        Expression condition = Expression.builder()
                .expression("attribute_not_exists(#k) OR #s = :failed")
                .expressionNames(Map.of("#k", "key", "#s", "status"))
                .expressionValues(Map.of(":failed", AttributeValue.fromS(FAILED)))
                .build();
        try {
            table.putItem(PutItemEnhancedRequest.builder(LedgerItem.class).item(item).conditionExpression(condition).build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void markSent(String key, Instant now) {
        LedgerItem update = new LedgerItem();
        update.setKey(key);
        update.setStatus(SENT);
        update.setSentAt(now.toString());
        table.updateItem(UpdateItemEnhancedRequest.builder(LedgerItem.class).item(update).ignoreNulls(true).build());
    }

    @Override
    public void markFailed(String key, Instant now, String reason) {
        LedgerItem update = new LedgerItem();
        update.setKey(key);
        update.setStatus(FAILED);
        update.setFailedAt(now.toString());
        update.setReason(reason == null ? "unknown" : reason.length() > 200 ? reason.substring(0, 200) : reason);
        Expression notSent = Expression.builder()
                .expression("attribute_exists(#k) AND #s <> :sent")
                .expressionNames(Map.of("#k", "key", "#s", "status"))
                .expressionValues(Map.of(":sent", AttributeValue.fromS(SENT)))
                .build();
        try {
            table.updateItem(UpdateItemEnhancedRequest.builder(LedgerItem.class)
                    .item(update).ignoreNulls(true).conditionExpression(notSent).build());
        } catch (ConditionalCheckFailedException e) {
            // Already sent (or never claimed): nothing to record.
        }
    }

    /** The key's status (CLAIMED, SENT, FAILED) or null; for tests and diagnostics. */
    public String status(String key) {
        LedgerItem item = table.getItem(r -> r.key(k -> k.partitionValue(key)).consistentRead(true));
        return item == null ? null : item.getStatus();
    }
}
