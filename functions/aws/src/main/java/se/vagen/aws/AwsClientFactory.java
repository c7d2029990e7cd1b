package se.vagen.aws;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB clients, which every function uses. Other services have their own factory, defined only when
 * their SDK module is in the function's artifact. Beans are lazy (see the function handlers): a client is
 * built the first time something needs it.
 */
@Factory
public class AwsClientFactory {

    /** Attempts per call, the first included. */
    static final int DYNAMODB_MAX_ATTEMPTS = 5;

    /**
     * The SDK's retries for DynamoDB, set here rather than left to the SDK's defaults. Without a setting the SDK
     * (2.57) uses its {@code legacy} mode with DynamoDB's own numbers: 9 attempts, 500 ms throttling base delay,
     * backoff up to 20 s, i.e. up to a minute of sleeping on one throttled call. That outlasts the forms' 10 s
     * Lambda timeout (the aspirant would get API Gateway's bare error, not our "try again" page) and a reminder
     * run's per-aspirant work. Every caller here has a retry of its own after the SDK gives up: the aspirant posts
     * the form again, the next reminder run claims a failed send again, Lambda redelivers an inbound message, a
     * failed forum-list run is retried by Lambda and its dead-letter queue. So the SDK only needs to ride out a
     * short burst, and then fail fast:
     * <ul>
     *   <li>{@code standard} mode (the AWS-wide default going forward), whose retry quota stops retrying when most
     *       calls fail (no retry storm against a struggling table);</li>
     *   <li>{@value #DYNAMODB_MAX_ATTEMPTS} attempts; throttling backoff 100 ms doubling, full jitter, at most 2 s
     *       (worst case 1.5 s asleep per call); other retryable errors (5xx, I/O) 25 ms doubling, at most 1 s.</li>
     * </ul>
     * Not {@code adaptive}: its client-side rate limiter, once throttled, delays every later request of the client
     * (every table, every request a warm instance serves), which costs the forms latency and, in a Lambda
     * instance that lives minutes, learns little; AWS recommends it only for a client hammering one resource.
     */
    static RetryStrategy dynamoDbRetryStrategy() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(DYNAMODB_MAX_ATTEMPTS)
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(2)))
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(25), Duration.ofSeconds(1)))
                .build();
    }

    @Singleton
    DynamoDbClient dynamoDb(ClientSetup setup) {
        return setup.configure(DynamoDbClient.builder(), setup.settings().dynamodbEndpoint())
                .overrideConfiguration(o -> o.retryStrategy(dynamoDbRetryStrategy()))
                .build();
    }

    @Singleton
    DynamoDbEnhancedClient dynamoDbEnhanced(DynamoDbClient dynamoDb) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
    }
}
