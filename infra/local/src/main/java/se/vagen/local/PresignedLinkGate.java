package se.vagen.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * Where the local stack's download links point. S3Mock serves presigned GETs but does not check their expiry;
 * S3 does. This gate answers an expired or unsigned link 403 with S3's error body and passes a valid one to
 * S3Mock, so "a link works, then fails after expiry" holds locally too.
 */
final class PresignedLinkGate implements AutoCloseable {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI s3;
    private final Clock clock;

    private PresignedLinkGate(URI s3, Clock clock) throws IOException {
        this.s3 = s3;
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "vagen-presign-gate");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    static PresignedLinkGate start(URI s3Endpoint, Clock clock) throws IOException {
        return new PresignedLinkGate(s3Endpoint, clock);
    }

    URI endpoint() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                reply(exchange, 405, "MethodNotAllowed", "Download links are GET only.");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            Optional<String> refusal = refusal(query, clock.instant());
            if (refusal.isPresent()) {
                reply(exchange, 403, "AccessDenied", refusal.get());
                return;
            }
            URI target = URI.create(s3 + exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
            HttpRequest forward = HttpRequest.newBuilder(target).method(method, HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<InputStream> answer = client.send(forward, HttpResponse.BodyHandlers.ofInputStream());
            answer.headers().map().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("transfer-encoding")
                        && !name.equalsIgnoreCase("connection") && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            long length = answer.headers().firstValueAsLong("content-length").orElse(0);
            exchange.sendResponseHeaders(answer.statusCode(), method.equals("HEAD") ? -1 : (length > 0 ? length : 0));
            try (InputStream in = answer.body(); OutputStream out = exchange.getResponseBody()) {
                in.transferTo(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Why S3 would refuse this link, if it would: missing signature parameters or an expired link. */
    static Optional<String> refusal(Map<String, String> query, Instant now) {
        String date = query.get("X-Amz-Date");
        String expires = query.get("X-Amz-Expires");
        if (date == null || expires == null || query.get("X-Amz-Signature") == null) {
            return Optional.of("Only presigned links are served here.");
        }
        try {
            Instant signedAt = LocalDateTime.parse(date, AMZ_DATE).toInstant(ZoneOffset.UTC);
            long seconds = Long.parseLong(expires);
            if (now.isAfter(signedAt.plusSeconds(seconds))) {
                return Optional.of("Request has expired");
            }
            return Optional.empty();
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.of("X-Amz-Date or X-Amz-Expires is malformed.");
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(name, value);
        }
        return values;
    }

    private static void reply(HttpExchange exchange, int status, String code, String message) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
