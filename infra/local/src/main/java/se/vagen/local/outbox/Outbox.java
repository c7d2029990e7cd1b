package se.vagen.local.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures every SMS and e-mail the functions send. It answers the real SDK clients on their own wire
 * protocols, so the adapters run unchanged with only the endpoint overridden:
 * <ul>
 *   <li>SES v2 {@code SendEmail}: REST-JSON, {@code POST /v2/email/outbound-emails} (Simple or Raw content);</li>
 *   <li>SNS {@code Publish}: the AWS query protocol (form-encoded {@code Action=Publish}, XML answer), which is
 *   what SDK 2.57.8's SNS client speaks.</li>
 * </ul>
 * Faults can be injected per channel ({@link #failNext}); a failed send keeps failing through the SDK's own
 * retries of that call (same {@code amz-sdk-invocation-id}), so the adapter sees the failure. {@link #holdAfter}
 * lets a number of sends through and then holds every later one unanswered ({@link Fault#HOLD}), as a hanging
 * provider would; {@link #held} counts the requests held right now.
 */
public final class Outbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String SMS = "sms";
    public static final String EMAIL = "email";

    private final List<OutboxMessage> messages = new ArrayList<>();
    private final Map<String, List<Fault>> pendingFaults = new LinkedHashMap<>();
    private final Map<String, Fault> failingInvocations = Collections.synchronizedMap(new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Fault> eldest) {
            return size() > 1000;
        }
    });
    /** Per channel: how many more sends are accepted before every later one is held ({@link #holdAfter}). */
    private final Map<String, Integer> acceptBeforeHold = new LinkedHashMap<>();
    private final Map<String, Integer> heldNow = new LinkedHashMap<>();
    /** Bumped to let every held request go. */
    private long releases;
    private final Clock clock;
    private HttpServer server;
    private ExecutorService executor;

    public Outbox() {
        this(Clock.systemUTC());
    }

    public Outbox(Clock clock) {
        this.clock = clock;
    }

    /** Starts the endpoint on a free loopback port. */
    public synchronized Outbox start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // Not a fixed pool: held requests each keep a thread.
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "outbox");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    public boolean isRunning() {
        return server != null;
    }

    @Override
    public synchronized void close() {
        releaseHeld();
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    // ------------------------------------------------------------------ the captured messages

    /** Every message, oldest first (a copy). */
    public synchronized List<OutboxMessage> messages() {
        return List.copyOf(messages);
    }

    public synchronized int size() {
        return messages.size();
    }

    /** Messages captured from index {@code from} on (use {@link #size()} before an action). */
    public synchronized List<OutboxMessage> since(int from) {
        return List.copyOf(messages.subList(Math.min(from, messages.size()), messages.size()));
    }

    synchronized OutboxMessage add(OutboxMessage message) {
        messages.add(message);
        return message;
    }

    /** Lets the next {@code count} sends on {@code channel} ("sms" or "email") fail with {@code fault}. */
    public synchronized void failNext(String channel, int count, Fault fault) {
        String normalised = channel(channel);
        if (count < 0 || count > 1000) {
            throw new IllegalArgumentException("count must be 0..1000");
        }
        List<Fault> queue = pendingFaults.computeIfAbsent(normalised, c -> new ArrayList<>());
        for (int i = 0; i < count; i++) {
            queue.add(fault);
        }
    }

    /** Drops every pending fault and lets every held request go (answered 503). */
    public synchronized void clearFaults() {
        pendingFaults.clear();
        failingInvocations.clear();
        releaseHeld();
    }

    /**
     * The next {@code accepted} sends on {@code channel} go through as usual; every later one is held unanswered
     * ({@link Fault#HOLD}) until {@link #clearFaults()}.
     */
    public synchronized void holdAfter(String channel, int accepted) {
        if (accepted < 0) {
            throw new IllegalArgumentException("accepted must be 0 or more");
        }
        acceptBeforeHold.put(channel(channel), accepted);
    }

    /** Requests on {@code channel} held unanswered right now. */
    public synchronized int held(String channel) {
        return heldNow.getOrDefault(channel(channel), 0);
    }

    private synchronized void releaseHeld() {
        acceptBeforeHold.clear();
        releases++;
        notifyAll();
    }

    /** Blocks the request's thread until the held requests are let go, then answers 503 (if anyone still listens). */
    private void hold(HttpExchange exchange, String channel) {
        synchronized (this) {
            long generation = releases;
            heldNow.merge(channel, 1, Integer::sum);
            LOG.info("Outbox: {} request held ({} held)", channel, heldNow.get(channel));
            try {
                while (generation == releases) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                heldNow.merge(channel, -1, Integer::sum);
            }
        }
        try {
            send(exchange, 503, "text/plain", "Service unavailable (held request let go)", Map.of());
        } catch (IOException e) {
            LOG.debug("Outbox: the held request's client is gone: {}", e.toString());
        }
    }

    public static String channel(String channel) {
        String c = channel == null ? "" : channel.trim().toLowerCase(Locale.ROOT);
        if (!SMS.equals(c) && !EMAIL.equals(c)) {
            throw new IllegalArgumentException("channel must be sms or email");
        }
        return c;
    }

    private synchronized Fault takeFault(String channel, String invocationId) {
        if (invocationId != null && failingInvocations.containsKey(invocationId)) {
            return failingInvocations.get(invocationId);
        }
        Integer accept = acceptBeforeHold.get(channel);
        if (accept != null && accept == 0) {
            if (invocationId != null) {
                failingInvocations.put(invocationId, Fault.HOLD);
            }
            return Fault.HOLD;
        }
        if (accept != null) {
            acceptBeforeHold.put(channel, accept - 1);
        }
        List<Fault> queue = pendingFaults.get(channel);
        if (queue == null || queue.isEmpty()) {
            return null;
        }
        Fault fault = queue.remove(0);
        if (invocationId != null) {
            failingInvocations.put(invocationId, fault);
        }
        return fault;
    }

    /** The outbox as the JSON of GET /dev/outbox. */
    public String toJson() {
        return JSON.createArrayNode().addAll(messages().stream().map(Outbox::json).toList()).toString();
    }

    public static ObjectNode json(OutboxMessage m) {
        ObjectNode node = JSON.createObjectNode();
        node.put("channel", m.channel());
        node.put("to", m.to());
        node.put("from", m.from());
        node.put("subject", m.subject());
        node.put("body", m.body());
        node.put("html", m.html());
        ObjectNode attributes = node.putObject("attributes");
        m.attributes().forEach(attributes::put);
        node.put("sentAt", m.sentAt().toString());
        node.put("messageId", m.messageId());
        return node;
    }

    // ------------------------------------------------------------------ wire protocols

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readAll(exchange.getRequestBody());
            String path = exchange.getRequestURI().getPath();
            String invocation = exchange.getRequestHeaders().getFirst("amz-sdk-invocation-id");
            if ("POST".equals(exchange.getRequestMethod()) && path.startsWith("/v2/email/outbound-emails")) {
                sesSendEmail(exchange, body, invocation);
            } else if ("POST".equals(exchange.getRequestMethod()) && (path.equals("/") || path.isEmpty())) {
                snsQuery(exchange, body, invocation);
            } else {
                send(exchange, 404, "application/json",
                        "{\"message\":\"The outbox answers SES v2 SendEmail and SNS Publish only\"}", Map.of());
            }
        } catch (RuntimeException e) {
            LOG.warn("Outbox could not handle a request: {}", e.toString());
        }
    }

    private void sesSendEmail(HttpExchange exchange, byte[] body, String invocation) throws IOException {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            sesError(exchange, 400, "BadRequestException", "Request body is not JSON");
            return;
        }
        Fault fault = takeFault(EMAIL, invocation);
        if (fault != null) {
            switch (fault) {
                case THROTTLE -> sesError(exchange, 400, "ThrottlingException", "Rate exceeded (injected)");
                case SERVER_ERROR -> sesError(exchange, 500, "InternalFailure", "Internal failure (injected)");
                case REJECT -> sesError(exchange, 400, "MessageRejected", "Message rejected (injected)");
                case HOLD -> hold(exchange, EMAIL);
            }
            return;
        }
        String from = text(request.path("FromEmailAddress"));
        List<String> to = new ArrayList<>();
        request.path("Destination").path("ToAddresses").forEach(a -> to.add(a.asText()));
        Map<String, String> attributes = new LinkedHashMap<>();
        String subject;
        String text;
        String html;
        JsonNode simple = request.path("Content").path("Simple");
        JsonNode raw = request.path("Content").path("Raw");
        if (!simple.isMissingNode()) {
            subject = text(simple.path("Subject").path("Data"));
            text = text(simple.path("Body").path("Text").path("Data"));
            html = text(simple.path("Body").path("Html").path("Data"));
            putIfPresent(attributes, "subjectCharset", text(simple.path("Subject").path("Charset")));
            putIfPresent(attributes, "textCharset", text(simple.path("Body").path("Text").path("Charset")));
            putIfPresent(attributes, "htmlCharset", text(simple.path("Body").path("Html").path("Charset")));
        } else if (!raw.isMissingNode()) {
            String mime;
            try {
                mime = new String(Base64.getDecoder().decode(text(raw.path("Data"))), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                sesError(exchange, 400, "BadRequestException", "Raw data is not base64");
                return;
            }
            RawMime parsed = RawMime.parse(mime);
            subject = parsed.subject();
            text = parsed.text();
            html = parsed.html();
            if (to.isEmpty() && parsed.to() != null) {
                to.add(parsed.to());
            }
            if (from == null) {
                from = parsed.from();
            }
            attributes.put("raw", "true");
        } else {
            sesError(exchange, 400, "BadRequestException", "Content must be Simple or Raw");
            return;
        }
        if (to.isEmpty()) {
            sesError(exchange, 400, "BadRequestException", "Destination.ToAddresses is required");
            return;
        }
        putIfPresent(attributes, "configurationSet", text(request.path("ConfigurationSetName")));
        String id = UUID.randomUUID().toString();
        add(new OutboxMessage(EMAIL, String.join(",", to), from, subject, text, html, Map.copyOf(attributes),
                clock.instant(), id));
        LOG.info("Outbox: e-mail {} captured", id);
        send(exchange, 200, "application/json", JSON.createObjectNode().put("MessageId", id).toString(), Map.of());
    }

    private void sesError(HttpExchange exchange, int status, String code, String message) throws IOException {
        send(exchange, status, "application/json",
                JSON.createObjectNode().put("message", message).toString(),
                Map.of("x-amzn-ErrorType", code, "x-amzn-RequestId", UUID.randomUUID().toString()));
    }

    private void snsQuery(HttpExchange exchange, byte[] body, String invocation) throws IOException {
        Map<String, String> form = parseForm(new String(body, StandardCharsets.UTF_8));
        String action = form.get("Action");
        if (!"Publish".equals(action)) {
            snsError(exchange, 400, "InvalidAction", "The outbox answers SNS Publish only");
            return;
        }
        String phone = form.get("PhoneNumber");
        String message = form.get("Message");
        if (phone == null || phone.isBlank()) {
            snsError(exchange, 400, "InvalidParameter", "PhoneNumber is required (the outbox captures SMS only)");
            return;
        }
        if (message == null) {
            snsError(exchange, 400, "InvalidParameter", "Message is required");
            return;
        }
        Fault fault = takeFault(SMS, invocation);
        if (fault != null) {
            switch (fault) {
                case THROTTLE -> snsError(exchange, 429, "Throttled", "Rate exceeded (injected)");
                case SERVER_ERROR -> snsError(exchange, 500, "InternalError", "Internal failure (injected)");
                case REJECT -> snsError(exchange, 400, "InvalidParameter", "Invalid phone number (injected)");
                case HOLD -> hold(exchange, SMS);
            }
            return;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 1; form.containsKey("MessageAttributes.entry." + i + ".Name"); i++) {
            String prefix = "MessageAttributes.entry." + i;
            String value = form.get(prefix + ".Value.StringValue");
            if (value == null) {
                value = form.get(prefix + ".Value.BinaryValue");
            }
            attributes.put(form.get(prefix + ".Name"), value);
        }
        String from = attributes.getOrDefault("AWS.MM.SMS.OriginationNumber",
                attributes.get("AWS.SNS.SMS.SenderID"));
        String id = UUID.randomUUID().toString();
        add(new OutboxMessage(SMS, phone, from, form.get("Subject"), message, null, Map.copyOf(attributes),
                clock.instant(), id));
        LOG.info("Outbox: SMS {} captured", id);
        String xml = "<PublishResponse xmlns=\"https://sns.amazonaws.com/doc/2010-03-31/\">"
                + "<PublishResult><MessageId>" + id + "</MessageId></PublishResult>"
                + "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata>"
                + "</PublishResponse>";
        send(exchange, 200, "text/xml", xml, Map.of());
    }

    private void snsError(HttpExchange exchange, int status, String code, String message) throws IOException {
        String xml = "<ErrorResponse xmlns=\"https://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>"
                + (status >= 500 ? "Receiver" : "Sender") + "</Type><Code>" + code + "</Code><Message>" + message
                + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>";
        send(exchange, status, "text/xml", xml, Map.of());
    }

    // ------------------------------------------------------------------ helpers

    static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(name, value);
        }
        return form;
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body,
                             Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Channels with faults still pending (for the /dev page). */
    public synchronized Map<Fault, Integer> pendingFaults(String channel) {
        Map<Fault, Integer> counts = new EnumMap<>(Fault.class);
        pendingFaults.getOrDefault(channel(channel), List.of()).forEach(f -> counts.merge(f, 1, Integer::sum));
        return counts;
    }
}
