package se.vagen.aws.dynamodb;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import se.vagen.aws.TableNames;
import se.vagen.checkin.Answers;
import se.vagen.checkin.CheckIn;
import se.vagen.checkin.CheckInRepository;
import se.vagen.checkin.CheckInStatus;
import se.vagen.checkin.HelpTopic;
import se.vagen.checkin.Participation;
import se.vagen.checkin.RecentCheckIns;
import se.vagen.common.Channel;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Check-ins in CheckInsTable. Reads and whole-item writes go through the enhanced client ({@link CheckInItem});
 * the field-by-field writes of answers, reminders and MISSED are UpdateItem calls with {@code if_not_exists} and
 * conditions, which the enhanced client's bean mapping cannot express, so they name the item's attributes directly.
 * Every write sets {@code expiresAt} ({@code vagen.retention.days} after the write) for the TTL, adds one to
 * {@code rev}, and then writes the check-in as it now is (ALL_NEW) into the aspirant's recent check-ins summary
 * ({@link RecentCheckInsWriter}: one more UpdateItem on the aspirant item), which the weekly list reads.
 */
@Singleton
public class DynamoCheckInRepository implements CheckInRepository {

    private final DynamoDbTable<CheckInItem> table;
    private final DynamoDbClient dynamo;
    private final String tableName;
    private final Duration retention;
    private final RecentCheckInsWriter recent;

    public DynamoCheckInRepository(DynamoDbEnhancedClient client, DynamoDbClient dynamo, TableNames names,
                                   @Value("${vagen.retention.days:400}") int retentionDays) {
        this.tableName = TableNames.required(names.checkIns(), "check-ins");
        this.table = client.table(tableName, TableSchema.fromBean(CheckInItem.class));
        this.dynamo = dynamo;
        this.retention = Duration.ofDays(retentionDays);
        this.recent = new RecentCheckInsWriter(dynamo, TableNames.required(names.aspirants(), "aspirants"));
    }

    /** The check-in as this write left it (UpdateItem's ALL_NEW, mapped by the bean schema) into the summary. */
    private void summarise(Map<String, AttributeValue> written) {
        CheckInItem item = table.tableSchema().mapToItem(written);
        recent.record(item.getAspirantId(), item.getCycle(),
                RecentCheckIns.Entry.of(toCheckIn(item), item.getRev() == null ? 0 : item.getRev()));
    }

