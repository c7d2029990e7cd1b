package se.vagen.local.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP endpoint in front of DynamoDB Local that forwards every request unchanged (method, path, body and
 * headers, the SigV4 {@code Authorization} included; only {@code Host} becomes DynamoDB Local's, whose signature
 * check ignores it) and, when told, answers a matching request itself with one of DynamoDB's real throttling or
 * server errors instead. The functions' SDK client points here, so its own retry logic runs against the faults.
 *
 * <p>A fault rule names an operation ({@code PutItem}, or the whole {@code X-Amz-Target}
 * {@code DynamoDB_20120810.PutItem}; null = any), optionally a physical table name (read from the JSON body:
 * {@code TableName}, the tables of {@code RequestItems} and {@code TransactItems}) and optionally a text the body
 * must contain (e.g. an aspirant id, to hit one item only), and applies to the next {@code count} matching HTTP
 * requests. Every attempt counts: the SDK's retry of a throttled call is a new matching request.
 * With no rule pending the proxy does not look at the body at all.
 */
public final class DynamoDbFaultProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbFaultProxy.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    /** Headers the JDK client sets itself, and hop-by-hop headers that are not forwarded. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection");

    static {
        noDelay();
    }

    /**
     * The JDK's HTTP server writes an answer's headers and body separately; without TCP_NODELAY the body waits for
     * the client's delayed ACK of the headers, ~40 ms on every keep-alive request (measured: 46 ms instead of 3 ms per
     * GetItem through the proxy). The setting is read once, when the first JDK HTTP server of the JVM starts, so the
     * local stack sets it before it starts any (it also spares the stack's other servers the wait).
     */
    public static void noDelay() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** DynamoDB's own answers when it throttles or fails (status, {@code __type}, message). */
    public enum Fault {
        /** 400: a table or index over its provisioned (or on-demand partition) throughput. Retryable, throttling. */
        PROVISIONED_THROUGHPUT_EXCEEDED(400, "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
                "The level of configured provisioned throughput for the table was exceeded. "
                        + "Consider increasing your provisioning level with the UpdateTable API. (injected)"),
        /** 400: the account's or the control plane's request rate exceeded. Retryable, throttling. */
        THROTTLING(400, "com.amazon.coral.availability#ThrottlingException",
                "Rate of requests exceeds the allowed throughput. (injected)"),
        /** 500: DynamoDB failed internally. Retryable. */
        INTERNAL_SERVER_ERROR(500, "com.amazonaws.dynamodb.v20120810#InternalServerError",
                "Internal server error (injected)"),
        /** 503: DynamoDB is unavailable. Retryable. */
        SERVICE_UNAVAILABLE(503, "com.amazonaws.dynamodb.v20120810#ServiceUnavailable",
                "The service is currently unavailable or busy. (injected)");

        private final int status;
        private final String type;
        private final String message;

        Fault(int status, String type, String message) {
            this.status = status;
            this.type = type;
            this.message = message;
        }

        public int status() {
            return status;
        }

        /** The error code the SDK reads ({@code __type} after the '#'). */
        public String code() {
            return type.substring(type.indexOf('#') + 1);
        }
    }

    /** One pending rule: {@code remaining} more matching requests get {@code fault}. */
    private static final class Rule {
        final Fault fault;
        final String operation;
        final String table;
        final String bodyContains;
        int remaining;

        Rule(Fault fault, String operation, String table, String bodyContains, int remaining) {
            this.fault = fault;
            this.operation = operation;
            this.table = table;
            this.bodyContains = bodyContains;
            this.remaining = remaining;
        }

        Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fault", fault.name());
            m.put("operation", operation == null ? "*" : operation);
            m.put("table", table == null ? "*" : table);
            if (bodyContains != null) {
                m.put("bodyContains", true);
            }
            m.put("remaining", remaining);
            return m;
        }
    }

    private final URI target;
    private final List<Rule> rules = new ArrayList<>();
    /** Read on every request without the lock: no rule, no work beyond forwarding. */
    private volatile boolean armed;
    private final AtomicInteger injected = new AtomicInteger();
    private final HttpClient client;
    private final HttpServer server;
    private final ExecutorService executor;

    private DynamoDbFaultProxy(URI target) throws IOException {
        this.target = target;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "dynamodb-fault-proxy");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts the proxy on a free loopback port, forwarding to {@code target} (DynamoDB Local). */
    public static DynamoDbFaultProxy start(URI target) throws IOException {
        DynamoDbFaultProxy proxy = new DynamoDbFaultProxy(target);
        proxy.server.start();
        return proxy;
    }

    /** Where the SDK clients should point. */
    public URI endpoint() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** Where requests go on (DynamoDB Local). */
    public URI target() {
        return target;
    }

    // ------------------------------------------------------------------ faults

    /**
     * The next {@code count} requests of {@code operation} (null = any) on {@code table} (physical name; null = any)
     * whose body contains {@code bodyContains} (null = any) are answered with {@code fault}.
     */
    public synchronized void failNext(Fault fault, String operation, String table, String bodyContains, int count) {
        if (fault == null) {
            throw new IllegalArgumentException("fault is required");
        }
        if (count < 1 || count > 100_000) {
            throw new IllegalArgumentException("count must be 1..100000");
        }
        rules.add(new Rule(fault, operation(operation), blankToNull(table), blankToNull(bodyContains), count));
        armed = true;
    }

    /** Drops every pending rule. */
    public synchronized void clearFaults() {
        rules.clear();
        armed = false;
    }

    /** How many requests were answered with a fault since the start. */
    public int injected() {
        return injected.get();
    }

    /** The pending rules (for the /dev page and test messages); body texts are not shown. */
    public synchronized List<Map<String, Object>> pending() {
        return rules.stream().map(Rule::describe).toList();
    }

    static String operation(String operation) {
        if (operation == null || operation.isBlank() || operation.equals("*")) {
            return null;
        }
        String op = operation.strip();
        return op.startsWith(TARGET_PREFIX) ? op.substring(TARGET_PREFIX.length()) : op;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The fault for this request, counting it against its rule; null to forward. */
    private synchronized Fault take(String operation, byte[] body) {
        Set<String> tables = null;
        String text = null;
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.operation != null && !rule.operation.equals(operation)) {
                continue;
            }
            if (rule.table != null) {
                if (tables == null) {
                    tables = tables(body);
                }
                if (!tables.contains(rule.table)) {
                    continue;
                }
            }
            if (rule.bodyContains != null) {
                if (text == null) {
                    text = new String(body, StandardCharsets.UTF_8);
                }
                if (!text.contains(rule.bodyContains)) {
                    continue;
                }
            }
            if (--rule.remaining <= 0) {
                it.remove();
                armed = !rules.isEmpty();
            }
            return rule.fault;
        }
        return null;
    }

    /** The tables a request names: TableName, RequestItems' keys, TransactItems' parts. */
    static Set<String> tables(byte[] body) {
        Set<String> names = new HashSet<>();
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return names;
        }
        if (json == null) {
            return names;
        }
        if (json.hasNonNull("TableName")) {
            names.add(json.get("TableName").asText());
        }
        json.path("RequestItems").fieldNames().forEachRemaining(names::add);
        for (JsonNode item : json.path("TransactItems")) {
            item.forEach(part -> {
                if (part.hasNonNull("TableName")) {
                    names.add(part.get("TableName").asText());
                }
            });
        }
        return names;
    }

    // ------------------------------------------------------------------ HTTP

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (armed) {
                String targetHeader = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                Fault fault = take(operation(targetHeader), body);
                if (fault != null) {
                    injected.incrementAndGet();
                    LOG.info("DynamoDB fault injected: {} on {}", fault.code(), targetHeader);
                    answerFault(exchange, fault);
                    return;
                }
            }
            forward(exchange, body);
        } catch (IOException | RuntimeException e) {
            // The client sees a dropped connection or the 502 below and retries as it would against AWS.
            LOG.warn("DynamoDB proxy could not handle a request: {}", e.toString());
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        URI uri = target.resolve(exchange.getRequestURI().toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMinutes(2))
                .method(exchange.getRequestMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            LOG.warn("DynamoDB Local did not answer the proxy: {}", e.toString());
            send(exchange, 502, "application/x-amz-json-1.0",
                    ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\","
                            + "\"message\":\"DynamoDB Local did not answer the proxy\"}").getBytes(StandardCharsets.UTF_8));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] answer = response.body();
        exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private static void answerFault(HttpExchange exchange, Fault fault) throws IOException {
        byte[] body = JSON.createObjectNode().put("__type", fault.type).put("message", fault.message).toString()
                .getBytes(StandardCharsets.UTF_8);
        send(exchange, fault.status, "application/x-amz-json-1.0", body);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(body);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        // DynamoDB signs its bodies with a CRC32 the SDK checks.
        exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
