package se.vagen.local.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import se.vagen.aws.SignedRequests;
import se.vagen.aws.ses.SesEmailSender;
import se.vagen.aws.sns.SnsSmsSender;
import se.vagen.local.schema.CloudFormationYaml;
import se.vagen.local.schema.TemplateTables;
import se.vagen.messaging.OutgoingEmail;
import se.vagen.messaging.OutgoingSms;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The same foundation checks against LocalStack (Testcontainers) instead of the embedded parts: tables from
 * template.yaml, S3, and the SES v2 and SNS adapters. Runs only where a Docker engine is available; skipped
 * cleanly otherwise (as on the build machine here).
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackAdaptersTest {

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(
            DockerImageName.parse("localstack/localstack:4.4"))
            .withServices("dynamodb", "s3", "ses", "sns");

    private static StaticCredentialsProvider credentials;

    @BeforeAll
    static void credentials() {
        credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        return builder.endpointOverride(LOCALSTACK.getEndpoint())
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(credentials);
    }

    @Test
    void tablesFromTheTemplate() {
        try (DynamoDbClient dynamoDb = configure(DynamoDbClient.builder()).httpClient(UrlConnectionHttpClient.create()).build()) {
            TemplateTables tables = new TemplateTables(CloudFormationYaml.parse(Path.of("../../template.yaml")), "ls");
            tables.createAll(dynamoDb);
            tables.tables().values().forEach(t -> assertEquals(t.createRequest().keySchema(),
                    dynamoDb.describeTable(b -> b.tableName(t.physicalName())).table().keySchema()));
        }
    }

    @Test
    void s3PutAndGet() {
        try (S3Client s3 = configure(S3Client.builder()).forcePathStyle(true).httpClient(UrlConnectionHttpClient.create()).build()) {
            s3.createBucket(b -> b.bucket("vagen-lists-ls"));
            s3.putObject(b -> b.bucket("vagen-lists-ls").key("a.csv"), RequestBody.fromString("x;y"));
            assertEquals("x;y", s3.getObjectAsBytes(b -> b.bucket("vagen-lists-ls").key("a.csv")).asUtf8String());
        }
    }

    @Test
    void sesAdapter() throws Exception {
        String to = "l" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        try (SesV2Client ses = configure(SesV2Client.builder()).httpClient(UrlConnectionHttpClient.create()).build()) {
            ses.createEmailIdentity(b -> b.emailIdentity("noreply@vagen.local"));
        }
        new SesEmailSender(new SignedRequests(UrlConnectionHttpClient.create(), credentials, Region.of(LOCALSTACK.getRegion())),
                LOCALSTACK.getEndpoint(), "noreply@vagen.local").send(new OutgoingEmail(to, "Hej", "Text", "<p>Text</p>"));
        String sent = get("/_aws/ses");
        assertTrue(sent.contains(to), sent);
    }

    @Test
    void snsAdapter() throws Exception {
        String to = "+4670" + (1_000_000 + (int) (Math.random() * 8_999_999));
        new SnsSmsSender(new SignedRequests(UrlConnectionHttpClient.create(), credentials, Region.of(LOCALSTACK.getRegion())),
                LOCALSTACK.getEndpoint(), "+46700000000").send(new OutgoingSms(to, "Hej från Vägen"));
        String sent = get("/_aws/sns/sms-messages");
        assertTrue(sent.contains(to), sent);
    }

    private static String get(String path) throws Exception {
        URI uri = LOCALSTACK.getEndpoint().resolve(path);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
