package se.vagen.aws.dynamodb;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.vagen.aws.TableNames;
import se.vagen.forum.ForumListRepository;
import se.vagen.forum.ForumListSummary;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/** Weekly list summaries in ForumListsTable: PutItem (replace) and GetItem by week; Query byWeek newest first. */
@Singleton
public class DynamoForumListRepository implements ForumListRepository {

    static final String BY_WEEK = "byWeek";
    private static final TableSchema<ForumListItem> SCHEMA = TableSchema.fromBean(ForumListItem.class);

    private final DynamoDbEnhancedClient client;
    private final TableNames names;
    private volatile DynamoDbTable<ForumListItem> table;

    public DynamoForumListRepository(DynamoDbEnhancedClient client, TableNames names) {
        this.client = client;
        this.names = names;
    }

    /** Resolved on first use, so a function that never reads lists starts without the table setting. */
    private DynamoDbTable<ForumListItem> table() {
        DynamoDbTable<ForumListItem> t = table;
        if (t == null) {
            t = client.table(TableNames.required(names.forumLists(), "forum-lists"), SCHEMA);
            table = t;
        }
        return t;
    }

    @Override
    public void save(ForumListSummary s) {
        ForumListItem item = new ForumListItem();
        item.setWeek(s.week());
        item.setKind(ForumListSummary.KIND);
        item.setGeneratedAt(s.generatedAt().toString());
        item.setGeneratedBy(s.generatedBy());
        item.setTotal(s.total());
        item.setCountsByStatus(s.countsByStatus());
        item.setCountsByRole(s.countsByRole());
        item.setCsvKey(s.csvKey());
        item.setXlsxKey(s.xlsxKey());
        item.setRowsKey(s.rowsKey());
        item.setHistoryQueries(s.historyQueries());
        item.setSummariesStored(s.summariesStored());
        table().putItem(item);
    }

    @Override
    public Optional<ForumListSummary> find(String week) {
        return Optional.ofNullable(table().getItem(Key.builder().partitionValue(week).build())).map(DynamoForumListRepository::toSummary);
    }

    @Override
    public List<ForumListSummary> newestFirst(int limit) {
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(ForumListSummary.KIND).build()))
                .scanIndexForward(false)
                .limit(Math.min(limit, 100))
                .build();
        DynamoDbIndex<ForumListItem> byWeek = table().index(BY_WEEK);
        return byWeek.query(request).stream().flatMap(p -> p.items().stream()).limit(limit)
                .map(DynamoForumListRepository::toSummary).toList();
    }

    private static ForumListSummary toSummary(ForumListItem i) {
        return new ForumListSummary(i.getWeek(), Instant.parse(i.getGeneratedAt()), i.getGeneratedBy(),
                i.getTotal() == null ? 0 : i.getTotal(),
                i.getCountsByStatus() == null ? Map.of() : i.getCountsByStatus(),
                i.getCountsByRole() == null ? Map.of() : i.getCountsByRole(),
                i.getCsvKey(), i.getXlsxKey(), i.getRowsKey(),
                i.getHistoryQueries() == null ? 0 : i.getHistoryQueries(),
                i.getSummariesStored() == null ? 0 : i.getSummariesStored());
    }
}
