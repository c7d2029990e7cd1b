package se.vagen.local.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vagen.local.schema.CloudFormationYaml;
import se.vagen.local.schema.TemplateTables;
import se.vagen.local.testing.VagenStack;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** The tables in DynamoDB Local are exactly what template.yaml defines (read back with the SDK). */
class TemplateTablesTest {

    private final VagenStack stack = VagenStack.shared();

    /** The repository's template (the copy in the jar is the same file). */
    private static Map<String, Object> template() {
        return CloudFormationYaml.parse(Path.of("../../template.yaml"));
    }

    @Test
    void everyTemplateTableExistsWithItsKeysIndexesAndTtl() {
        DynamoDbClient dynamoDb = stack.dynamoDb();
        TemplateTables tables = new TemplateTables(template(), "local");
        assertTrue(tables.tables().size() >= 10, "tables in the template: " + tables.tables().keySet());
        tables.tables().values().forEach(table -> {
            TableDescription actual = dynamoDb.describeTable(b -> b.tableName(table.physicalName())).table();
            var expected = table.createRequest();
            assertEquals(expected.keySchema(), actual.keySchema(), table.logicalId());
            assertEquals(Set.copyOf(expected.attributeDefinitions()), Set.copyOf(actual.attributeDefinitions()),
                    table.logicalId());
            assertEquals(BillingMode.PAY_PER_REQUEST, actual.billingModeSummary().billingMode(), table.logicalId());
            Map<String, GlobalSecondaryIndexDescription> gsis = actual.globalSecondaryIndexes().stream()
                    .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, g -> g));
            assertEquals(expected.globalSecondaryIndexes().size(), gsis.size(), table.logicalId());
            expected.globalSecondaryIndexes().forEach(gsi -> {
                GlobalSecondaryIndexDescription found = gsis.get(gsi.indexName());
                assertEquals(gsi.keySchema(), found.keySchema(), table.logicalId() + "." + gsi.indexName());
                assertEquals(gsi.projection().projectionType(), found.projection().projectionType(),
                        table.logicalId() + "." + gsi.indexName());
            });
            var ttl = dynamoDb.describeTimeToLive(b -> b.tableName(table.physicalName())).timeToLiveDescription();
            if (table.ttlAttribute() != null) {
                assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus(), table.logicalId());
                assertEquals(table.ttlAttribute(), ttl.attributeName(), table.logicalId());
            }
        });
    }

    @Test
    void aspirantsHaveTheirFourIndexes() {
        TableDescription aspirants = stack.dynamoDb()
                .describeTable(b -> b.tableName(stack.tableName("AspirantsTable"))).table();
        assertEquals(List.of(KeySchemaElement.builder().attributeName("id").keyType("HASH").build()),
                aspirants.keySchema());
        assertEquals(Set.of("byPhone", "byEmail", "byName", "byPlanEnd"), aspirants.globalSecondaryIndexes().stream()
                .map(GlobalSecondaryIndexDescription::indexName).collect(Collectors.toSet()));
    }

    @ParameterizedTest
    @CsvSource({
            "AspirantsTable, vagen.tables.aspirants",
            "CheckInsTable, vagen.tables.check-ins",
            "ConversationsTable, vagen.tables.conversations",
            "IdempotencyTable, vagen.tables.idempotency",
            "TokensTable, vagen.tables.tokens",
            "EmployersTable, vagen.tables.employers",
            "SurveyInvitationsTable, vagen.tables.survey-invitations",
            "SurveyResponsesTable, vagen.tables.survey-responses",
            "ForumListsTable, vagen.tables.forum-lists",
            "AuditTable, vagen.tables.audit"})
    void tableNamesReachTheFunctionsUnderTheirProperty(String logicalId, String property) {
        assertEquals(stack.tableName(logicalId), stack.context().getProperty(property, String.class).orElseThrow());
    }

    @Test
    void creatingTwiceLeavesExistingTablesAlone() {
        TemplateTables tables = new TemplateTables(template(), "local");
        Map<String, String> names = tables.createAll(stack.dynamoDb());
        assertEquals(stack.tableName("AspirantsTable"), names.get("AspirantsTable"));
    }

    @Test
    void anotherStageGivesOtherNames() {
        TemplateTables tables = new TemplateTables(template(), "t1");
        tables.createAll(stack.dynamoDb());
        assertEquals("t1-vagen-aspirants", tables.physicalNames().get("AspirantsTable"));
        assertEquals("ACTIVE", stack.dynamoDb().describeTable(b -> b.tableName("t1-vagen-aspirants"))
                .table().tableStatusAsString());
    }

    @ParameterizedTest
    @CsvSource({
            "AspirantsTable, aspirants",
            "CheckInsTable, check-ins",
            "SurveyInvitationsTable, survey-invitations",
            "ForumListsTable, forum-lists",
            "AuditTable, audit"})
    void logicalIdsBecomeKebabCase(String logicalId, String kebab) {
        assertEquals(kebab, TemplateTables.kebab(logicalId));
    }
}
