package se.vagen.aws.dynamodb;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.vagen.aws.TableNames;
import se.vagen.survey.SurveyInvitation;
import se.vagen.survey.SurveyInvitationRepository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Survey invitations in SurveyInvitationsTable: Query(year), GetItem(year, invitationId), conditional writes. */
@Singleton
public class DynamoSurveyInvitationRepository implements SurveyInvitationRepository {

    /** The partition that holds address-wide opt-outs (a year is always four digits, so it never clashes). */
    static final String OPT_OUT_PARTITION = "OPTOUT";

    private final DynamoDbTable<SurveyInvitationItem> table;

    public DynamoSurveyInvitationRepository(DynamoDbEnhancedClient client, TableNames names) {
        this.table = client.table(TableNames.required(names.surveyInvitations(), "survey-invitations"),
                TableSchema.fromBean(SurveyInvitationItem.class));
    }

    /** The table, for the response repository's transaction. */
    DynamoDbTable<SurveyInvitationItem> table() {
        return table;
    }

    @Override
    public boolean create(SurveyInvitation invitation) {
        try {
            table.putItem(PutItemEnhancedRequest.builder(SurveyInvitationItem.class)
                    .item(toItem(invitation))
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(#id)")
                            .expressionNames(Map.of("#id", "invitationId")).build())
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<SurveyInvitation> find(String year, String invitationId) {
        if (year == null || invitationId == null) {
            return Optional.empty();
        }
        SurveyInvitationItem item = table.getItem(r -> r.key(key(year, invitationId)).consistentRead(true));
        return Optional.ofNullable(item).map(DynamoSurveyInvitationRepository::fromItem);
    }

    @Override
    public List<SurveyInvitation> forYear(String year) {
        return table.query(r -> r.queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(year).build()))
                        .consistentRead(true))
                .items().stream().map(DynamoSurveyInvitationRepository::fromItem).toList();
    }

    @Override
    public void markInvited(String year, String invitationId, Instant invitedAt) {
        SurveyInvitationItem update = partial(year, invitationId);
        update.setInvitedAt(invitedAt.toString());
        updateIfExists(update, null);
    }

    @Override
    public boolean recordReminder(String year, String invitationId, int number, LocalDate day) {
        SurveyInvitationItem update = partial(year, invitationId);
        update.setRemindersSent(number);
        update.setLastReminderOn(day.toString());
        return updateIfExists(update, Expression.builder().expression("#n = :previous")
                .expressionNames(Map.of("#n", "remindersSent"))
                .expressionValues(Map.of(":previous", AttributeValue.fromN(String.valueOf(number - 1)))).build());
    }

    @Override
    public boolean optOut(String year, String invitationId) {
        SurveyInvitationItem update = partial(year, invitationId);
        update.setOptedOut(Boolean.TRUE);
        return updateIfExists(update, null);
    }

    @Override
    public void optOutAddress(String addressKey) {
        SurveyInvitationItem item = partial(OPT_OUT_PARTITION, addressKey);
        table.putItem(item);
    }

    @Override
    public boolean addressOptedOut(String addressKey) {
        return table.getItem(r -> r.key(key(OPT_OUT_PARTITION, addressKey)).consistentRead(true)) != null;
    }

    private boolean updateIfExists(SurveyInvitationItem update, Expression extra) {
        Expression exists = Expression.builder().expression("attribute_exists(#id)")
                .expressionNames(Map.of("#id", "invitationId")).build();
        Expression condition = extra == null ? exists : Expression.join(exists, extra, " AND ");
        try {
            table.updateItem(UpdateItemEnhancedRequest.builder(SurveyInvitationItem.class)
                    .item(update).ignoreNullsMode(IgnoreNullsMode.MAPS_ONLY).conditionExpression(condition).build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    static Key key(String year, String invitationId) {
        return Key.builder().partitionValue(year).sortValue(invitationId).build();
    }

    static SurveyInvitationItem partial(String year, String invitationId) {
        SurveyInvitationItem item = new SurveyInvitationItem();
        item.setYear(year);
        item.setInvitationId(invitationId);
        return item;
    }

    static SurveyInvitationItem toItem(SurveyInvitation i) {
        SurveyInvitationItem item = partial(i.year(), i.invitationId());
        item.setOrgNumber(i.orgNumber());
        item.setEmail(i.email());
        item.setIndustry(i.industry());
        item.setSizeBand(i.sizeBand());
        item.setInvitedAt(i.invitedAt() == null ? null : i.invitedAt().toString());
        item.setRemindersSent(i.remindersSent());
        item.setLastReminderOn(i.lastReminderOn() == null ? null : i.lastReminderOn().toString());
        item.setAnswered(i.answered());
        item.setOptedOut(i.optedOut());
        item.setExpiresAt(i.expiresAt() == null ? null : i.expiresAt().getEpochSecond());
        return item;
    }

    static SurveyInvitation fromItem(SurveyInvitationItem item) {
        return new SurveyInvitation(item.getYear(), item.getInvitationId(), item.getOrgNumber(), item.getEmail(),
                item.getIndustry(), item.getSizeBand(),
                item.getInvitedAt() == null ? null : Instant.parse(item.getInvitedAt()),
                item.getRemindersSent() == null ? 0 : item.getRemindersSent(),
                item.getLastReminderOn() == null ? null : LocalDate.parse(item.getLastReminderOn()),
                Boolean.TRUE.equals(item.getAnswered()), Boolean.TRUE.equals(item.getOptedOut()),
                item.getExpiresAt() == null ? null : Instant.ofEpochSecond(item.getExpiresAt()));
    }
}
