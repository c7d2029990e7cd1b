package se.vagen.local.http;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import se.vagen.aws.ScheduledRun;
import se.vagen.local.auth.LocalJwt;
import se.vagen.local.faults.DynamoDbFaultProxy;
import se.vagen.local.http.Functions.Function;
import se.vagen.local.outbox.Fault;
import se.vagen.local.outbox.Outbox;
import se.vagen.local.outbox.OutboxMessage;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The local-only routes of API.md: tokens, jobs "as of", the outbox, inbound SMS and e-mail, fault injection
 * and the /dev browser page. Every input is checked; bad input gets 400 with a JSON message.
 */
public final class DevRoutes {

    private static final Pattern JOB_RUN = Pattern.compile("^/dev/jobs/([^/]+)/run$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+$");
    private static final Pattern USER = Pattern.compile("^[A-Za-z0-9._@-]{1,64}$");
    private static final Pattern ACTION = Pattern.compile("^[a-z0-9-]{1,40}$");
    private static final int MAX_TEXT = 5000;

    /** What the dev routes need from the stack. */
    public record Settings(String originationIdentity, String inboundMailAddress, String inboundMailBucket) {
    }

    private final Functions functions;
    private final LocalJwt jwt;
    private final Outbox outbox;
    private final LambdaBudget budget;
    private final S3Client s3;
    private final Settings settings;
    private DynamoDbFaultProxy dynamoFaults;
    private Map<String, String> tableNames = Map.of();

    public DevRoutes(Functions functions, LocalJwt jwt, Outbox outbox, LambdaBudget budget, S3Client s3,
                     Settings settings) {
        this.functions = functions;
        this.jwt = jwt;
        this.outbox = outbox;
        this.budget = budget;
        this.s3 = s3;
        this.settings = settings;
    }

    /** Enables {@code /dev/faults/dynamodb}: the proxy in front of DynamoDB Local, and logical to physical table names. */
    public void dynamoFaults(DynamoDbFaultProxy proxy, Map<String, String> physicalTableNames) {
        this.dynamoFaults = proxy;
        this.tableNames = Map.copyOf(physicalTableNames);
    }

    void handle(HttpExchange exchange, LocalRequest request) throws IOException {
        String path = request.path();
        String method = request.method();
        try {
            if (path.equals("/dev") || path.equals("/dev/")) {
                requireMethod(method, "GET");
                asset(exchange, "index.html", "text/html; charset=utf-8");
            } else if (path.startsWith("/dev/assets/")) {
                requireMethod(method, "GET");
                String name = path.substring("/dev/assets/".length());
                switch (name) {
                    case "dev.js" -> asset(exchange, name, "text/javascript; charset=utf-8");
                    case "dev.css" -> asset(exchange, name, "text/css; charset=utf-8");
                    default -> HttpAnswer.error(exchange, 404, "No such asset");
                }
            } else if (path.equals("/dev/token")) {
                requireMethod(method, "POST");
                token(exchange, request);
            } else if (path.equals("/dev/outbox")) {
                requireMethod(method, "GET");
                HttpAnswer.text(exchange, 200, "application/json", outbox.toJson());
            } else if (path.equals("/dev/faults")) {
                faults(exchange, request);
            } else if (path.equals("/dev/faults/dynamodb") && dynamoFaults != null) {
                dynamoFaults(exchange, request);
            } else if (path.equals("/dev/sms/inbound")) {
                requireMethod(method, "POST");
                smsInbound(exchange, request);
            } else if (path.equals("/dev/email/inbound")) {
                requireMethod(method, "POST");
                emailInbound(exchange, request);
            } else if (JOB_RUN.matcher(path).matches()) {
                requireMethod(method, "POST");
                Matcher m = JOB_RUN.matcher(path);
                m.matches();
                runJob(exchange, m.group(1), request);
            } else {
                HttpAnswer.error(exchange, 404, "No such /dev route");
            }
        } catch (Functions.NotBuilt e) {
            HttpAnswer.json(exchange, 501, Map.of("error", "not implemented"));
        } catch (BadInput e) {
            HttpAnswer.json(exchange, e.status, Map.of("error", e.status == 405 ? "method not allowed" : "bad request",
                    "message", e.getMessage()));
        }
    }

