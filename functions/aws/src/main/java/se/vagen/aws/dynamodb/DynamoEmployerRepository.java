package se.vagen.aws.dynamodb;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import se.vagen.aws.TableNames;
import se.vagen.common.Page;
import se.vagen.employer.Employer;
import se.vagen.employer.EmployerRepository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/** Employers in DynamoDB (EmployersTable): GetItem by organisationsnummer, Query byLastContact. */
@Singleton
public class DynamoEmployerRepository implements EmployerRepository {

    private static final Set<String> BY_LAST_CONTACT_KEYS = Set.of("orgNumber", "kind", "lastContact");

    private final DynamoDbTable<EmployerItem> table;

    public DynamoEmployerRepository(DynamoDbEnhancedClient enhanced, TableNames tables) {
        this.table = enhanced.table(TableNames.required(tables.employers(), "employers"),
                TableSchema.fromBean(EmployerItem.class));
    }

    @Override
    public Optional<Employer> find(String orgNumber) {
        if (orgNumber == null || orgNumber.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(orgNumber).build())
                .consistentRead(true))).map(EmployerItem::toEmployer);
    }

    @Override
    public void save(Employer employer) {
        table.putItem(EmployerItem.from(employer));
    }

    @Override
    public Page<Employer> contactedSince(LocalDate day, int limit, String cursor) {
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortGreaterThanOrEqualTo(
                        Key.builder().partitionValue(EmployerItem.KIND).sortValue(day.toString()).build()))
                .limit(limit)
                .exclusiveStartKey(Cursors.decode(cursor, BY_LAST_CONTACT_KEYS))
                .build();
        var first = table.index("byLastContact").query(request).iterator().next();
        return new Page<>(first.items().stream().map(EmployerItem::toEmployer).toList(),
                Cursors.encode(first.lastEvaluatedKey()));
    }
}