    @Override
    public RecentCheckIns recent(String aspirantId, int limit) {
        List<CheckInItem> items = table.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(aspirantId)))
                        .scanIndexForward(false)
                        .limit(Math.max(1, Math.min(limit, 100)))
                        .build())
                .stream()
                .flatMap(p -> p.items().stream())
                .limit(limit)
                .toList();
        TreeMap<String, RecentCheckIns.Entry> entries = new TreeMap<>();
        for (CheckInItem i : items) {
            entries.put(i.getCycle(), RecentCheckIns.Entry.of(toCheckIn(i), i.getRev() == null ? 0 : i.getRev()));
        }
        String since = items.size() < limit || entries.isEmpty() ? RecentCheckIns.FROM_START : entries.firstKey();
        return new RecentCheckIns(since, entries);
    }

    @Override
    public Optional<CheckIn> find(String aspirantId, String cycle) {
        CheckInItem item = table.getItem(r -> r.key(key(aspirantId, cycle)).consistentRead(true));
        return Optional.ofNullable(item).map(DynamoCheckInRepository::toCheckIn);
    }

    @Override
    public List<CheckIn> history(String aspirantId, int limit) {
        return newestFirst(QueryConditional.keyEqualTo(k -> k.partitionValue(aspirantId)), limit);
    }

    @Override
    public List<CheckIn> historyBefore(String aspirantId, String cycle, int limit) {
        return newestFirst(QueryConditional.sortLessThan(k -> k.partitionValue(aspirantId).sortValue(cycle)), limit);
    }

    /** Up to {@code limit} check-ins matching {@code condition}, newest cycle first, in pages of at most 100. */
    private List<CheckIn> newestFirst(QueryConditional condition, int limit) {
        List<CheckIn> out = new ArrayList<>();
        table.query(QueryEnhancedRequest.builder()
                        .queryConditional(condition)
                        .scanIndexForward(false)
                        .limit(Math.max(1, Math.min(limit, 100)))
                        .build())
                .stream()
                .flatMap(p -> p.items().stream())
                .limit(limit)
                .forEach(i -> out.add(toCheckIn(i)));
        return out;
    }

    @Override
    public void save(CheckIn c) {
        CheckInItem item = CheckInItem.from(c);
        Instant base = c.answeredAt() != null ? c.answeredAt() : c.openedAt() != null ? c.openedAt() : Instant.now();
        item.setExpiresAt(base.plus(retention).getEpochSecond());
        CheckInItem old = table.getItem(r -> r.key(key(c.aspirantId(), c.cycle())).consistentRead(true));
        long rev = (old == null || old.getRev() == null ? 0 : old.getRev()) + 1;
        item.setRev(rev);
        table.putItem(item);
        recent.record(c.aspirantId(), c.cycle(), RecentCheckIns.Entry.of(c, rev));
    }

    @Override
    public void recordAnswers(String aspirantId, String cycle, Answers answers, Channel channel, Instant at) {
        update(aspirantId, cycle, answers, channel, at, false);
    }

    @Override
    public boolean recordFormAnswers(String aspirantId, String cycle, Answers answers, Channel channel, Instant at) {
        try {
            update(aspirantId, cycle, answers, channel, at, true);
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private void update(String aspirantId, String cycle, Answers answers, Channel channel, Instant at, boolean form) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        names.put("#status", "status");
        names.put("#rev", "rev");
        values.put(":one", AttributeValue.fromN("1"));
        values.put(":answered", AttributeValue.fromS(CheckInStatus.ANSWERED.name()));
        values.put(":at", AttributeValue.fromS(at.toString()));
        values.put(":channel", AttributeValue.fromS(channel.code()));
        values.put(":zero", AttributeValue.fromN("0"));
        values.put(":exp", AttributeValue.fromN(String.valueOf(at.plus(retention).getEpochSecond())));
        sets.add("#status = :answered");
        sets.add("answeredAt = if_not_exists(answeredAt, :at)");
        sets.add("channel = if_not_exists(channel, :channel)");
        sets.add("openedAt = if_not_exists(openedAt, :at)");
        sets.add("remindersSent = if_not_exists(remindersSent, :zero)");
        sets.add("expiresAt = :exp");
        if (form) {
            values.put(":true", AttributeValue.fromBool(true));
            sets.add("viaForm = :true");
            sets.add("formAnsweredAt = :at");
        } else {
            values.put(":false", AttributeValue.fromBool(false));
            sets.add("viaForm = if_not_exists(viaForm, :false)");
        }
        if (answers.participation() != null) {
            values.put(":participation", AttributeValue.fromS(answers.participation().name()));
            sets.add("participation = :participation");
        }
        if (answers.wellbeing() != null) {
            values.put(":wellbeing", AttributeValue.fromN(answers.wellbeing().toString()));
            sets.add("wellbeing = :wellbeing");
        }
        if (answers.helpNeeded() != null && !answers.helpNeeded().isEmpty()) {
            values.put(":help", AttributeValue.fromL(answers.helpNeeded().stream()
                    .map(h -> AttributeValue.fromS(h.name())).toList()));
            sets.add("helpNeeded = :help");
        }
        if (answers.freeText() != null && !answers.freeText().isBlank()) {
            values.put(":freeText", AttributeValue.fromS(answers.freeText()));
            sets.add("freeText = :freeText");
        }
        UpdateItemRequest.Builder request = UpdateItemRequest.builder()
                .tableName(tableName)
                .key(keyAttributes(aspirantId, cycle))
                .updateExpression("SET " + String.join(", ", sets) + " ADD #rev :one")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW);
        if (form) {
            request.conditionExpression("attribute_not_exists(formAnsweredAt)");
        }
        summarise(dynamo.updateItem(request.build()).attributes());
    }

    @Override
    public void recordReminder(String aspirantId, String cycle, int number, Instant at) {
        UpdateItemResponse written;
        try {
            written = dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(keyAttributes(aspirantId, cycle))
                    .updateExpression("SET remindersSent = :n, openedAt = if_not_exists(openedAt, :at), "
                            + "#status = if_not_exists(#status, :open), viaForm = if_not_exists(viaForm, :false), "
                            + "expiresAt = if_not_exists(expiresAt, :exp) ADD #rev :one")
                    .conditionExpression("attribute_not_exists(remindersSent) OR remindersSent < :n")
                    .expressionAttributeNames(Map.of("#status", "status", "#rev", "rev"))
                    .expressionAttributeValues(Map.of(
                            ":n", AttributeValue.fromN(String.valueOf(number)),
                            ":at", AttributeValue.fromS(at.toString()),
                            ":open", AttributeValue.fromS(CheckInStatus.OPEN.name()),
                            ":false", AttributeValue.fromBool(false),
                            ":exp", AttributeValue.fromN(String.valueOf(at.plus(retention).getEpochSecond())),
                            ":one", AttributeValue.fromN("1")))
                    .returnValues(ReturnValue.ALL_NEW)
                    .build());
        } catch (ConditionalCheckFailedException e) {
            // A later reminder was recorded already.
            return;
        }
        CheckInItem item = table.tableSchema().mapToItem(written.attributes());
        if (item.getRev() != null && item.getRev() > 1) {
            // The check-in existed: a reminder changes only remindersSent (the rest is if_not_exists), which the
            // summary does not hold, so its entry is already right. Saves the aspirant write (and its two indexes).
            return;
        }
        summarise(written.attributes());
    }

    @Override
    public boolean markMissed(String aspirantId, String cycle, Instant at) {
        UpdateItemResponse written;
        try {
            written = dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(keyAttributes(aspirantId, cycle))
                    .updateExpression("SET #status = :missed, missedAt = :at ADD #rev :one")
                    .conditionExpression("#status = :open AND attribute_not_exists(answeredAt)")
                    .expressionAttributeNames(Map.of("#status", "status", "#rev", "rev"))
                    .expressionAttributeValues(Map.of(
                            ":missed", AttributeValue.fromS(CheckInStatus.MISSED.name()),
                            ":open", AttributeValue.fromS(CheckInStatus.OPEN.name()),
                            ":at", AttributeValue.fromS(at.toString()),
                            ":one", AttributeValue.fromN("1")))
                    .returnValues(ReturnValue.ALL_NEW)
                    .build());
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
        summarise(written.attributes());
        return true;
    }

    private static Key key(String aspirantId, String cycle) {
        return Key.builder().partitionValue(aspirantId).sortValue(cycle).build();
    }

    private static Map<String, AttributeValue> keyAttributes(String aspirantId, String cycle) {
        return Map.of("aspirantId", AttributeValue.fromS(aspirantId), "cycle", AttributeValue.fromS(cycle));
    }

    static CheckIn toCheckIn(CheckInItem i) {
        List<HelpTopic> help = new ArrayList<>();
        if (i.getHelpNeeded() != null) {
            for (String h : i.getHelpNeeded()) {
                try {
                    help.add(HelpTopic.valueOf(h));
                } catch (IllegalArgumentException e) {
                    // An unknown code from an older version is left out.
                }
            }
        }
        return new CheckIn(
                i.getAspirantId(),
                i.getCycle(),
                i.getStatus() == null ? CheckInStatus.OPEN : CheckInStatus.valueOf(i.getStatus()),
                i.getChannel() == null ? null : Channel.fromCode(i.getChannel()).orElse(null),
                Boolean.TRUE.equals(i.getViaForm()),
                i.getParticipation() == null ? null : Participation.valueOf(i.getParticipation()),
                i.getWellbeing(),
                help,
                i.getFreeText(),
                i.getOpenedAt() == null ? null : Instant.parse(i.getOpenedAt()),
                i.getAnsweredAt() == null ? null : Instant.parse(i.getAnsweredAt()),
                i.getRemindersSent() == null ? 0 : i.getRemindersSent());
    }
}
