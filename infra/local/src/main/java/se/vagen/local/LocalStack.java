package se.vagen.local;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.aws.LazyBeans;
import se.vagen.local.auth.LocalJwt;
import se.vagen.local.faults.DynamoDbFaultProxy;
import se.vagen.local.http.DevRoutes;
import se.vagen.local.http.Functions;
import se.vagen.local.http.HealthCheck;
import se.vagen.local.http.LambdaBudget;
import se.vagen.local.http.LocalHttpServer;
import se.vagen.local.outbox.Outbox;
import se.vagen.local.schema.TemplateRoutes;
import se.vagen.local.schema.TemplateTables;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole local stack: DynamoDB Local with the template's tables, S3Mock, the outbox, one shared Micronaut
 * context with every function handler, and the HTTP server. {@link VagenLocal} runs it from the command line;
 * the tests' {@code VagenStack} starts one per test JVM.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    static {
        DynamoDbFaultProxy.noDelay();
    }

    public static final String REGION = "eu-north-1";
    public static final String LISTS_BUCKET = "vagen-lists";
    public static final String INBOUND_MAIL_BUCKET = "vagen-inbound-mail";
    public static final String EMAIL_FROM = "noreply@vagen.local";
    public static final String SMS_ORIGINATION_IDENTITY = "+46700000000";

    /** How to start: port (0 = free), data directory (null = in memory), demo data, table-name prefix. */
    public record Options(int port, Path dataDir, boolean demo, String stage) {
        public static Options defaults() {
            return new Options(8080, null, true, "local");
        }

        public Options withPort(int port) {
            return new Options(port, dataDir, demo, stage);
        }

        public Options withDataDir(Path dataDir) {
            return new Options(port, dataDir, demo, stage);
        }

        public Options withDemo(boolean demo) {
            return new Options(port, dataDir, demo, stage);
        }

        public Options withStage(String stage) {
            return new Options(port, dataDir, demo, stage);
        }
    }

    private final List<AutoCloseable> parts = new ArrayList<>();
    private Path tempDir;
    private LocalHttpServer http;
    private Outbox outbox;
    private ApplicationContext context;
    private TemplateTables tables;
    private LocalJwt jwt;
    private DevRoutes dev;
    private final LambdaBudget budget = new LambdaBudget();
    private Duration startup;
    private URI dynamoDbEndpoint;
    private URI dynamoDbLocalEndpoint;
    private DynamoDbFaultProxy dynamoFaults;
    private URI s3Endpoint;

    /** Start-up work in parallel: not the common pool, which has one thread on a two-core machine. */
    private final java.util.concurrent.ExecutorService starter = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "vagen-local-start");
        t.setDaemon(true);
        return t;
    });
    private final List<CompletableFuture<?>> startWork = new ArrayList<>();

    private LocalStack() {
    }

    private <T> CompletableFuture<T> background(CompletableFuture<T> work) {
        startWork.add(work);
        return work;
    }

    /** Starts everything; returns when every part answers (and demo data is loaded, if asked). */
    public static LocalStack start(Options options) throws Exception {
        LocalStack stack = new LocalStack();
        try {
            stack.doStart(options);
            return stack;
        } catch (Exception | Error e) {
            // Let parts still starting finish, so close() stops them too.
            for (CompletableFuture<?> work : stack.startWork) {
                try {
                    work.join();
                } catch (RuntimeException ignored) {
                    // the first failure is the one reported
                }
            }
            stack.close();
            throw e;
        } finally {
            stack.starter.shutdown();
        }
    }

    private void doStart(Options options) throws Exception {
        long started = System.nanoTime();
        useLocalCredentials();
        tempDir = Files.createTempDirectory("vagen-local-");

        // Ports first, so every endpoint is known before anything starts; then start the parts in parallel.
        http = LocalHttpServer.bind(options.port());
        parts.add(http);
        int dynamoPort = freePort();
        int s3Port = freePort();
        Path s3Root = options.dataDir() == null ? tempDir.resolve("s3") : options.dataDir().resolve("s3");
        S3MockProcess s3mock = S3MockProcess.start(s3Port, s3Root, options.dataDir() != null,
                List.of(LISTS_BUCKET, INBOUND_MAIL_BUCKET));
        parts.add(s3mock);
        s3Endpoint = s3mock.endpoint();
        // Download links go through a gate that refuses expired links, as S3 does (S3Mock does not check).
        PresignedLinkGate linkGate = PresignedLinkGate.start(s3Endpoint, java.time.Clock.systemUTC());
        parts.add(linkGate);
        CompletableFuture<Void> s3Ready = background(CompletableFuture.runAsync(() -> {
            try {
                s3mock.awaitReady();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, starter));
        CompletableFuture<LocalJwt> jwtReady = background(CompletableFuture.supplyAsync(LocalJwt::new, starter));
        outbox = new Outbox().start();
        parts.add(outbox);

        LOG.debug("S3Mock launched, outbox up: {} ms", (System.nanoTime() - started) / 1_000_000);
        dynamoDbLocalEndpoint = URI.create("http://localhost:" + dynamoPort);
        // The functions reach DynamoDB Local through a proxy that can answer with DynamoDB's throttling errors.
        dynamoFaults = DynamoDbFaultProxy.start(dynamoDbLocalEndpoint);
        parts.add(dynamoFaults);
        dynamoDbEndpoint = dynamoFaults.endpoint();
        Map<String, Object> template = TemplateTables.templateFromClasspath();
        tables = new TemplateTables(template, options.stage());
        TemplateRoutes routes = TemplateRoutes.of(template);
        // DynamoDB Local and the tables come up while the context is built (its beans are lazy: nothing
        // talks to DynamoDB before the tables exist).
        CompletableFuture<Void> tablesReady = background(CompletableFuture.runAsync(() -> {
            try {
                DynamoDbLocal dynamo = DynamoDbLocal.start(
                        options.dataDir() == null ? null : options.dataDir().resolve("dynamodb"), dynamoPort);
                synchronized (parts) {
                    parts.add(dynamo);
                }
                LOG.debug("DynamoDB Local up: {} ms", (System.nanoTime() - started) / 1_000_000);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
            try (DynamoDbClient client = DynamoDbClient.builder()
                    .endpointOverride(dynamoDbLocalEndpoint)
                    .region(Region.of(REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build()) {
                tables.createAll(client);
            }
            LOG.debug("Tables created: {} ms", (System.nanoTime() - started) / 1_000_000);
        }, starter));

        String publicBaseUrl = "http://localhost:" + http.port();
        Map<String, Object> properties = new LinkedHashMap<>(tables.properties());
        properties.put("vagen.aws.region", REGION);
        properties.put("vagen.aws.dynamodb-endpoint", dynamoDbEndpoint.toString());
        properties.put("vagen.aws.s3-endpoint", s3Endpoint.toString());
        properties.put("vagen.aws.s3-presign-endpoint", linkGate.endpoint().toString());
        properties.put("vagen.aws.ses-endpoint", outbox.endpoint().toString());
        properties.put("vagen.aws.sns-endpoint", outbox.endpoint().toString());
        properties.put("vagen.public-base-url", publicBaseUrl);
        properties.put("vagen.email.from", EMAIL_FROM);
        properties.put("vagen.sms.origination-identity", SMS_ORIGINATION_IDENTITY);
        properties.put("vagen.buckets.lists", LISTS_BUCKET);
        properties.put("vagen.buckets.inbound-mail", INBOUND_MAIL_BUCKET);
        // Staff sign in on the staff page through /dev/token here; in AWS through Cognito's hosted UI.
        properties.put("vagen.staff.local-sign-in", "true");
        // The forms send Referrer-Policy: no-referrer, so a browser's form post carries "Origin: null". Micronaut
        // refuses such posts to a localhost host (drive-by-localhost protection) with 403; API Gateway has no such
        // check, and in AWS the host is never local. Let them through, as in AWS.
        properties.put("micronaut.server.cors.localhost-pass-through", true);
        context = LazyBeans.lazy(ApplicationContext.builder()
                        .environments("function", "local")
                        .deduceEnvironment(false)
                        .properties(properties))
                .start();
        synchronized (parts) {
            parts.add(context);
        }
        Functions functions = Functions.load(context);
        LOG.debug("Context and handlers ready: {} ms", (System.nanoTime() - started) / 1_000_000);

        try {
            CompletableFuture.allOf(s3Ready, tablesReady, jwtReady).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
        LOG.debug("S3Mock, tables and signing key ready: {} ms", (System.nanoTime() - started) / 1_000_000);
        jwt = jwtReady.join();
        S3Client s3 = context.getBean(S3Client.class);
        DynamoDbClient dynamoDb = context.getBean(DynamoDbClient.class);
        dev = new DevRoutes(functions, jwt, outbox, budget, s3,
                new DevRoutes.Settings(SMS_ORIGINATION_IDENTITY, EMAIL_FROM, INBOUND_MAIL_BUCKET));
        dev.dynamoFaults(dynamoFaults, tables.physicalNames());
        http.serve(functions, routes, jwt, budget,
                new HealthCheck(dynamoDb, s3, List.of(LISTS_BUCKET, INBOUND_MAIL_BUCKET), outbox), dev);
        if (options.demo()) {
            loadDemoData();
        }
        startup = Duration.ofNanos(System.nanoTime() - started);
        LOG.debug("Ready: {} ms", startup.toMillis());
    }

    /** See {@link Logging#quiet(boolean)}; the tests' stack keeps the functions' INFO logs. */
    public static void quietLogging() {
        Logging.quiet(false);
    }

    /** The SDK clients must never pick up a developer's real AWS credentials here. */
    private static void useLocalCredentials() {
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        System.clearProperty("aws.sessionToken");
        if (System.getProperty("aws.region") == null) {
            System.setProperty("aws.region", REGION);
        }
    }

    /** Demo data goes through the staff API's import, as a real import would. */
    private void loadDemoData() {
        String token = jwt.issue("demo", List.of("staff", "admin"));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String kind : List.of("aspirants", "employers")) {
            String csv;
            try (InputStream in = LocalStack.class.getResourceAsStream("/demo/" + kind + ".csv")) {
                if (in == null) {
                    LOG.warn("Demo data: no demo/{}.csv; skipped", kind);
                    continue;
                }
                csv = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                LOG.warn("Demo data: cannot read demo/{}.csv: {}", kind, e.toString());
                continue;
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                baseUri().resolve("/staff/" + kind + "/import"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "text/csv; charset=utf-8")
                        .timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofString(csv))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    LOG.debug("Demo data: {} imported", kind);
                } else {
                    LOG.warn("Demo data: {} import answered {}; skipped", kind, response.statusCode());
                }
            } catch (IOException e) {
                LOG.warn("Demo data: {} import failed: {}", kind, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + http.port());
    }

    public int port() {
        return http.port();
    }

    public Duration startupTime() {
        return startup;
    }

    public ApplicationContext context() {
        return context;
    }

    public Outbox outbox() {
        return outbox;
    }

    public LocalJwt jwt() {
        return jwt;
    }

    public LambdaBudget lambdaBudget() {
        return budget;
    }

    public TemplateTables tables() {
        return tables;
    }

    public DevRoutes dev() {
        return dev;
    }

    /** Where the functions reach DynamoDB: the fault proxy in front of DynamoDB Local. */
    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    /** DynamoDB Local itself, past the fault proxy. */
    public URI dynamoDbLocalEndpoint() {
        return dynamoDbLocalEndpoint;
    }

    /** The fault-injecting proxy in front of DynamoDB Local. */
    public DynamoDbFaultProxy dynamoFaults() {
        return dynamoFaults;
    }

    public URI s3Endpoint() {
        return s3Endpoint;
    }

    /** Stops every part, newest first; safe to call twice. */
    @Override
    public synchronized void close() {
        List<AutoCloseable> toClose;
        synchronized (parts) {
            toClose = new ArrayList<>(parts);
            parts.clear();
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", toClose.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        if (tempDir != null) {
            try (Stream<Path> files = Files.walk(tempDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                LOG.debug("Temp folder left: {}", e.toString());
            }
            tempDir = null;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