    // ------------------------------------------------------------------ routes

    private void token(HttpExchange exchange, LocalRequest request) throws IOException, BadInput {
        JsonNode body = jsonBody(request);
        String user = requiredText(body, "user", 64);
        if (!USER.matcher(user).matches()) {
            throw new BadInput("user: letters, digits and . _ @ - only (1-64 characters)");
        }
        JsonNode groupsNode = body.path("groups");
        List<String> groups = new ArrayList<>();
        if (!groupsNode.isMissingNode() && !groupsNode.isNull()) {
            if (!groupsNode.isArray()) {
                throw new BadInput("groups must be a list of group names, e.g. [\"staff\"]");
            }
            for (JsonNode group : groupsNode) {
                if (!group.isTextual() || !USER.matcher(group.asText()).matches()) {
                    throw new BadInput("groups must be a list of group names, e.g. [\"staff\"]");
                }
                groups.add(group.asText());
            }
        }
        HttpAnswer.json(exchange, 200, Map.of("token", jwt.issue(user, groups)));
    }

    private void runJob(HttpExchange exchange, String job, LocalRequest request) throws IOException, BadInput {
        Optional<Function> function = Function.job(job);
        if (function.isEmpty()) {
            HttpAnswer.error(exchange, 404, "Unknown job '" + job + "': checkin-reminders, forum-list or survey-links");
            return;
        }
        JsonNode body = request.body().length == 0 ? HttpAnswer.JSON.createObjectNode() : jsonBody(request);
        String at = optionalText(body, "at", 64);
        if (at != null) {
            try {
                OffsetDateTime.parse(at);
            } catch (DateTimeParseException e) {
                throw new BadInput("at must be an ISO-8601 time with offset, e.g. 2026-11-23T09:00:00+01:00");
            }
        }
        String action = optionalText(body, "action", 40);
        if (action != null && !ACTION.matcher(action).matches()) {
            throw new BadInput("action: lower-case letters, digits and - only");
        }
        HttpAnswer.text(exchange, 200, "application/json", runJob(function.get(), at, action));
    }

    /**
     * Runs a job as of {@code at} (null = now) and returns its summary as JSON.
     *
     * @throws Functions.NotBuilt when the job's function is not built yet
     */
    public String runJob(Function function, String at, String action) throws IOException {
        RequestHandler<Object, Object> handler = functions.require(function);
        Object result = handler.handleRequest(new ScheduledRun(at, action), budget.newContext(function.id()));
        return HttpAnswer.JSON.writeValueAsString(result);
    }

