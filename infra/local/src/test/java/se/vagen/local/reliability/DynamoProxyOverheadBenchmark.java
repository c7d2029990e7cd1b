package se.vagen.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import se.vagen.local.LocalStack;
import se.vagen.local.testing.VagenStack;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Warm latency of one DynamoDB request (a consistent GetItem of a small item) through the fault proxy vs straight to
 * DynamoDB Local, with two identical SDK clients on the url-connection client, measured alternately so both see the
 * same machine. Prints median, p90 and p99 per path (the figure in docs/reliability.md). Not part of the normal test
 * run: {@code ./mvnw -B -q -pl infra/local -am verify -Dtest=DynamoProxyOverheadBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class DynamoProxyOverheadBenchmark {

    private static final int WARM_UP = 3_000;
    private static final int MEASURED = 5_000;

    @Test
    void proxyVersusDirect() {
        VagenStack stack = VagenStack.shared();
        String table = stack.tableName("IdempotencyTable");
        Map<String, AttributeValue> key = Map.of("key", AttributeValue.fromS("bench#proxy-overhead"));
        stack.directDynamoDb().putItem(r -> r.tableName(table).item(Map.of(
                "key", AttributeValue.fromS("bench#proxy-overhead"), "status", AttributeValue.fromS("SENT"))));
        GetItemRequest get = GetItemRequest.builder().tableName(table).key(key).consistentRead(true).build();
        try (DynamoDbClient direct = client(stack.stack().dynamoDbLocalEndpoint());
             DynamoDbClient proxied = client(stack.stack().dynamoDbEndpoint())) {
            for (int i = 0; i < WARM_UP; i++) {
                direct.getItem(get);
                proxied.getItem(get);
            }
            long[] d = new long[MEASURED];
            long[] p = new long[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                long t0 = System.nanoTime();
                direct.getItem(get);
                long t1 = System.nanoTime();
                assertEquals("SENT", proxied.getItem(get).item().get("status").s());
                long t2 = System.nanoTime();
                d[i] = t1 - t0;
                p[i] = t2 - t1;
            }
            System.out.printf("DynamoDB GetItem, warm, %d each: direct %s | through the proxy %s%n", MEASURED,
                    percentiles(d), percentiles(p));
        }
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("median %.2f ms, p90 %.2f ms, p99 %.2f ms", sorted[sorted.length / 2] / 1e6,
                sorted[sorted.length * 9 / 10] / 1e6, sorted[sorted.length * 99 / 100] / 1e6);
    }

    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(LocalStack.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
