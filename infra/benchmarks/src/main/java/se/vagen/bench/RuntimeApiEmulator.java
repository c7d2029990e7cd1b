package se.vagen.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A tiny stand-in for the Lambda Runtime API (2018-06-01) that one runtime process talks to: it hands out
 * {@code invocations} copies of one event and records when each was handed out and when its answer came back.
 * After the last answer, further {@code /next} requests are held open (as Lambda does between invocations)
 * until the emulator is closed.
 */
final class RuntimeApiEmulator implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime";

    static {
        // Answer small responses at once: without TCP_NODELAY, delayed ACKs add ~40 ms to every invocation.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** One invocation as the emulator saw it; times are {@link System#nanoTime()}. */
    record Invocation(String requestId, long handedOutAt, long answeredAt, int status, String body) {
        double millis() {
            return (answeredAt - handedOutAt) / 1e6;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final byte[] event;
    private final int invocations;
    private final String functionArn;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<Invocation> answered = new ArrayList<>();
    private volatile long firstNextAt;
    private volatile String failure;
    private volatile boolean restoreRequested;
    private long handedOutAt;
    private String currentId;
    private int handedOut;

    RuntimeApiEmulator(byte[] event, int invocations, String functionName) throws IOException {
        this.event = event.clone();
        this.invocations = invocations;
        this.functionArn = "arn:aws:lambda:eu-north-1:123456789012:function:" + functionName;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** host:port, the value of AWS_LAMBDA_RUNTIME_API. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Waits until every invocation is answered, an error is reported, or the time is up. */
    boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    long firstNextAt() {
        return firstNextAt;
    }

    synchronized List<Invocation> answered() {
        return List.copyOf(answered);
    }

    /** Whether the runtime went through the SnapStart checkpoint/restore path. */
    boolean restoreRequested() {
        return restoreRequested;
    }

    /** The init or invocation error the runtime reported, or null. */
    String failure() {
        return failure;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            if ("GET".equals(method) && path.equals("/invocation/next")) {
                next(exchange);
            } else if ("POST".equals(method) && path.startsWith("/invocation/") && path.endsWith("/response")) {
                answer(exchange, 200);
            } else if ("POST".equals(method) && path.startsWith("/invocation/") && path.endsWith("/error")) {
                answer(exchange, 500);
            } else if ("GET".equals(method) && path.equals("/restore/next")) {
                // SnapStart: the runtime asks for this after the beforeCheckpoint hooks; we "restore" at once.
                restoreRequested = true;
                respond(exchange, 200, "{}");
            } else if ("POST".equals(method) && (path.equals("/init/error") || path.equals("/restore/error"))) {
                failure = "init error: " + body(exchange);
                respond(exchange, 202, "{}");
                finished.countDown();
            } else {
                respond(exchange, 404, "{\"errorMessage\":\"unknown route\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        String requestId;
        synchronized (this) {
            if (firstNextAt == 0) {
                firstNextAt = System.nanoTime();
            }
            if (handedOut >= invocations) {
                requestId = null;
            } else {
                handedOut++;
                requestId = UUID.randomUUID().toString();
                currentId = requestId;
            }
        }
        if (requestId == null) {
            // Lambda freezes the sandbox here; we keep the request open until the measurement is over.
            try {
                closing.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", requestId);
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                Long.toString(System.currentTimeMillis() + 30_000));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0");
        synchronized (this) {
            handedOutAt = System.nanoTime();
        }
        exchange.sendResponseHeaders(200, event.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(event);
        }
    }

    private void answer(HttpExchange exchange, int status) throws IOException {
        String body = body(exchange);
        long now = System.nanoTime();
        boolean done;
        synchronized (this) {
            String id = exchange.getRequestURI().getPath().split("/")[4];
            answered.add(new Invocation(id, handedOutAt, now, status, body));
            if (status != 200) {
                failure = "invocation error: " + body;
            }
            done = status != 200 || answered.size() >= invocations || !id.equals(currentId);
        }
        respond(exchange, 202, "{\"status\":\"OK\"}");
        if (done) {
            finished.countDown();
        }
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
