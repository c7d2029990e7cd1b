package se.vagen.aws.dynamodb;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import se.vagen.audit.AuditEntry;
import se.vagen.audit.AuditTrail;
import se.vagen.aws.TableNames;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * The audit trail in AuditTable. The sort key is the instant with a fixed nine-digit fraction (so text order
 * is time order) plus "#" and 8 random hex digits, so two entries in one instant never collide. Entries
 * expire after {@code vagen.retention.days} (TTL).
 */
@Singleton
public class DynamoAuditTrail implements AuditTrail {

    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private final DynamoDbTable<AuditItem> table;
    private final Duration retention;
    private final SecureRandom random = new SecureRandom();

    public DynamoAuditTrail(DynamoDbEnhancedClient enhanced, TableNames tables,
            @Value("${vagen.retention.days:400}") int retentionDays) {
        this.table = enhanced.table(TableNames.required(tables.audit(), "audit"), TableSchema.fromBean(AuditItem.class));
        this.retention = Duration.ofDays(retentionDays);
    }

    @Override
    public void record(AuditEntry entry) {
        byte[] suffix = new byte[4];
        random.nextBytes(suffix);
        AuditItem item = new AuditItem();
        item.setRecordKey(entry.recordKey());
        item.setAt(SORTABLE.format(entry.at()) + "#" + HexFormat.of().formatHex(suffix));
        item.setActor(entry.actor());
        item.setAction(entry.action());
        item.setDetail(entry.detail());
        item.setExpiresAt(entry.at().plus(retention).getEpochSecond());
        table.putItem(item);
    }

    @Override
    public List<AuditEntry> entriesFor(String recordKey) {
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(recordKey).build()))
                .scanIndexForward(true)
                .build();
        return table.query(request).items().stream()
                .map(i -> new AuditEntry(i.getRecordKey(), i.getActor(), i.getAction(),
                        Instant.parse(i.getAt().substring(0, i.getAt().indexOf('#'))), i.getDetail()))
                .toList();
    }
}
