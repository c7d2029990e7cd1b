package se.vagen.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.vagen.aspirant.Activity;
import se.vagen.aspirant.ActivityPlan;
import se.vagen.aspirant.ActivityType;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.AspirantRepository;
import se.vagen.aspirant.Cadence;
import se.vagen.aspirant.OptOuts;
import se.vagen.checkin.CheckinCycle;
import se.vagen.checkin.Conversation;
import se.vagen.checkin.ConversationRepository;
import se.vagen.common.Channel;
import se.vagen.common.Language;
import se.vagen.forum.ForumWeek;
import se.vagen.local.LocalStack;
import se.vagen.local.faults.DynamoDbFaultProxy.Fault;
import se.vagen.local.outbox.OutboxMessage;
import se.vagen.local.testing.VagenStack;
import se.vagen.survey.SurveyInvitation;
import se.vagen.survey.SurveyInvitationRepository;
import se.vagen.time.WorkingCalendar;
import se.vagen.token.LinkTokens;
import se.vagen.token.TokenPurpose;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * DynamoDB throttling through the fault proxy in front of DynamoDB Local: the functions' real SDK client meets
 * DynamoDB's real throttling answers (400 ProvisionedThroughputExceededException) and retries with its own backoff.
 * Short bursts are ridden out; throttling that outlasts the SDK's retries ends in a clear failure that stores nothing
 * half and is made good by the next attempt (the aspirant's, the next run's, Lambda's redelivery).
 *
 * <p>Faults affect the shared stack: every test clears them ({@link #clearFaults()}). The data lives in a week about
 * three years ahead, which no other test's plans reach, so the job runs here touch only these aspirants. Checks of
 * the tables go straight to DynamoDB Local ({@link VagenStack#directDynamoDb()}), past the proxy.
 */
class DynamoThrottlingTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** AwsClientFactory's attempts per DynamoDB call, the first included. */
    private static final int SDK_ATTEMPTS = 5;
    private static final String FORM = "application/x-www-form-urlencoded";

    private static VagenStack stack;
    private static AspirantRepository aspirants;
    private static CheckinCycle cycles;
    private static LinkTokens tokens;
    private static ConversationRepository conversations;
    /** A working Monday (with two more working days after it) about three years ahead. */
    private static LocalDate monday;

    @BeforeAll
    static void setUp() {
        stack = VagenStack.shared();
        aspirants = stack.context().getBean(AspirantRepository.class);
        cycles = stack.context().getBean(CheckinCycle.class);
        tokens = stack.context().getBean(LinkTokens.class);
        conversations = stack.context().getBean(ConversationRepository.class);
        WorkingCalendar calendar = stack.context().getBean(WorkingCalendar.class);
        LocalDate day = LocalDate.now(STOCKHOLM).plusYears(3).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        while (!calendar.isWorkingDay(day) || !calendar.isWorkingDay(day.plusDays(1))
                || !calendar.isWorkingDay(day.plusDays(2))) {
            day = day.plusWeeks(1);
        }
        monday = day;
    }

    @AfterEach
    void clearFaults() {
        stack.clearFaults();
    }

    // ------------------------------------------------------------------ the check-in form

    @Test
    void formPostRidesOutAShortThrottleAndStoresOnce() {
        Aspirant a = aspirant(Language.EN, Channel.SMS);
        String cycle = cycle(a);
        String token = formLink(a, cycle);
        int before = stack.dynamoFaultsInjected();

        stack.throttleDynamo("UpdateItem", "CheckInsTable", 3);
        HttpResponse<String> posted = stack.post("/c/" + token, FORM, "participation=YES&wellbeing=4&freeText=ok", null);

        assertEquals(200, posted.statusCode(), posted.body());
        assertTrue(posted.body().contains("Thank you!"), posted.body());
        assertEquals(3, stack.dynamoFaultsInjected() - before, "the SDK retried the throttled write three times");
        Map<String, AttributeValue> stored = checkInItem(a.id(), cycle);
        assertEquals(Boolean.TRUE, stored.get("viaForm").bool());
        assertEquals("YES", stored.get("participation").s());
        assertEquals(1, checkInCount(a.id()), "stored once");
        assertEquals(410, stack.get("/c/" + token, null).statusCode(), "the link is used up");
    }

    @Test
    void formPostOutlastingTheRetriesGetsTryAgainInTheirLanguageAndTheLinkStillWorks() {
        Aspirant a = aspirant(Language.UK, Channel.SMS);
        String cycle = cycle(a);
        String token = formLink(a, cycle);
        int before = stack.dynamoFaultsInjected();

        stack.throttleDynamo("UpdateItem", "CheckInsTable", 1000);
        HttpResponse<String> busy = stack.post("/c/" + token, FORM, "participation=NO&wellbeing=2", null);
        int injected = stack.dynamoFaultsInjected() - before;
        stack.clearFaults();

        assertEquals(503, busy.statusCode(), busy.body());
        assertTrue(busy.body().contains("<html lang=\"uk\" dir=\"ltr\">"), busy.body());
        assertTrue(busy.body().contains("Щось пішло не так"), "the Ukrainian 'something went wrong, try again' page");
        for (String trace : List.of("Exception", "at se.vagen", "java.", "software.amazon")) {
            assertFalse(busy.body().contains(trace), "no stack trace or error name: " + trace);
        }
        assertEquals("no-store", busy.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(SDK_ATTEMPTS, injected, "every attempt of the SDK was throttled, then it gave up");
        assertTrue(checkInItem(a.id(), cycle).isEmpty(), "nothing half-stored on the check-in");
        assertTrue(conversations.find(a.id()).isEmpty(), "no conversation touched");

        HttpResponse<String> again = stack.post("/c/" + token, FORM, "participation=NO&wellbeing=2", null);
        assertEquals(200, again.statusCode(), "the link was not used up: " + again.body());
        assertTrue(again.body().contains("lang=\"uk\""), again.body());
        Map<String, AttributeValue> stored = checkInItem(a.id(), cycle);
        assertEquals("NO", stored.get("participation").s());
        assertEquals("2", stored.get("wellbeing").n());
        assertEquals(1, checkInCount(a.id()));
        assertEquals(410, stack.get("/c/" + token, null).statusCode(), "now the link is used up");
    }

    // ------------------------------------------------------------------ the survey form

    @Test
    void surveyFormOutlastingTheRetriesSaysTryAgainStoresNothingAndTheLinkStillWorks() {
        String year = String.valueOf(monday.getYear());
        String invitation = UUID.randomUUID().toString().replace("-", "");
        Instant now = Instant.now();
        stack.context().getBean(SurveyInvitationRepository.class).create(new SurveyInvitation(year, invitation,
                "5566778899", "upptagen-" + invitation.substring(0, 8) + "@example.org", "Bygg", null, now, 0, null,
                false, false, now.plus(Duration.ofDays(400))));
        String link = "/s/" + tokens.issue(TokenPurpose.SURVEY, invitation, year, "sv", now.plus(Duration.ofDays(30)), true);
        String answers = "nki_overall=7&nki_expectations=6&nki_ideal=6";

        // Reading the link throttled beyond the retries: the busy page, Swedish with an English line (no choice made).
        stack.throttleDynamo("GetItem", "TokensTable", 1000);
        HttpResponse<String> busyOpen = stack.get(link, null);
        stack.clearFaults();
        assertEquals(503, busyOpen.statusCode(), busyOpen.body());
        assertTrue(busyOpen.body().contains("Det går inte just nu") && busyOpen.body().contains("lang=\"en\""),
                busyOpen.body());

        // Storing the answers throttled beyond the retries: the busy page in English (chosen), nothing stored.
        stack.throttleDynamo("TransactWriteItems", null, 1000);
        HttpResponse<String> busy = stack.post(link + "?lang=en", FORM, answers, null);
        stack.clearFaults();
        assertEquals(503, busy.statusCode(), busy.body());
        assertTrue(busy.body().contains("We can&#39;t take your answers right now")
                || busy.body().contains("We can't take your answers right now"), busy.body());
        assertFalse(busy.body().contains("Exception") || busy.body().contains("at se.vagen"), "no stack trace");
        assertEquals(200, stack.get(link, null).statusCode(), "not answered, the link still shows the form");

        HttpResponse<String> again = stack.post(link + "?lang=en", FORM, answers, null);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(410, stack.get(link, null).statusCode(), "now it is answered");
    }

    // ------------------------------------------------------------------ inbound SMS replies

    @Test
    void inboundSmsReplyWithThrottledWritesIsStoredOnceAndAnsweredOnce() {
        Aspirant a = aspirant(Language.SV, Channel.SMS);
        String cycle = cycle(a);
        conversations.open(Conversation.start(a.id(), cycle, Channel.SMS, Instant.now()));

        // A short burst on both writes of a reply (the answer on the check-in, the conversation's step).
        int before = stack.dynamoFaultsInjected();
        stack.throttleDynamo("UpdateItem", "CheckInsTable", 2);
        stack.throttleDynamo("PutItem", "ConversationsTable", 2);
        String first = stack.smsInbound(a.phone(), "1", "m1-" + UUID.randomUUID());
        assertNotNull(first, "question 2 is sent");
        assertEquals(4, stack.dynamoFaultsInjected() - before);
        assertEquals("YES", checkInItem(a.id(), cycle).get("participation").s());
        assertEquals(2, conversations.find(a.id()).orElseThrow().step());
        assertEquals(1, stack.outboxTo(a.phone()).size(), "one reply");

        // Throttling that outlasts the SDK's retries: the delivery fails (Lambda would deliver it again), nothing moves.
        String second = "m2-" + UUID.randomUUID();
        stack.throttleDynamo("UpdateItem", "CheckInsTable", 1000);
        assertThrows(RuntimeException.class, () -> stack.smsInbound(a.phone(), "4", second));
        stack.clearFaults();
        assertFalse(checkInItem(a.id(), cycle).containsKey("wellbeing"));
        assertEquals(2, conversations.find(a.id()).orElseThrow().step(), "the round did not move on without the answer");
        assertEquals(1, stack.outboxTo(a.phone()).size(), "no reply for the failed delivery");

        // Lambda's redelivery of the same message: stored once, answered once.
        String reply = stack.smsInbound(a.phone(), "4", second);
        assertNotNull(reply, "question 3 is sent");
        assertEquals("4", checkInItem(a.id(), cycle).get("wellbeing").n());
        assertEquals(3, conversations.find(a.id()).orElseThrow().step());
        assertEquals(2, stack.outboxTo(a.phone()).size(), "one reply per message");
        assertNull(stack.smsInbound(a.phone(), "4", second), "a further redelivery sends nothing");
        assertEquals(2, stack.outboxTo(a.phone()).size());
    }

    // ------------------------------------------------------------------ the reminder run

    @Test
    void reminderRunWithThrottledLedgerAndCheckInsSendsNothingTwiceAndTheNextRunSendsTheRest() throws Exception {
        Aspirant ledgerThrottled = aspirant(Language.SV, Channel.SMS);
        Aspirant readThrottled = aspirant(Language.EN, Channel.SMS);
        Aspirant recordThrottled = aspirant(Language.AR, Channel.SMS);
        Aspirant calm = aspirant(Language.FA, Channel.SMS);
        List<Aspirant> mine = List.of(ledgerThrottled, readThrottled, recordThrottled, calm);
        OffsetDateTime t = at(monday, 9, 30);

        // Each fault hits one aspirant's requests only (the aspirant id is in the body), whatever the shards' order.
        stack.failDynamo(Fault.PROVISIONED_THROUGHPUT_EXCEEDED, "PutItem", "IdempotencyTable", ledgerThrottled.id(), 1000);
        stack.failDynamo(Fault.THROTTLING, "Query", "CheckInsTable", readThrottled.id(), 1000);
        stack.failDynamo(Fault.PROVISIONED_THROUGHPUT_EXCEEDED, "UpdateItem", "CheckInsTable", recordThrottled.id(), 1000);
        JsonNode first = run(t);
        stack.clearFaults();

        assertTrue(first.path("failed").asInt() >= 2, "the claim and the read that failed are counted: " + first);
        assertEquals(0, sentTo(ledgerThrottled), "no claim, no send");
        assertEquals(0, sentTo(readThrottled), "not read, not sent");
        assertEquals(1, sentTo(recordThrottled), "sent; only recording it on the check-in failed");
        assertEquals(1, sentTo(calm));
        assertNull(ledgerStatus(ledgerThrottled, cycle(ledgerThrottled)), "nothing claimed");
        assertEquals("SENT", ledgerStatus(recordThrottled, cycle(recordThrottled)),
                "the send is in the ledger although the check-in write failed");

        JsonNode second = run(at(monday, 10, 0));
        assertTrue(second.path("sent").asInt() >= 2, second.toString());
        for (Aspirant a : mine) {
            assertEquals(1, sentTo(a), "exactly one reminder for " + a.language());
            assertEquals("SENT", ledgerStatus(a, cycle(a)));
        }
        run(at(monday, 10, 30));
        for (Aspirant a : mine) {
            assertEquals(1, sentTo(a), "still one for " + a.language());
        }
    }

    // ------------------------------------------------------------------ the forum list

    @Test
    void forumListRidesOutThrottledReadsAndFailsWholeWhenTheyLast() throws Exception {
        for (int i = 0; i < 3; i++) {
            aspirant(Language.SV, Channel.SMS);
        }
        // A short burst on the population read (the plan-shard Queries, which also bring each aspirant's summary of
        // recent check-ins): retried, the list is complete.
        int before = stack.dynamoFaultsInjected();
        stack.throttleDynamo("Query", "AspirantsTable", 3);
        JsonNode made = JSON.readTree(stack.runJob("forum-list", at(monday, 6, 0)));
        assertEquals(3, stack.dynamoFaultsInjected() - before);
        assertTrue(made.path("total").asInt() >= 3, made.toString());
        assertEquals(3, listFiles(made.path("week").asText()).size(), "csv, xlsx and rows");

        // Throttling that outlasts the retries: the run fails with DynamoDB's error and writes no list at all.
        LocalDate nextMonday = monday.plusWeeks(1);
        String week = ForumWeek.of(nextMonday).toString();
        stack.throttleDynamo("Query", "AspirantsTable", 10_000);
        RuntimeException failed = assertThrows(RuntimeException.class,
                () -> stack.runJob("forum-list", at(nextMonday, 6, 0)));
        stack.clearFaults();
        assertTrue(causes(failed).contains("ProvisionedThroughputExceeded"), causes(failed));
        assertEquals(List.of(), listFiles(week), "no half list");
        assertTrue(forumSummary(week).isEmpty(), "no summary");

        JsonNode retried = JSON.readTree(stack.runJob("forum-list", at(nextMonday, 6, 0)));
        assertEquals(week, retried.path("week").asText());
        assertTrue(retried.path("total").asInt() >= 3);
        assertEquals(3, listFiles(week).size());
        assertFalse(forumSummary(week).isEmpty());
    }

    // ------------------------------------------------------------------ the /dev route

    @Test
    void devRouteInjectsListsAndClearsDynamoFaults() throws Exception {
        Aspirant a = aspirant(Language.SV, Channel.SMS);
        String token = formLink(a, cycle(a));
        String route = "/dev/faults/dynamodb";
        assertEquals(400, stack.post(route, "application/json", "{\"table\":\"NoSuchTable\"}", null).statusCode());
        assertEquals(400, stack.post(route, "application/json", "{\"fault\":\"SLOW\"}", null).statusCode());
        assertEquals(400, stack.post(route, "application/json", "{\"count\":0}", null).statusCode());

        int before = stack.dynamoFaultsInjected();
        HttpResponse<String> set = stack.post(route, "application/json",
                "{\"operation\":\"GetItem\",\"table\":\"TokensTable\",\"count\":2,\"fault\":\"internal_server_error\"}", null);
        assertEquals(200, set.statusCode(), set.body());
        JsonNode pending = JSON.readTree(stack.get(route, null).body()).path("pending");
        assertEquals(1, pending.size(), pending.toString());
        assertEquals("GetItem", pending.get(0).path("operation").asText());
        assertEquals(stack.tableName("TokensTable"), pending.get(0).path("table").asText());

        HttpResponse<String> form = stack.get("/c/" + token, null);
        assertEquals(200, form.statusCode(), "two 500s on the link lookup are retried: " + form.body());
        assertEquals(2, stack.dynamoFaultsInjected() - before);
        assertEquals(0, JSON.readTree(stack.get(route, null).body()).path("pending").size());

        stack.post(route, "application/json", "{\"count\":5}", null);
        assertEquals(200, stack.send(stack.request(route, null).DELETE().build()).statusCode());
        assertEquals(0, JSON.readTree(stack.get(route, null).body()).path("pending").size());
    }

    // ------------------------------------------------------------------ helpers

    private static Aspirant aspirant(Language lang, Channel channel) {
        String id = "t-" + UUID.randomUUID();
        String phone = "+4670" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        String email = "throttle-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        ActivityPlan plan = new ActivityPlan(monday.minusDays(30), monday.plusDays(180),
                List.of(new Activity(ActivityType.SFI, 15, "Kompetenscenter", monday.minusDays(30), monday.plusDays(180))),
                List.of());
        Aspirant a = new Aspirant(id, "Test Strypt", phone, email, lang, channel, "arbetskonsulent", Cadence.WEEKLY,
                OptOuts.NONE, plan, null, 0, false, Instant.now(), Instant.now());
        aspirants.save(a);
        return a;
    }

    private static String cycle(Aspirant a) {
        return cycles.dueCycle(a, monday).orElseThrow();
    }

    private static String formLink(Aspirant a, String cycle) {
        return tokens.issue(TokenPurpose.CHECKIN, a.id(), cycle, a.language().code(), cycles.cycleEnd(cycle), true);
    }

    private static Map<String, AttributeValue> checkInItem(String aspirantId, String cycle) {
        return stack.directDynamoDb().getItem(r -> r.tableName(stack.tableName("CheckInsTable")).consistentRead(true)
                .key(Map.of("aspirantId", AttributeValue.fromS(aspirantId), "cycle", AttributeValue.fromS(cycle))))
                .item();
    }

    private static int checkInCount(String aspirantId) {
        return stack.directDynamoDb().query(QueryRequest.builder().tableName(stack.tableName("CheckInsTable"))
                .keyConditionExpression("aspirantId = :a")
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromS(aspirantId)))
                .consistentRead(true).build()).count();
    }

    private static String ledgerStatus(Aspirant a, String cycle) {
        Map<String, AttributeValue> item = stack.directDynamoDb().getItem(r -> r
                .tableName(stack.tableName("IdempotencyTable")).consistentRead(true)
                .key(Map.of("key", AttributeValue.fromS("send#checkin#" + a.id() + "#" + cycle + "#R1")))).item();
        return item == null || item.isEmpty() ? null : item.get("status").s();
    }

    private static long sentTo(Aspirant a) {
        return stack.outboxTo(a.phone()).stream().filter(OutboxMessage::isSms).count();
    }

    private static JsonNode run(OffsetDateTime at) throws Exception {
        return JSON.readTree(stack.runJob("checkin-reminders", at));
    }

    private static OffsetDateTime at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), STOCKHOLM).toOffsetDateTime();
    }

    private static List<String> listFiles(String week) {
        return stack.s3().listObjectsV2(r -> r.bucket(LocalStack.LISTS_BUCKET).prefix("forum/" + week + "/"))
                .contents().stream().map(o -> o.key()).toList();
    }

    private static Map<String, AttributeValue> forumSummary(String week) {
        return stack.directDynamoDb().getItem(r -> r.tableName(stack.tableName("ForumListsTable")).consistentRead(true)
                .key(Map.of("week", AttributeValue.fromS(week)))).item();
    }

    private static String causes(Throwable t) {
        StringBuilder out = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            out.append(c.getClass().getName()).append(": ").append(c.getMessage()).append(" / ");
        }
        return out.toString();
    }
}
