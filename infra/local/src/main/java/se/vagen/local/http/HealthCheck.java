package se.vagen.local.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.vagen.local.outbox.Outbox;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** GET /health of the local stack: DynamoDB answers ListTables, S3 has the buckets, the outbox runs. */
public final class HealthCheck {

    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final List<String> buckets;
    private final Outbox outbox;

    public HealthCheck(DynamoDbClient dynamoDb, S3Client s3, List<String> buckets, Outbox outbox) {
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
        this.buckets = buckets;
        this.outbox = outbox;
    }

    /** Part name -> "UP" or what failed. */
    public Map<String, String> check() {
        Map<String, String> parts = new LinkedHashMap<>();
        try {
            dynamoDb.listTables(b -> b.limit(1));
            parts.put("dynamodb", "UP");
        } catch (SdkException e) {
            parts.put("dynamodb", "DOWN: " + e.getClass().getSimpleName());
        }
        String s3State = "UP";
        for (String bucket : buckets) {
            try {
                s3.headBucket(b -> b.bucket(bucket));
            } catch (SdkException e) {
                s3State = "DOWN: bucket " + bucket + ": " + e.getClass().getSimpleName();
                break;
            }
        }
        parts.put("s3", s3State);
        parts.put("outbox", outbox.isRunning() ? "UP" : "DOWN");
        return parts;
    }

    public static boolean allUp(Map<String, String> parts) {
        return parts.values().stream().allMatch("UP"::equals);
    }
}
