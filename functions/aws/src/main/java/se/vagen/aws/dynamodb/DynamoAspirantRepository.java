package se.vagen.aws.dynamodb;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.AspirantRepository;
import se.vagen.aspirant.PhoneTakenException;
import se.vagen.aws.TableNames;
import se.vagen.checkin.RecentCheckIns;
import se.vagen.common.Page;
import se.vagen.validation.EmailAddresses;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Aspirants in DynamoDB (AspirantsTable). Every read is a GetItem or a Query on an index. A save is one
 * transaction: the aspirant, the claim on its phone number (absent or already its own), and the release of
 * the number it had before; so the phone number of an active aspirant is unique even under concurrent
 * writes. A claim left by an aspirant that no longer holds the number (erased elsewhere, changed by an
 * older writer) is taken over.
 */
@Singleton
public class DynamoAspirantRepository implements AspirantRepository {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoAspirantRepository.class);
    private static final Set<String> BY_NAME_KEYS = Set.of("id", "listKey", "nameKey");
    private static final Set<String> BY_PLAN_END_KEYS = Set.of("id", "planShard", "planEnd");

    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbTable<AspirantItem> table;
    private final DynamoDbTable<PhoneClaimItem> claims;

    public DynamoAspirantRepository(DynamoDbEnhancedClient enhanced, TableNames tables) {
        String name = TableNames.required(tables.aspirants(), "aspirants");
        this.enhanced = enhanced;
        this.table = enhanced.table(name, TableSchema.fromBean(AspirantItem.class));
        this.claims = enhanced.table(name, TableSchema.fromBean(PhoneClaimItem.class));
    }

    @Override
    public Optional<Aspirant> findById(String id) {
        if (id == null || id.isBlank() || id.startsWith(PhoneClaimItem.PREFIX)) {
            return Optional.empty();
        }
        return Optional.ofNullable(table.getItem(Key.builder().partitionValue(id).build())).map(AspirantItem::toAspirant);
    }

    @Override
    public Optional<WithRecent> findWithRecent(String id) {
        if (id == null || id.isBlank() || id.startsWith(PhoneClaimItem.PREFIX)) {
            return Optional.empty();
        }
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(id).build()).consistentRead(true)))
                .map(i -> new WithRecent(i.toAspirant(), i.toRecent(), i.getRecentRev() == null ? 0 : i.getRecentRev()));
    }

    @Override
    public Optional<Aspirant> findByPhone(String e164) {
        return firstActive("byPhone", e164);
    }

    @Override
    public Optional<Aspirant> findByEmail(String email) {
        return firstActive("byEmail", EmailAddresses.key(email));
    }

    /** The index is KEYS_ONLY: each hit is read in full (consistently) and checked again. */
    private Optional<Aspirant> firstActive(String indexName, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        DynamoDbIndex<AspirantItem> index = table.index(indexName);
        for (var page : index.query(QueryConditional.keyEqualTo(Key.builder().partitionValue(value).build()))) {
            for (AspirantItem hit : page.items()) {
                AspirantItem full = table.getItem(r -> r.key(Key.builder().partitionValue(hit.getId()).build())
                        .consistentRead(true));
                if (full == null || Boolean.TRUE.equals(full.getErased())) {
                    continue;
                }
                boolean stillMatches = indexName.equals("byPhone") ? value.equals(full.getPhone())
                        : value.equals(full.getEmailKey());
                if (stillMatches) {
                    return Optional.of(full.toAspirant());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * One transaction as described above. The recent check-ins summary on the item is written by the check-in
     * adapter, not here: a save carries it over from the item it read (a new aspirant starts with an empty, complete
     * one; erasure drops it), on condition that {@code recentRev} is still what it read; else it reads again.
     */
    @Override
    public void save(Aspirant aspirant) {
        String staleOwner = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            AspirantItem before = table.getItem(r -> r.key(Key.builder().partitionValue(aspirant.id()).build())
                    .consistentRead(true));
            AspirantItem item = AspirantItem.from(aspirant);
            if (!aspirant.erased()) {
                if (before == null) {
                    item.setRecentCheckIns(RecentCheckIns.EMPTY);
                } else {
                    item.setRecent(before.getRecent());
                    item.setRecentSince(before.getRecentSince());
                    item.setRecentRev(before.getRecentRev());
                }
            }
            Long seenRev = before == null ? null : before.getRecentRev();
            String oldPhone = before == null ? null : before.getPhone();
            String newPhone = item.getPhone();
            try {
                write(item, seenRev, oldPhone, newPhone, staleOwner);
                return;
            } catch (TransactionCanceledException e) {
                if ((conflicted(e) || summaryChanged(e)) && attempt < 4) {
                    continue; // another write to the same item or claim was in flight: read and try again
                }
                if (newPhone == null || !claimFailed(e)) {
                    throw e;
                }
                PhoneClaimItem claim = claims.getItem(r -> r.key(Key.builder()
                        .partitionValue(PhoneClaimItem.PREFIX + newPhone).build()).consistentRead(true));
                String holder = claim == null ? null : claim.getOwnerId();
                if (holder != null && holdsPhone(holder, newPhone)) {
                    throw new PhoneTakenException(holder);
                }
                LOG.info("Taking over a stale phone claim for aspirant {} (claim owner {})", aspirant.id(), holder);
                staleOwner = holder;
            }
        }
        throw new PhoneTakenException(null);
    }

    /** The aspirant's put (index 0) failed its condition: the summary was written since the read. */
    private static boolean summaryChanged(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code());
    }

    private boolean holdsPhone(String holderId, String phone) {
        AspirantItem holder = table.getItem(r -> r.key(Key.builder().partitionValue(holderId).build())
                .consistentRead(true));
        return holder != null && !Boolean.TRUE.equals(holder.getErased()) && phone.equals(holder.getPhone());
    }

    private static boolean conflicted(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
    }

    /** Index of the claim put in the transaction (0 is the aspirant). */
    private static boolean claimFailed(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code());
    }

    private void write(AspirantItem item, Long seenRev, String oldPhone, String newPhone, String staleOwner) {
        Expression summaryUnchanged = seenRev == null
                ? Expression.builder().expression("attribute_not_exists(recentRev)").build()
                : Expression.builder().expression("recentRev = :seen")
                        .putExpressionValue(":seen", AttributeValue.fromN(seenRev.toString())).build();
        TransactWriteItemsEnhancedRequest.Builder tx = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(table, TransactPutItemEnhancedRequest.builder(AspirantItem.class)
                        .item(item)
                        .conditionExpression(summaryUnchanged)
                        .build());
        if (newPhone != null) {
            Expression mineOrFree = staleOwner == null
                    ? Expression.builder().expression("attribute_not_exists(id) OR ownerId = :me")
                            .putExpressionValue(":me", AttributeValue.fromS(item.getId())).build()
                    : Expression.builder().expression("attribute_not_exists(id) OR ownerId = :me OR ownerId = :stale")
                            .putExpressionValue(":me", AttributeValue.fromS(item.getId()))
                            .putExpressionValue(":stale", AttributeValue.fromS(staleOwner)).build();
            tx.addPutItem(claims, TransactPutItemEnhancedRequest.builder(PhoneClaimItem.class)
                    .item(PhoneClaimItem.of(newPhone, item.getId()))
                    .conditionExpression(mineOrFree)
                    .build());
        }
        if (oldPhone != null && !oldPhone.equals(newPhone)) {
            tx.addDeleteItem(claims, TransactDeleteItemEnhancedRequest.builder()
                    .key(Key.builder().partitionValue(PhoneClaimItem.PREFIX + oldPhone).build())
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(id) OR ownerId = :me")
                            .putExpressionValue(":me", AttributeValue.fromS(item.getId())).build())
                    .build());
        }
        enhanced.transactWriteItems(tx.build());
    }

    @Override
    public Page<Aspirant> listByName(String namePrefix, int limit, String cursor) {
        String prefix = NameKeys.sortable(namePrefix);
        Key key = prefix.isEmpty() ? Key.builder().partitionValue(AspirantItem.LIST_KEY).build()
                : Key.builder().partitionValue(AspirantItem.LIST_KEY).sortValue(prefix).build();
        QueryConditional condition = prefix.isEmpty() ? QueryConditional.keyEqualTo(key)
                : QueryConditional.sortBeginsWith(key);
        return page(table.index("byName"), condition, limit, Cursors.decode(cursor, BY_NAME_KEYS));
    }

    @Override
    public Page<Aspirant> withPlanEndingOnOrAfter(int shard, LocalDate day, int limit, String cursor) {
        Key key = Key.builder().partitionValue(String.valueOf(shard)).sortValue(day.toString()).build();
        return page(table.index("byPlanEnd"), QueryConditional.sortGreaterThanOrEqualTo(key), limit,
                Cursors.decode(cursor, BY_PLAN_END_KEYS));
    }

    @Override
    public Page<WithRecent> withPlanEndingOnOrAfterAndRecent(int shard, LocalDate day, int limit, String cursor) {
        Key key = Key.builder().partitionValue(String.valueOf(shard)).sortValue(day.toString()).build();
        var first = table.index("byPlanEnd").query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortGreaterThanOrEqualTo(key))
                .limit(limit)
                .exclusiveStartKey(Cursors.decode(cursor, BY_PLAN_END_KEYS))
                .build()).iterator().next();
        List<WithRecent> items = first.items().stream()
                .filter(i -> !Boolean.TRUE.equals(i.getErased()))
                .map(i -> new WithRecent(i.toAspirant(), i.toRecent(), i.getRecentRev() == null ? 0 : i.getRecentRev()))
                .toList();
        return new Page<>(items, Cursors.encode(first.lastEvaluatedKey()));
    }

    /**
     * The backfill: replaces the whole summary (enhanced UpdateItem of only the summary attributes, nulls ignored so
     * nothing else is touched), on condition that the aspirant exists, is not erased and its summary is unchanged.
     */
    @Override
    public boolean storeRecent(String aspirantId, RecentCheckIns recent, long seenRevision) {
        AspirantItem partial = new AspirantItem();
        partial.setId(aspirantId);
        partial.setRecentCheckIns(recent);
        partial.setRecentRev(seenRevision + 1);
        Expression.Builder condition = Expression.builder()
                .expression("attribute_exists(id) AND (attribute_not_exists(erased) OR erased = :false) AND "
                        + (seenRevision == 0 ? "attribute_not_exists(recentRev)" : "recentRev = :seen"))
                .putExpressionValue(":false", AttributeValue.fromBool(false));
        if (seenRevision != 0) {
            condition.putExpressionValue(":seen", AttributeValue.fromN(Long.toString(seenRevision)));
        }
        try {
            table.updateItem(UpdateItemEnhancedRequest.builder(AspirantItem.class)
                    .item(partial)
                    .ignoreNullsMode(IgnoreNullsMode.MAPS_ONLY)
                    .conditionExpression(condition.build())
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private Page<Aspirant> page(DynamoDbIndex<AspirantItem> index, QueryConditional condition, int limit,
            Map<String, AttributeValue> startKey) {
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(condition)
                .limit(limit)
                .exclusiveStartKey(startKey)
                .build();
        var first = index.query(request).iterator().next();
        List<Aspirant> items = first.items().stream()
                .filter(i -> !Boolean.TRUE.equals(i.getErased()))
                .map(AspirantItem::toAspirant)
                .toList();
        return new Page<>(items, Cursors.encode(first.lastEvaluatedKey()));
    }
}
