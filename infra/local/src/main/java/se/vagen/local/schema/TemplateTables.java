package se.vagen.local.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * The one place that defines tables outside AWS: reads every {@code AWS::DynamoDB::Table} of template.yaml
 * (keys, attribute types, GSIs and LSIs with their projections, TTL) and creates it through the real SDK.
 * The local stack and every integration test create their tables through this class, so they cannot drift
 * from what is deployed. On-demand billing; PITR and SSE have no local meaning and are left out.
 */
public final class TemplateTables {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateTables.class);
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

    private final Map<String, Object> template;
    private final String stage;
    private final Map<String, TableDefinition> tables;

    /** One table as the template defines it, with its physical name for this stage. */
    public record TableDefinition(String logicalId, String physicalName, CreateTableRequest createRequest,
                                  String ttlAttribute) {

        /** Property that carries this table's name for the functions: AspirantsTable -> vagen.tables.aspirants. */
        public String propertyName() {
            return "vagen.tables." + kebab(logicalId);
        }
    }

    public TemplateTables(Map<String, Object> template, String stage) {
        this.template = Objects.requireNonNull(template, "template");
        this.stage = Objects.requireNonNull(stage, "stage");
        this.tables = Collections.unmodifiableMap(readTables());
    }

    /** The template bundled as a resource in this module (copied from the repository root at build time). */
    public static TemplateTables fromClasspath(String stage) {
        return new TemplateTables(templateFromClasspath(), stage);
    }

    /** template.yaml as bundled in this module's jar. */
    public static Map<String, Object> templateFromClasspath() {
        try (InputStream in = TemplateTables.class.getClassLoader().getResourceAsStream("template.yaml")) {
            if (in == null) {
                throw new IllegalStateException("template.yaml is not on the class path (build infra/local first)");
            }
            return CloudFormationYaml.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TemplateTables fromFile(Path templateFile, String stage) {
        return new TemplateTables(CloudFormationYaml.parse(templateFile), stage);
    }

    /** Every table by logical id, in template order. */
    public Map<String, TableDefinition> tables() {
        return tables;
    }

    /** Logical id -> physical name. */
    public Map<String, String> physicalNames() {
        Map<String, String> names = new LinkedHashMap<>();
        tables.forEach((id, table) -> names.put(id, table.physicalName()));
        return names;
    }

    /** The functions' table-name properties: vagen.tables.aspirants -> local-vagen-aspirants, ... */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        tables.values().forEach(table -> properties.put(table.propertyName(), table.physicalName()));
        return properties;
    }

    /**
     * Creates every table that does not exist yet (an existing table is left alone, so a kept data
     * directory survives a restart), then turns TTL on. Returns logical id -> physical name.
     */
    public Map<String, String> createAll(DynamoDbClient dynamoDb) {
        List<String> existing = new ArrayList<>();
        dynamoDb.listTablesPaginator().tableNames().forEach(existing::add);
        for (TableDefinition table : tables.values()) {
            if (existing.contains(table.physicalName())) {
                LOG.debug("Table {} exists; left as it is", table.physicalName());
                continue;
            }
            try {
                dynamoDb.createTable(table.createRequest());
            } catch (ResourceInUseException alreadyThere) {
                LOG.debug("Table {} was created concurrently", table.physicalName());
                continue;
            }
            if (table.ttlAttribute() != null) {
                dynamoDb.updateTimeToLive(b -> b.tableName(table.physicalName())
                        .timeToLiveSpecification(TimeToLiveSpecification.builder()
                                .attributeName(table.ttlAttribute()).enabled(true).build()));
            }
        }
        return physicalNames();
    }

    // ------------------------------------------------------------------ reading the template

    @SuppressWarnings("unchecked")
    private Map<String, TableDefinition> readTables() {
        Object resources = template.get("Resources");
        if (!(resources instanceof Map)) {
            throw new IllegalArgumentException("The template has no Resources");
        }
        Map<String, TableDefinition> result = new LinkedHashMap<>();
        ((Map<String, Object>) resources).forEach((logicalId, value) -> {
            Map<String, Object> resource = (Map<String, Object>) value;
            if ("AWS::DynamoDB::Table".equals(resource.get("Type"))) {
                result.put(logicalId, readTable(logicalId, (Map<String, Object>) resource.get("Properties")));
            }
        });
        return result;
    }

    private TableDefinition readTable(String logicalId, Map<String, Object> properties) {
        if (properties == null) {
            throw new IllegalArgumentException(logicalId + " has no Properties");
        }
        String name = properties.containsKey("TableName") ? resolve(properties.get("TableName"), logicalId) : stage + "-" + kebab(logicalId);
        if (name.length() < 3) {
            throw new IllegalArgumentException(logicalId + ": table name '" + name + "' is shorter than 3 characters");
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(list(properties.get("AttributeDefinitions")).stream()
                        .map(a -> AttributeDefinition.builder()
                                .attributeName(string(a.get("AttributeName")))
                                .attributeType(ScalarAttributeType.fromValue(string(a.get("AttributeType"))))
                                .build())
                        .toList())
                .keySchema(keySchema(properties.get("KeySchema")));
        List<Map<String, Object>> gsis = list(properties.get("GlobalSecondaryIndexes"));
        if (!gsis.isEmpty()) {
            request.globalSecondaryIndexes(gsis.stream()
                    .map(index -> GlobalSecondaryIndex.builder()
                            .indexName(string(index.get("IndexName")))
                            .keySchema(keySchema(index.get("KeySchema")))
                            .projection(projection(index.get("Projection")))
                            .build())
                    .toList());
        }
        List<Map<String, Object>> lsis = list(properties.get("LocalSecondaryIndexes"));
        if (!lsis.isEmpty()) {
            request.localSecondaryIndexes(lsis.stream()
                    .map(index -> LocalSecondaryIndex.builder()
                            .indexName(string(index.get("IndexName")))
                            .keySchema(keySchema(index.get("KeySchema")))
                            .projection(projection(index.get("Projection")))
                            .build())
                    .toList());
        }
        String ttlAttribute = null;
        if (properties.get("TimeToLiveSpecification") instanceof Map<?, ?> ttl
                && !Boolean.FALSE.equals(ttl.get("Enabled")) && ttl.get("AttributeName") != null) {
            ttlAttribute = String.valueOf(ttl.get("AttributeName"));
        }
        return new TableDefinition(logicalId, name, request.build(), ttlAttribute);
    }

    private List<KeySchemaElement> keySchema(Object value) {
        return list(value).stream()
                .map(k -> KeySchemaElement.builder()
                        .attributeName(string(k.get("AttributeName")))
                        .keyType(KeyType.fromValue(string(k.get("KeyType"))))
                        .build())
                .toList();
    }

    private Projection projection(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return Projection.builder().projectionType(ProjectionType.ALL).build();
        }
        Projection.Builder projection = Projection.builder()
                .projectionType(map.get("ProjectionType") == null ? ProjectionType.ALL
                        : ProjectionType.fromValue(String.valueOf(map.get("ProjectionType"))));
        if (map.get("NonKeyAttributes") instanceof List<?> attributes && !attributes.isEmpty()) {
            projection.nonKeyAttributes(attributes.stream().map(String::valueOf).toList());
        }
        return projection.build();
    }

    /** Resolves a table name: a literal, {@code !Sub} with ${Stage} (and other parameters' defaults), or a {@code !Join}. */
    @SuppressWarnings("unchecked")
    private String resolve(Object value, String logicalId) {
        if (value instanceof String literal) {
            return literal;
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            if (map.get("Fn::Sub") instanceof String pattern) {
                return substitute(pattern, logicalId);
            }
            if (map.get("Ref") instanceof String ref) {
                return parameter(ref, logicalId);
            }
            if (map.get("Fn::Join") instanceof List<?> join && join.size() == 2 && join.get(1) instanceof List<?> parts) {
                List<String> resolved = new ArrayList<>();
                for (Object part : parts) {
                    resolved.add(resolve(part, logicalId));
                }
                return String.join(String.valueOf(join.get(0)), resolved);
            }
        }
        throw new IllegalArgumentException(logicalId + ": cannot resolve the table name " + value);
    }

    private String substitute(String pattern, String logicalId) {
        Matcher matcher = SUB_VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(parameter(matcher.group(1).trim(), logicalId)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private String parameter(String name, String logicalId) {
        if ("Stage".equals(name)) {
            return stage;
        }
        if ("AWS::Region".equals(name)) {
            return "eu-north-1";
        }
        if ("AWS::AccountId".equals(name)) {
            return "000000000000";
        }
        if (template.get("Parameters") instanceof Map<?, ?> parameters
                && parameters.get(name) instanceof Map<?, ?> parameter && parameter.get("Default") != null) {
            return String.valueOf(parameter.get("Default"));
        }
        throw new IllegalArgumentException(logicalId + ": the table name uses ${" + name + "}, which has no local value");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?>)) {
            throw new IllegalArgumentException("Expected a list, got " + value);
        }
        return (List<Map<String, Object>>) value;
    }

    private static String string(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("A required table property is missing");
        }
        return String.valueOf(value);
    }

    /** AspirantsTable -> aspirants, CheckInsTable -> check-ins, SurveyInvitationsTable -> survey-invitations. */
    public static String kebab(String logicalId) {
        String base = logicalId.endsWith("Table") ? logicalId.substring(0, logicalId.length() - "Table".length()) : logicalId;
        return base.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
