package se.vagen.aws.dynamodb;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import se.vagen.aws.TableNames;
import se.vagen.token.StoredToken;
import se.vagen.token.TokenPurpose;
import se.vagen.token.TokenRepository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Links in TokensTable, keyed by the SHA-256 of the token. Single use is a conditional UpdateItem
 * ({@code attribute_exists(tokenHash) AND attribute_not_exists(usedAt)}): of many parallel callers exactly one wins.
 * The item expires (TTL) {@link #KEEP_AFTER_VALIDITY} after the link stopped being valid, so an expired or used link
 * still gets its friendly 410 page for a while and then disappears.
 */
@Singleton
public class DynamoTokenRepository implements TokenRepository {

    /** How long a link is kept after its validity ended. */
    public static final Duration KEEP_AFTER_VALIDITY = Duration.ofDays(14);

    private final DynamoDbTable<TokenItem> table;

    public DynamoTokenRepository(DynamoDbEnhancedClient client, TableNames names) {
        this.table = client.table(TableNames.required(names.tokens(), "tokens"), TableSchema.fromBean(TokenItem.class));
    }

    @Override
    public void save(StoredToken token) {
        TokenItem item = new TokenItem();
        item.setTokenHash(token.tokenHash());
        item.setPurpose(token.purpose().name());
        item.setSubjectId(token.subjectId());
        item.setReference(token.reference());
        item.setLanguage(token.language());
        item.setValidUntil(token.validUntil().toString());
        item.setSingleUse(token.singleUse());
        item.setUsedAt(token.usedAt() == null ? null : token.usedAt().toString());
        item.setExpiresAt(token.validUntil().plus(KEEP_AFTER_VALIDITY).getEpochSecond());
        table.putItem(item);
    }

    @Override
    public Optional<StoredToken> findByHash(String tokenHash) {
        TokenItem item = table.getItem(r -> r.key(Key.builder().partitionValue(tokenHash).build()).consistentRead(true));
        if (item == null) {
            return Optional.empty();
        }
        TokenPurpose purpose;
        try {
            purpose = TokenPurpose.valueOf(item.getPurpose());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        return Optional.of(new StoredToken(item.getTokenHash(), purpose, item.getSubjectId(), item.getReference(),
                item.getLanguage(), Instant.parse(item.getValidUntil()), Boolean.TRUE.equals(item.getSingleUse()),
                item.getUsedAt() == null ? null : Instant.parse(item.getUsedAt())));
    }

    @Override
    public boolean markUsed(String tokenHash, Instant at) {
        TokenItem update = new TokenItem();
        update.setTokenHash(tokenHash);
        update.setUsedAt(at.toString());
        Expression condition = Expression.builder()
                .expression("attribute_exists(#h) AND attribute_not_exists(#u)")
                .expressionNames(Map.of("#h", "tokenHash", "#u", "usedAt"))
                .build();
        try {
            table.updateItem(UpdateItemEnhancedRequest.builder(TokenItem.class)
                    .item(update).ignoreNullsMode(IgnoreNullsMode.MAPS_ONLY).conditionExpression(condition).build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