    private void faults(HttpExchange exchange, LocalRequest request) throws IOException, BadInput {
        switch (request.method()) {
            case "GET" -> {
                Map<String, Object> pending = new LinkedHashMap<>();
                pending.put(Outbox.SMS, outbox.pendingFaults(Outbox.SMS));
                pending.put(Outbox.EMAIL, outbox.pendingFaults(Outbox.EMAIL));
                HttpAnswer.json(exchange, 200, pending);
            }
            case "DELETE" -> {
                outbox.clearFaults();
                HttpAnswer.json(exchange, 200, Map.of("cleared", true));
            }
            case "POST" -> {
                JsonNode body = jsonBody(request);
                String channel = requiredText(body, "channel", 10);
                String kind = requiredText(body, "kind", 20);
                JsonNode countNode = body.path("count");
                int count = countNode.isMissingNode() ? 1 : countNode.isInt() ? countNode.asInt() : -1;
                Fault fault;
                try {
                    fault = Fault.valueOf(kind.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new BadInput("kind must be THROTTLE, SERVER_ERROR, REJECT or HOLD");
                }
                if (count < 1 || count > 1000) {
                    throw new BadInput("count must be a whole number 1..1000");
                }
                try {
                    outbox.failNext(channel, count, fault);
                } catch (IllegalArgumentException e) {
                    throw new BadInput(e.getMessage());
                }
                HttpAnswer.json(exchange, 200, Map.of("channel", Outbox.channel(channel), "count", count, "kind", fault.name()));
            }
            default -> throw new BadInput(405, "Use GET, POST or DELETE");
        }
    }

    /**
     * DynamoDB faults: POST {"operation":"PutItem","table":"CheckInsTable","count":3,"fault":"THROTTLING"} (operation,
     * table and fault optional: any operation, any table, PROVISIONED_THROUGHPUT_EXCEEDED); GET the pending rules and
     * the number injected so far; DELETE clears them.
     */
    private void dynamoFaults(HttpExchange exchange, LocalRequest request) throws IOException, BadInput {
        switch (request.method()) {
            case "GET" -> {
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("pending", dynamoFaults.pending());
                state.put("injected", dynamoFaults.injected());
                HttpAnswer.json(exchange, 200, state);
            }
            case "DELETE" -> {
                dynamoFaults.clearFaults();
                HttpAnswer.json(exchange, 200, Map.of("cleared", true));
            }
            case "POST" -> {
                JsonNode body = jsonBody(request);
                String operation = optionalText(body, "operation", 60);
                if (operation != null && !operation.matches("^[A-Za-z0-9_.]+$")) {
                    throw new BadInput("operation: a DynamoDB operation such as PutItem, UpdateItem, Query");
                }
                String table = optionalText(body, "table", 255);
                if (table != null) {
                    table = tableNames.getOrDefault(table, table);
                    if (!tableNames.containsValue(table)) {
                        throw new BadInput("table: one of " + new java.util.TreeSet<>(tableNames.keySet()));
                    }
                }
                String kind = optionalText(body, "fault", 40);
                DynamoDbFaultProxy.Fault fault;
                try {
                    fault = kind == null ? DynamoDbFaultProxy.Fault.PROVISIONED_THROUGHPUT_EXCEEDED
                            : DynamoDbFaultProxy.Fault.valueOf(kind.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new BadInput("fault: PROVISIONED_THROUGHPUT_EXCEEDED, THROTTLING, INTERNAL_SERVER_ERROR or "
                            + "SERVICE_UNAVAILABLE");
                }
                JsonNode countNode = body.path("count");
                int count = countNode.isMissingNode() ? 1 : countNode.isInt() ? countNode.asInt() : -1;
                if (count < 1 || count > 1000) {
                    throw new BadInput("count must be a whole number 1..1000");
                }
                dynamoFaults.failNext(fault, operation, table, null, count);
                HttpAnswer.json(exchange, 200, Map.of("pending", dynamoFaults.pending()));
            }
            default -> throw new BadInput(405, "Use GET, POST or DELETE");
        }
    }

    private void smsInbound(HttpExchange exchange, LocalRequest request) throws IOException, BadInput {
        JsonNode body = jsonBody(request);
        String from = requiredText(body, "from", 20).replace(" ", "");
        if (!E164.matcher(from).matches()) {
            throw new BadInput("from must be a phone number in E.164 form, e.g. +46701234567");
        }
        String text = requiredText(body, "text", 1600);
        String messageId = optionalText(body, "messageId", 100);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("reply", smsInbound(from, text, messageId).orElse(null));
        answerInbound(exchange, reply);
    }

    private void answerInbound(HttpExchange exchange, Map<String, Object> reply) throws IOException {
        HttpAnswer.json(exchange, 200, reply);
    }

    /**
     * Delivers an inbound SMS as AWS End User Messaging SMS does (SNS event with the two-way SMS JSON) and
     * returns the text of the SMS the function sent back to that number during the call, if any.
     *
     * @throws Functions.NotBuilt when inbound-messages is not built yet
     */
    public Optional<String> smsInbound(String from, String text, String messageId) throws IOException {
        RequestHandler<Object, Object> handler = functions.require(Function.INBOUND_MESSAGES);
        ObjectNode message = HttpAnswer.JSON.createObjectNode();
        message.put("originationNumber", from);
        message.put("destinationNumber", settings.originationIdentity());
        message.put("messageKeyword", "KEYWORD_000000000000");
        message.put("messageBody", text);
        message.put("inboundMessageId", messageId == null ? UUID.randomUUID().toString() : messageId);
        message.putNull("previousPublishedMessageId");
        int before = outbox.size();
        handler.handleRequest(snsEvent("vagen-inbound-sms", null, message.toString()),
                budget.newContext(Function.INBOUND_MESSAGES.id()));
        return lastTo(before, Outbox.SMS, from).map(OutboxMessage::body);
    }

    private void emailInbound(HttpExchange exchange, LocalRequest request) throws IOException, BadInput {
        JsonNode body = jsonBody(request);
        String from = requiredText(body, "from", 254);
        if (!EMAIL.matcher(from).matches()) {
            throw new BadInput("from must be an e-mail address");
        }
        String subject = requiredText(body, "subject", 998);
        if (subject.contains("\r") || subject.contains("\n")) {
            throw new BadInput("subject must be one line");
        }
        String text = requiredText(body, "text", MAX_TEXT);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("reply", emailInbound(from, subject, text).orElse(null));
        answerInbound(exchange, reply);
    }

    /**
     * Delivers an inbound e-mail as SES receiving does: the raw message into the inbound-mail bucket, then an
     * SNS notification of type "Received" with an S3 action. Returns the text of the e-mail the function sent
     * back to that address during the call, if any.
     *
     * @throws Functions.NotBuilt when inbound-messages is not built yet
     */
    public Optional<String> emailInbound(String from, String subject, String text) throws IOException {
        RequestHandler<Object, Object> handler = functions.require(Function.INBOUND_MESSAGES);
        String messageId = UUID.randomUUID().toString().replace("-", "");
        String key = "inbound/" + messageId;
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC));
        String mime = "Return-Path: <" + from + ">\r\n"
                + "From: " + from + "\r\n"
                + "To: " + settings.inboundMailAddress() + "\r\n"
                + "Subject: " + encodeHeader(subject) + "\r\n"
                + "Date: " + date + "\r\n"
                + "Message-ID: <" + messageId + "@vagen.local>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + text.replace("\r\n", "\n").replace("\n", "\r\n") + "\r\n";
        s3.putObject(b -> b.bucket(settings.inboundMailBucket()).key(key).contentType("message/rfc822"),
                RequestBody.fromString(mime, StandardCharsets.UTF_8));

        ObjectNode notification = HttpAnswer.JSON.createObjectNode();
        notification.put("notificationType", "Received");
        ObjectNode mail = notification.putObject("mail");
        String now = OffsetDateTime.now(ZoneOffset.UTC).toInstant().toString();
        mail.put("timestamp", now);
        mail.put("source", from);
        mail.put("messageId", messageId);
        mail.putArray("destination").add(settings.inboundMailAddress());
        mail.put("headersTruncated", false);
        ObjectNode common = mail.putObject("commonHeaders");
        common.put("returnPath", from);
        common.putArray("from").add(from);
        common.put("date", date);
        common.putArray("to").add(settings.inboundMailAddress());
        common.put("messageId", "<" + messageId + "@vagen.local>");
        common.put("subject", subject);
        ObjectNode receipt = notification.putObject("receipt");
        receipt.put("timestamp", now);
        receipt.put("processingTimeMillis", 1);
        receipt.putArray("recipients").add(settings.inboundMailAddress());
        receipt.putObject("spamVerdict").put("status", "PASS");
        receipt.putObject("virusVerdict").put("status", "PASS");
        receipt.putObject("spfVerdict").put("status", "PASS");
        receipt.putObject("dkimVerdict").put("status", "PASS");
        receipt.putObject("dmarcVerdict").put("status", "PASS");
        ObjectNode action = receipt.putObject("action");
        action.put("type", "S3");
        action.put("topicArn", "arn:aws:sns:eu-north-1:000000000000:local-vagen-inbound-mail");
        action.put("bucketName", settings.inboundMailBucket());
        action.put("objectKeyPrefix", "inbound/");
        action.put("objectKey", key);

        int before = outbox.size();
        handler.handleRequest(snsEvent("vagen-inbound-mail", "Amazon SES Email Receipt Notification",
                notification.toString()), budget.newContext(Function.INBOUND_MESSAGES.id()));
        return lastTo(before, Outbox.EMAIL, from).map(OutboxMessage::body);
    }

