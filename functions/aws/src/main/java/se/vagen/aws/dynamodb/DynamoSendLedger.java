package se.vagen.aws.dynamodb;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.aws.TableNames;
import se.vagen.idempotency.ClaimLease;
import se.vagen.idempotency.LedgerStatus;
import se.vagen.idempotency.SendLedger;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedResponse;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The exactly-once ledger in IdempotencyTable. {@link #claim} is one conditional PutItem, the {@link ClaimLease}
 * rule written as a condition:
 * <pre>
 * attribute_not_exists(key) OR status = FAILED OR (status = CLAIMED AND claimedAtMillis &lt; clock - lease)
 * </pre>
 * One caller wins, also when many run at once (DynamoDB evaluates the condition and writes atomically); a failed
 * send can be claimed again by a later run; a sent one never; a claim left behind by a run that died between claim
 * and send can be claimed again once it is older than the lease ({@code vagen.ledger.claim-lease}, env
 * {@code VAGEN_LEDGER_CLAIM_LEASE}, default {@link ClaimLease#DEFAULT_LENGTH}; see docs/reliability.md).
 * The lease is measured on the wall clock (the {@link Clock} bean), not on the caller's "as of" instant: a run
 * scheduled at 09:05 may start an hour late, and a replayed event runs as of its original time, but no process
 * outlives its function's timeout after writing a claim. So a claim records both: {@code claimedAt}, the run's
 * as-of instant (readable), and {@code claimedAtMillis}, when it was written (epoch milliseconds, compared in the
 * condition; ISO strings with and without fractions of a second do not sort in time order). A CLAIMED entry
 * without {@code claimedAtMillis} (written before leases) is never taken over.
 */
@Singleton
public class DynamoSendLedger implements SendLedger {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoSendLedger.class);

    static final String CLAIMED = LedgerStatus.CLAIMED.name();
    static final String SENT = LedgerStatus.SENT.name();
    static final String FAILED = LedgerStatus.FAILED.name();

    private final DynamoDbTable<LedgerItem> table;
    private final ClaimLease lease;
    private final Clock clock;

    public DynamoSendLedger(DynamoDbEnhancedClient client, TableNames names) {
        this(client, names, ClaimLease.DEFAULT_LENGTH, Clock.systemUTC());
    }

    @Inject
    public DynamoSendLedger(DynamoDbEnhancedClient client, TableNames names,
                            @Value("${vagen.ledger.claim-lease:PT30M}") Duration lease, Clock clock) {
        this.table = client.table(TableNames.required(names.idempotency(), "idempotency"),
                TableSchema.fromBean(LedgerItem.class));
        this.lease = new ClaimLease(lease);
        this.clock = clock;
    }

    @Override
    public boolean claim(String key, Instant now, Instant expiresAt) {
        LedgerItem item = new LedgerItem();
        item.setKey(key);
        item.setStatus(CLAIMED);
        item.setClaimedAt(now.toString());
        Instant written = clock.instant();
        item.setClaimedAtMillis(written.toEpochMilli());
        item.setExpiresAt(expiresAt.getEpochSecond());
        Expression condition = Expression.builder()
                .expression("attribute_not_exists(#k) OR #s = :failed OR (#s = :claimed AND #cm < :staleBefore)")
                .expressionNames(Map.of("#k", "key", "#s", "status", "#cm", "claimedAtMillis"))
                .expressionValues(Map.of(
                        ":failed", AttributeValue.fromS(FAILED),
                        ":claimed", AttributeValue.fromS(CLAIMED),
                        ":staleBefore", AttributeValue.fromN(Long.toString(lease.staleBefore(written).toEpochMilli()))))
                .build();
        try {
            PutItemEnhancedResponse<LedgerItem> response = table.putItemWithResponse(PutItemEnhancedRequest
                    .builder(LedgerItem.class).item(item).conditionExpression(condition)
                    .returnValues(ReturnValue.ALL_OLD).build());
            LedgerItem before = response.attributes();
            if (before != null && CLAIMED.equals(before.getStatus())) {
                // Keys hold ids only (no personal data).
                LOG.info("send ledger: took over {}, left CLAIMED at {} by a run as of {} (older than the {} lease)",
                        key, before.getClaimedAtMillis() == null ? null : Instant.ofEpochMilli(before.getClaimedAtMillis()),
                        before.getClaimedAt(), lease.length());
            }
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
        table.updateItem(UpdateItemEnhancedRequest.builder(LedgerItem.class).item(update).ignoreNullsMode(IgnoreNullsMode.MAPS_ONLY).build());
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
                    .item(update).ignoreNullsMode(IgnoreNullsMode.MAPS_ONLY).conditionExpression(notSent).build());
        } catch (ConditionalCheckFailedException e) {
            // Already sent (or never claimed): nothing to record.
        }
    }

    @Override
    public Optional<LedgerStatus> status(String key) {
        LedgerItem item = table.getItem(r -> r.key(k -> k.partitionValue(key)).consistentRead(true));
        return item == null || item.getStatus() == null ? Optional.empty()
                : Optional.of(LedgerStatus.valueOf(item.getStatus()));
    }

    /** The lease this ledger applies. */
    public ClaimLease lease() {
        return lease;
    }
}
