package se.vagen.aws;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SnapStart priming (template.yaml publishes every function with SnapStart). Only when Lambda initialises a
 * function for a snapshot ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}) this registers a CRaC
 * {@code beforeCheckpoint} hook that, before the snapshot is taken:
 * <ol>
 * <li>builds every Vägen bean the function's context can build (beans are lazy, see {@link LazyBeans}; a bean
 *     whose configuration this function lacks is skipped), including the SDK clients and table schemas;</li>
 * <li>makes one harmless DynamoDB read (GetItem of a key that never exists, in the first table the function is
 *     configured for), which loads and runs the SDK's marshalling, signing, endpoint rules and HTTP client;</li>
 * <li>writes and reads JSON through the context's serde;</li>
 * <li>in an HTTP function, sends GET /health through the function's own handler ({@link HttpPriming}).</li>
 * </ol>
 * The restored sandbox then starts with those classes loaded and initialised. Outside a snapshot start (on-demand
 * starts, the local stack, tests) this bean does nothing. Measured by the cold-start benchmark; see
 * docs/performance.md.
 */
@Context
public class SnapStartPriming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    private static final String NEVER = "vagen-snapstart-priming";

    /** Key attributes of each table (template.yaml), for a GetItem that finds nothing. */
    private static final List<Map.Entry<Function<TableNames, String>, Map<String, String>>> KEYS = List.of(
            Map.entry(TableNames::tokens, Map.of("tokenHash", NEVER)),
            Map.entry(TableNames::aspirants, Map.of("id", NEVER)),
            Map.entry(TableNames::checkIns, Map.of("aspirantId", NEVER, "cycle", NEVER)),
            Map.entry(TableNames::conversations, Map.of("aspirantId", NEVER)),
            Map.entry(TableNames::idempotency, Map.of("key", NEVER)),
            Map.entry(TableNames::employers, Map.of("orgNumber", NEVER)),
            Map.entry(TableNames::surveyInvitations, Map.of("year", NEVER, "invitationId", NEVER)),
            Map.entry(TableNames::forumLists, Map.of("week", NEVER)));

    private final ApplicationContext context;

    public SnapStartPriming(ApplicationContext context) {
        this.context = context;
        if ("snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            Core.getGlobalContext().register(this);
        }
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> checkpoint) {
        long started = System.nanoTime();
        int beans = buildBeans();
        boolean dynamoDb = readDynamoDb();
        boolean json = roundTripJson();
        String http = primeHttp();
        LOG.info("SnapStart priming: {} beans built, DynamoDB read {}, JSON {}, HTTP {}, in {} ms", beans,
                dynamoDb ? "done" : "skipped", json ? "done" : "skipped", http,
                (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> restore) {
        // Nothing to renew: the SDK's credential provider and HTTP client recover on their own after a restore.
    }

    /** Builds every singleton declared in se.vagen that this context can build; returns how many. */
    int buildBeans() {
        int built = 0;
        for (BeanDefinition<?> definition : context.getAllBeanDefinitions()) {
            if (!definition.isSingleton() || !declaredHere(definition)) {
                continue;
            }
            try {
                context.getBean(definition);
                built++;
            } catch (RuntimeException notForThisFunction) {
                LOG.debug("Priming skipped {}: {}", definition.getBeanType().getName(), notForThisFunction.toString());
            }
        }
        return built;
    }

    private static boolean declaredHere(BeanDefinition<?> definition) {
        return definition.getBeanType().getName().startsWith("se.vagen.")
                || definition.getDeclaringType().map(type -> type.getName().startsWith("se.vagen.")).orElse(false);
    }

    private boolean readDynamoDb() {
        TableNames tables = context.findBean(TableNames.class).orElse(null);
        DynamoDbClient client = context.findBean(DynamoDbClient.class).orElse(null);
        if (tables == null || client == null) {
            return false;
        }
        for (Map.Entry<Function<TableNames, String>, Map<String, String>> entry : KEYS) {
            String table = entry.getKey().apply(tables);
            if (table == null || table.isBlank()) {
                continue;
            }
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            entry.getValue().forEach((name, value) -> key.put(name, AttributeValue.fromS(value)));
            try {
                client.getItem(b -> b.tableName(table).key(key));
                return true;
            } catch (SdkException e) {
                LOG.warn("SnapStart priming: DynamoDB read failed ({}); continuing unprimed", e.getClass().getSimpleName());
                return false;
            }
        }
        return false;
    }

    private String primeHttp() {
        if (!HttpPriming.available()) {
            return "none";
        }
        try {
            return HttpPriming.health(context).map(status -> "GET /health " + status).orElse("none");
        } catch (RuntimeException e) {
            LOG.warn("SnapStart priming: GET /health failed ({})", e.toString());
            return "failed";
        }
    }

    private boolean roundTripJson() {
        JsonMapper mapper = context.findBean(JsonMapper.class).orElse(null);
        if (mapper == null) {
            return false;
        }
        try {
            byte[] bytes = mapper.writeValueAsBytes(Map.of("primed", true, "items", List.of("a", "b")));
            mapper.readValue(bytes, Map.class);
            return true;
        } catch (IOException e) {
            LOG.warn("SnapStart priming: JSON round trip failed ({})", e.toString());
            return false;
        }
    }
}
