package se.vagen.aws.dynamodb;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import se.vagen.aws.TableNames;
import se.vagen.checkin.Conversation;
import se.vagen.checkin.ConversationRepository;
import se.vagen.common.Channel;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Conversations in ConversationsTable (GetItem by aspirant; PutItem guarded by {@code version}). The item holds
 * only where the round is, never message text; it expires (TTL) {@code vagen.retention.days} after its last change.
 */
@Singleton
public class DynamoConversationRepository implements ConversationRepository {

    private final DynamoDbTable<ConversationItem> table;
    private final Duration retention;

    public DynamoConversationRepository(DynamoDbEnhancedClient client, TableNames names,
                                        @Value("${vagen.retention.days:400}") int retentionDays) {
        this.table = client.table(TableNames.required(names.conversations(), "conversations"),
                TableSchema.fromBean(ConversationItem.class));
        this.retention = Duration.ofDays(retentionDays);
    }

    @Override
    public Optional<Conversation> find(String aspirantId) {
        ConversationItem item = table.getItem(r -> r.key(k -> k.partitionValue(aspirantId)).consistentRead(true));
        if (item == null) {
            return Optional.empty();
        }
        return Optional.of(new Conversation(item.getAspirantId(), item.getCycle(),
                Channel.fromCode(item.getChannel()).orElse(Channel.SMS),
                item.getStep() == null ? 1 : item.getStep(), item.getReasks() == null ? 0 : item.getReasks(),
                Conversation.State.valueOf(item.getState()), item.getLastMessageId(),
                item.getVersion() == null ? 0 : item.getVersion(), Instant.parse(item.getUpdatedAt())));
    }

    @Override
    public void open(Conversation conversation) {
        table.putItem(item(conversation));
    }

    @Override
    public boolean update(Conversation next) {
        Expression sameVersion = Expression.builder()
                .expression("#v = :expected")
                .expressionNames(Map.of("#v", "version"))
                .expressionValues(Map.of(":expected", AttributeValue.fromN(String.valueOf(next.version() - 1))))
                .build();
        try {
            table.putItem(PutItemEnhancedRequest.builder(ConversationItem.class)
                    .item(item(next)).conditionExpression(sameVersion).build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private ConversationItem item(Conversation c) {
        ConversationItem item = new ConversationItem();
        item.setAspirantId(c.aspirantId());
        item.setCycle(c.cycle());
        item.setChannel(c.channel().code());
        item.setStep(c.step());
        item.setReasks(c.reasks());
        item.setState(c.state().name());
        item.setLastMessageId(c.lastMessageId());
        item.setVersion(c.version());
        item.setUpdatedAt(c.updatedAt().toString());
        item.setExpiresAt(c.updatedAt().plus(retention).getEpochSecond());
        return item;
    }
}
