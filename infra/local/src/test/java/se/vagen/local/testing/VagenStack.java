package se.vagen.local.testing;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import se.vagen.local.LocalStack;
import se.vagen.local.faults.DynamoDbFaultProxy;
import se.vagen.local.http.Functions;
import se.vagen.local.outbox.Fault;
import se.vagen.local.outbox.OutboxMessage;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The integration-test handle: one local stack per test JVM, started by the first {@link #shared()} call (in
 * memory, no demo data, a free port) and stopped when the JVM exits. Tests reach every part through it: HTTP on
 * the stack's port, the SDK clients of the shared Micronaut context (DynamoDB Local, S3Mock), the outbox, and the
 * jobs and inbound-message entry points the /dev routes use.
 *
 * <p><b>Every test class shares this one stack, so tables are never empty and never reset.</b> Write tests that
 * make their own data with unique keys (a random id, phone number or org number per test) and assert only on
 * that data: e.g. filter the outbox by your recipient ({@link #outboxTo(String)}) or take {@link #outboxSize()}
 * before an action and read {@link #outboxSince(int)} after it; never assert that a table or the outbox holds
 * exactly N items overall. A job run ({@link #runJob}) sees every other test's data too. Faults injected with
 * {@link #failNext} or {@link #throttleDynamo} and a shortened {@link #lambdaTimeout} affect everyone: undo them in a {@code finally} /
 * {@code @AfterEach} ({@link #clearFaults()}, {@link #resetLambdaTimeout()}), and keep such tests in one class.
 *
 * <p>Tests that would disturb everyone else (thousands of items, a job over all of them, held requests) start their
 * own stack with {@link #isolated()} and close it when done; they are tagged {@code own-stack} and run in their own
 * surefire execution (infra/local/pom.xml), so they never slow down the shared stack's job runs.
 *
 * <p>Example:
 * <pre>{@code
 * VagenStack stack = VagenStack.shared();
 * String token = stack.staffToken("anna", "staff");
 * HttpResponse<String> r = stack.get("/staff/forum-lists", token);
 * }</pre>
 */
public final class VagenStack implements AutoCloseable {

    private static VagenStack shared;
    private static IllegalStateException failure;

    private final LocalStack stack;
    private final boolean isolated;
    private DynamoDbClient directDynamoDb;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private VagenStack(LocalStack stack, boolean isolated) {
        this.stack = stack;
        this.isolated = isolated;
    }

    /**
     * A stack of its own (its own ports, DynamoDB Local, S3Mock and outbox; in memory, no demo data), beside the
     * shared one if that runs too. The caller closes it ({@link #close()}).
     */
    public static VagenStack isolated() throws Exception {
        LocalStack.quietLogging();
        LocalStack started = LocalStack.start(LocalStack.Options.defaults().withPort(0).withDemo(false));
        System.out.printf("VagenStack: isolated local stack ready at %s in %d ms%n", started.baseUri(),
                started.startupTime().toMillis());
        return new VagenStack(started, true);
    }

    /** Stops an {@link #isolated()} stack; does nothing to the shared one (the JVM's exit stops that). */
    @Override
    public void close() {
        if (isolated) {
            if (directDynamoDb != null) {
                directDynamoDb.close();
            }
            stack.close();
        }
    }

    /** The stack of this test JVM, started on first use. */
    public static synchronized VagenStack shared() {
        if (failure != null) {
            throw failure;
        }
        if (shared == null) {
            LocalStack.quietLogging();
            try {
                LocalStack started = LocalStack.start(LocalStack.Options.defaults().withPort(0).withDemo(false));
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "vagen-stack-stop"));
                System.out.printf("VagenStack: local stack ready at %s in %d ms%n", started.baseUri(),
                        started.startupTime().toMillis());
                shared = new VagenStack(started, false);
            } catch (Exception e) {
                failure = new IllegalStateException("The local stack did not start: " + e, e);
                throw failure;
            }
        }
        return shared;
    }

    /** The running stack, for anything this handle does not cover. */
    public LocalStack stack() {
        return stack;
    }

    /** e.g. http://localhost:41234 */
    public URI baseUri() {
        return stack.baseUri();
    }

    // ------------------------------------------------------------------ HTTP

    /** GET {@code path} (with query), with a Bearer token when {@code token} is not null. */
    public HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    /** POST {@code body} as {@code contentType}, with a Bearer token when {@code token} is not null. */
    public HttpResponse<String> post(String path, String contentType, String body, String token) {
        return send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** PUT {@code body} as {@code contentType}. */
    public HttpResponse<String> put(String path, String contentType, String body, String token) {
        return send(request(path, token).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Any request built on {@link #request(String, String)}. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request builder for {@code path} on the stack (Bearer token if given). */
    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(baseUri().resolve(path)).timeout(Duration.ofMinutes(2));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** A valid token for {@code user} in {@code groups} (as POST /dev/token gives). */
    public String staffToken(String user, String... groups) {
        return stack.jwt().issue(user, List.of(groups));
    }

    // ------------------------------------------------------------------ AWS parts

    /** The shared Micronaut context every function handler runs in. */
    public ApplicationContext context() {
        return stack.context();
    }

    /** DynamoDB client of the functions (the context's bean): DynamoDB Local through the fault proxy. */
    public DynamoDbClient dynamoDb() {
        return context().getBean(DynamoDbClient.class);
    }

    /** A DynamoDB client straight on DynamoDB Local, past the fault proxy: for checks while faults are pending. */
    public synchronized DynamoDbClient directDynamoDb() {
        if (directDynamoDb == null) {
            directDynamoDb = DynamoDbClient.builder()
                    .endpointOverride(stack.dynamoDbLocalEndpoint())
                    .region(Region.of(LocalStack.REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }
        return directDynamoDb;
    }

    public DynamoDbEnhancedClient enhanced() {
        return context().getBean(DynamoDbEnhancedClient.class);
    }

    /** S3 client on S3Mock (path-style; buckets vagen-lists and vagen-inbound-mail exist). */
    public S3Client s3() {
        return context().getBean(S3Client.class);
    }

    /** Physical name of a template table: tableName("AspirantsTable") -> "local-vagen-aspirants". */
    public String tableName(String logicalId) {
        String name = stack.tables().physicalNames().get(logicalId);
        if (name == null) {
            throw new IllegalArgumentException("No table " + logicalId + " in template.yaml");
        }
        return name;
    }

    // ------------------------------------------------------------------ outbox

    /** Every SMS and e-mail sent so far (by every test), oldest first. */
    public List<OutboxMessage> outbox() {
        return stack.outbox().messages();
    }

    public int outboxSize() {
        return stack.outbox().size();
    }

    /** Messages sent after {@code index} (take {@link #outboxSize()} before your action). */
    public List<OutboxMessage> outboxSince(int index) {
        return stack.outbox().since(index);
    }

    /** Messages to one recipient (phone number in E.164 or e-mail address), oldest first. */
    public List<OutboxMessage> outboxTo(String recipient) {
        return outbox().stream().filter(m -> m.to() != null && List.of(m.to().split(",")).contains(recipient)).toList();
    }

    /** The next {@code count} sends on "sms" or "email" fail with {@code fault} (through the SDK's retries). */
    public void failNext(String channel, int count, Fault fault) {
        stack.outbox().failNext(channel, count, fault);
    }

    /** Drops pending faults (the outbox's and the DynamoDB proxy's) and lets held requests go ({@link #holdAfter}). */
    public void clearFaults() {
        stack.outbox().clearFaults();
        stack.dynamoFaults().clearFaults();
    }

    // ------------------------------------------------------------------ DynamoDB faults

    /**
     * The next {@code count} DynamoDB requests of {@code operation} ("PutItem", "UpdateItem", "Query", ...; null =
     * any) on the template table {@code logicalTable} ("CheckInsTable"; null = any) answer 400
     * ProvisionedThroughputExceededException. Each HTTP attempt counts, so the SDK's retries use up the count.
     */
    public void throttleDynamo(String operation, String logicalTable, int count) {
        failDynamo(DynamoDbFaultProxy.Fault.PROVISIONED_THROUGHPUT_EXCEEDED, operation, logicalTable, null, count);
    }

    /** As {@link #throttleDynamo}, with any fault and only for requests whose body contains {@code bodyContains}. */
    public void failDynamo(DynamoDbFaultProxy.Fault fault, String operation, String logicalTable, String bodyContains,
                           int count) {
        stack.dynamoFaults().failNext(fault, operation, logicalTable == null ? null : tableName(logicalTable),
                bodyContains, count);
    }

    /** DynamoDB requests answered with an injected fault since the stack started (take it before, compare after). */
    public int dynamoFaultsInjected() {
        return stack.dynamoFaults().injected();
    }

    /** The next {@code accepted} sends on "sms" or "email" go through, every later one hangs unanswered until {@link #clearFaults()}. */
    public void holdAfter(String channel, int accepted) {
        stack.outbox().holdAfter(channel, accepted);
    }

    /** Requests on "sms" or "email" held unanswered right now. */
    public int held(String channel) {
        return stack.outbox().held(channel);
    }

    // ------------------------------------------------------------------ jobs, inbound messages, Lambda time

    /** Runs checkin-reminders, forum-list or survey-links as of {@code at}; returns its JSON summary. */
    public String runJob(String job, OffsetDateTime at) {
        return runJob(job, at, null);
    }

    /** As {@link #runJob(String, OffsetDateTime)} with an action (survey-links: "campaign" or "reminders"). */
    public String runJob(String job, OffsetDateTime at, String action) {
        Functions.Function function = Functions.Function.job(job)
                .orElseThrow(() -> new IllegalArgumentException("Unknown job " + job));
        try {
            return stack.dev().runJob(function, at == null ? null : at.toString(), action);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An inbound SMS as AWS delivers it; returns the reply SMS text sent to {@code from}, or null. */
    public String smsInbound(String from, String text) {
        return smsInbound(from, text, null);
    }

    /** As {@link #smsInbound(String, String)} with a given inbound message id (to test duplicate delivery). */
    public String smsInbound(String from, String text, String messageId) {
        try {
            return stack.dev().smsInbound(from, text, messageId).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An inbound e-mail as SES receiving delivers it; returns the reply e-mail's text, or null. */
    public String emailInbound(String from, String subject, String text) {
        try {
            Optional<String> reply = stack.dev().emailInbound(from, subject, text);
            return reply.orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gives every following invocation only {@code budget} of Lambda time (getRemainingTimeInMillis). */
    public void lambdaTimeout(Duration budget) {
        stack.lambdaBudget().set(budget);
    }

    /** Back to 15 minutes. */
    public void resetLambdaTimeout() {
        stack.lambdaBudget().reset();
    }
}