    private Optional<OutboxMessage> lastTo(int since, String channel, String to) {
        List<OutboxMessage> sent = outbox.since(since);
        for (int i = sent.size() - 1; i >= 0; i--) {
            OutboxMessage m = sent.get(i);
            if (channel.equals(m.channel()) && m.to() != null && List.of(m.to().split(",")).contains(to)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static SNSEvent snsEvent(String topic, String subject, String message) {
        String topicArn = "arn:aws:sns:eu-north-1:000000000000:local-" + topic;
        SNSEvent.SNS sns = new SNSEvent.SNS()
                .withType("Notification")
                .withMessageId(UUID.randomUUID().toString())
                .withTopicArn(topicArn)
                .withSubject(subject)
                .withMessage(message)
                .withTimestamp(new DateTime(DateTimeZone.UTC))
                .withSignatureVersion("1")
                .withSignature("local")
                .withSigningCertUrl("https://sns.eu-north-1.amazonaws.com/local.pem")
                .withUnsubscribeUrl("https://sns.eu-north-1.amazonaws.com/?Action=Unsubscribe")
                .withMessageAttributes(Map.of());
        SNSEvent.SNSRecord record = new SNSEvent.SNSRecord()
                .withEventSource("aws:sns")
                .withEventVersion("1.0")
                .withEventSubscriptionArn(topicArn + ":" + UUID.randomUUID())
                .withSns(sns);
        return new SNSEvent().withRecords(List.of(record));
    }

    /** RFC 2047 for a non-ASCII subject. */
    private static String encodeHeader(String value) {
        boolean ascii = value.chars().allMatch(c -> c >= 32 && c < 127);
        return ascii ? value
                : "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    // ------------------------------------------------------------------ input checks

    private static final class BadInput extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        BadInput(String message) {
            this(400, message);
        }

        BadInput(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private static void requireMethod(String method, String expected) throws BadInput {
        if (!expected.equals(method)) {
            throw new BadInput(405, "Use " + expected);
        }
    }

    private static JsonNode jsonBody(LocalRequest request) throws BadInput {
        if (request.body().length == 0) {
            throw new BadInput("A JSON body is required");
        }
        try {
            JsonNode node = HttpAnswer.JSON.readTree(request.body());
            if (node == null || !node.isObject()) {
                throw new BadInput("The body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new BadInput("The body is not valid JSON");
        }
    }

    private static String requiredText(JsonNode body, String field, int max) throws BadInput {
        String value = optionalText(body, field, max);
        if (value == null || value.isBlank()) {
            throw new BadInput(field + " is required");
        }
        return value;
    }

    private static String optionalText(JsonNode body, String field, int max) throws BadInput {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new BadInput(field + " must be a string");
        }
        String value = node.asText().trim();
        if (value.length() > max) {
            throw new BadInput(field + " is too long (at most " + max + " characters)");
        }
        return value;
    }

    private static void asset(HttpExchange exchange, String name, String contentType) throws IOException {
        try (InputStream in = DevRoutes.class.getResourceAsStream("/dev/" + name)) {
            if (in == null) {
                HttpAnswer.error(exchange, 404, "No such asset");
                return;
            }
            exchange.getResponseHeaders().set("Content-Security-Policy",
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            HttpAnswer.bytes(exchange, 200, contentType, in.readAllBytes());
        }
    }
}
