package se.vagen.local.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import se.vagen.aspirant.Activity;
import se.vagen.aspirant.ActivityPlan;
import se.vagen.aspirant.ActivityType;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.AspirantRepository;
import se.vagen.aspirant.Cadence;
import se.vagen.aspirant.OptOuts;
import se.vagen.aspirant.PauseReason;
import se.vagen.aspirant.PlanPause;
import se.vagen.checkin.CheckIn;
import se.vagen.checkin.CheckInRepository;
import se.vagen.checkin.CheckInStatus;
import se.vagen.checkin.CheckinCycle;
import se.vagen.checkin.HelpTopic;
import se.vagen.checkin.Participation;
import se.vagen.common.Channel;
import se.vagen.common.Language;
import se.vagen.local.outbox.OutboxMessage;
import se.vagen.local.testing.VagenStack;
import se.vagen.sms.SmsSegments;
import se.vagen.time.WorkingCalendar;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The check-in loop end to end on the local stack: reminder runs through the checkin-reminders handler, replies
 * through the inbound-messages handler (SNS events as AWS sends them), the web form over real HTTP; DynamoDB Local
 * holds the data and the outbox captures every SMS and e-mail. The steps build on each other (ordered).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckinLoopTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("/c/([A-Za-z0-9_-]{22})");

    private static VagenStack stack;
    private static AspirantRepository aspirants;
    private static CheckInRepository checkIns;
    private static WorkingCalendar calendar;
    /** Monday (a working day) of the week under test, and the next week's first working day. */
    private static LocalDate monday;
    private static LocalDate nextWeek;
    private static String cycle;

    private static final Map<String, Aspirant> people = new LinkedHashMap<>();

    @BeforeAll
    static void setUp() {
        stack = VagenStack.shared();
        // Until the aspirant repository and the SES/SNS senders are on the branch this runs on, skip cleanly.
        Assumptions.assumeTrue(stack.context().findBean(AspirantRepository.class).isPresent()
                && stack.context().findBean(se.vagen.messaging.SmsSender.class).isPresent()
                && stack.context().findBean(se.vagen.messaging.EmailSender.class).isPresent(),
                "aspirant repository and message senders not built yet");
        aspirants = stack.context().getBean(AspirantRepository.class);
        checkIns = stack.context().getBean(CheckInRepository.class);
        calendar = stack.context().getBean(WorkingCalendar.class);
        LocalDate day = LocalDate.now(STOCKHOLM).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        while (!calendar.isWorkingDay(day) || !calendar.isWorkingDay(day.plusDays(1))
                || !calendar.isWorkingDay(day.plusDays(2))) {
            day = day.plusWeeks(1);
        }
        monday = day;
        nextWeek = calendar.firstWorkingDayOfWeek(monday.plusWeeks(1));

        add("sv", "Karin Lindqvist", Language.SV, Channel.SMS, false);
        add("en", "John Smith", Language.EN, Channel.SMS, false);
        add("ar", "Mohammed Abdulrahman Al-Hashimi", Language.AR, Channel.SMS, false);
        add("fa", "Zahra Mohammadi", Language.FA, Channel.SMS, false);
        add("so", "Cabdullaahi Maxamed Cabdiraxmaan", Language.SO, Channel.SMS, false);
        add("ti", "ሃብተማርያም ገብረእግዚኣብሄር", Language.TI, Channel.SMS, false);
        add("uk", "Oleksandra-Kateryna Shevchenko-Bondarenko", Language.UK, Channel.SMS, false);
        add("silent", "Sven Tyst", Language.SV, Channel.SMS, false);
        add("mail-sv", "Eva Berg", Language.SV, Channel.EMAIL, false);
        add("mail-en", "Peter Brown", Language.EN, Channel.EMAIL, false);
        add("mail-uk", "Iryna Koval", Language.UK, Channel.EMAIL, false);
        add("dup", "Dana Dubbel", Language.SV, Channel.SMS, false);
        add("paused", "Paula Paus", Language.SV, Channel.SMS, true);
        CheckinCycle cycles = stack.context().getBean(CheckinCycle.class);
        cycle = cycles.dueCycle(people.get("sv"), monday).orElseThrow();
    }

    private static void add(String key, String name, Language lang, Channel channel, boolean paused) {
        String id = "t-" + UUID.randomUUID();
        String phone = "+4670" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        String email = key + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        LocalDate today = LocalDate.now(STOCKHOLM);
        List<PlanPause> pauses = paused
                ? List.of(new PlanPause(today.minusDays(1), today.plusDays(90), PauseReason.SICK_LEAVE)) : List.of();
        ActivityPlan plan = new ActivityPlan(today.minusDays(30), today.plusDays(180),
                List.of(new Activity(ActivityType.SFI, 15, "Kompetenscenter", today.minusDays(30), today.plusDays(180))),
                pauses);
        Aspirant a = new Aspirant(id, name, phone, email, lang, channel, "arbetskonsulent", Cadence.WEEKLY,
                OptOuts.NONE, plan, null, 0, false, java.time.Instant.now(), java.time.Instant.now());
        aspirants.save(a);
        people.put(key, a);
    }

    // ------------------------------------------------------------------ reminders

    @Test
    @Order(1)
    void nothingIsSentOnASaturdayOnChristmasDayOrAtNight() throws Exception {
        int before = stack.outboxSize();
        List<OffsetDateTime> quiet = List.of(
                at(monday.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)), 10, 0),
                at(LocalDate.of(monday.getYear(), 12, 25), 10, 0),
                at(monday, 22, 0),
                at(monday, 7, 30));
        for (OffsetDateTime t : quiet) {
            JsonNode summary = run(t);
            assertEquals(0, summary.path("sent").asInt(), "sent at " + t);
            assertTrue(summary.path("outsideSendingWindow").asBoolean(), "outside the window at " + t);
        }
        assertEquals(List.of(), mine(stack.outboxSince(before)));
    }

    @Test
    @Order(2)
    void mondayRunSendsExactlyOneMessageEachAlsoWhenTwoRunsAtOnce() throws Exception {
        int before = stack.outboxSize();
        OffsetDateTime t = at(monday, 9, 30);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<JsonNode>> runs = pool.invokeAll(List.of(() -> run(t), () -> run(t)));
            for (Future<JsonNode> r : runs) {
                assertFalse(r.get().path("stoppedEarly").asBoolean());
            }
        } finally {
            pool.shutdown();
        }
        List<OutboxMessage> sent = mine(stack.outboxSince(before));
        for (Map.Entry<String, Aspirant> e : people.entrySet()) {
            long n = sent.stream().filter(m -> isTo(m, e.getValue())).count();
            assertEquals(e.getKey().equals("paused") ? 0 : 1, n, "messages to " + e.getKey());
        }
        for (OutboxMessage m : sent) {
            if (m.isSms()) {
                assertTrue(SmsSegments.withinLimit(m.body()), "within the segment limit: " + SmsSegments.count(m.body()));
                assertTrue(LINK.matcher(m.body()).find(), "SMS carries the form link");
            } else {
                assertNotNull(m.subject());
                assertNotNull(m.html());
                assertTrue(LINK.matcher(m.body()).find(), "e-mail carries the form link");
                assertTrue(m.html().contains("/c/"), "HTML part has the button link");
            }
        }
        // In each aspirant's language: a word of the first question.
        assertTrue(last("sv").body().contains("1 Ja"), last("sv").body());
        assertTrue(last("ar").body().contains("نعم") || last("ar").body().contains("1"), last("ar").body());

        int again = stack.outboxSize();
        JsonNode second = run(t);
        assertEquals(List.of(), mine(stack.outboxSince(again)), "a second identical run sends nothing");
        assertTrue(second.path("skipped").size() > 0);
    }

    // ------------------------------------------------------------------ chatbot

    @Test
    @Order(3)
    void repliesInEachLanguageAreReadIntoTheFields() throws Exception {
        Map<String, List<String>> replies = new LinkedHashMap<>();
        replies.put("sv", List.of("Ja", "4", "1 och 3"));
        replies.put("en", List.of("partly, I was sick on Tuesday", "very good", "no"));
        replies.put("ar", List.of("نعم", "٤", "٢ و ٣"));
        replies.put("fa", List.of("بله", "۳", "۰"));
        replies.put("ti", List.of("እወ", "5", "4"));
        replies.put("uk", List.of("Ні", "добре", "1,5"));
        StringBuilder transcript = new StringBuilder();
        for (Map.Entry<String, List<String>> e : replies.entrySet()) {
            Aspirant a = people.get(e.getKey());
            List<String> answers = e.getValue();
            transcript.append("## ").append(e.getKey()).append("\n\nVägen: ").append(last(e.getKey()).body()).append('\n');
            String r1 = stack.smsInbound(a.phone(), answers.get(0));
            assertNotNull(r1, e.getKey() + " gets question 2");
            String r2 = stack.smsInbound(a.phone(), answers.get(1));
            assertNotNull(r2, e.getKey() + " gets question 3");
            String r3 = stack.smsInbound(a.phone(), answers.get(2));
            assertNotNull(r3, e.getKey() + " gets thanks");
            for (String r : List.of(r1, r2, r3)) {
                assertTrue(SmsSegments.withinLimit(r), "reply within the segment limit: " + r);
            }
            transcript.append("Aspirant: ").append(answers.get(0)).append("\nVägen: ").append(r1)
                    .append("\nAspirant: ").append(answers.get(1)).append("\nVägen: ").append(r2)
                    .append("\nAspirant: ").append(answers.get(2)).append("\nVägen: ").append(r3).append("\n\n");
        }
        // A real conversation for docs/checkin.md.
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "checkin-conversations.md"), transcript.toString());
        assertAnswers("sv", Participation.YES, 4, List.of(HelpTopic.HOUSING, HelpTopic.STUDIES));
        assertAnswers("en", Participation.PARTLY, 5, List.of(HelpTopic.NONE));
        assertEquals("I was sick on Tuesday", checkIn("en").freeText());
        assertAnswers("ar", Participation.YES, 4, List.of(HelpTopic.MONEY, HelpTopic.STUDIES));
        assertAnswers("fa", Participation.YES, 3, List.of(HelpTopic.NONE));
        assertAnswers("ti", Participation.YES, 5, List.of(HelpTopic.WORK));
        assertAnswers("uk", Participation.NO, 4, List.of(HelpTopic.HOUSING, HelpTopic.HEALTH));
        assertEquals(Channel.SMS, checkIn("sv").channel());
        assertEquals(CheckInStatus.ANSWERED, checkIn("sv").status());
        // After the round: the chatbot says it has the answers.
        String after = stack.smsInbound(people.get("sv").phone(), "2");
        assertTrue(after.contains("redan"), after);
    }

    @Test
    @Order(4)
    void notUnderstoodIsReaskedOnceThenKeptAsFreeText() {
        Aspirant so = people.get("so");
        String reask = stack.smsInbound(so.phone(), "waxaan aaday dugsiga");
        assertTrue(reask.contains("1") && reask.contains("3"), "re-ask lists the options: " + reask);
        String moved = stack.smsInbound(so.phone(), "ma garanayo");
        assertNotNull(moved);
        CheckIn c = checkIn("so");
        assertNull(c.participation());
        assertEquals("ma garanayo", c.freeText());
        assertEquals(CheckInStatus.ANSWERED, c.status(), "a half-answered check-in counts");
        String thirdQuestion = stack.smsInbound(so.phone(), "4 caruurta ayaa jiran");
        assertNotNull(thirdQuestion);
        assertEquals(4, checkIn("so").wellbeing());
        assertEquals("ma garanayo\ncaruurta ayaa jiran", checkIn("so").freeText());
    }

    @Test
    @Order(5)
    void helpAnswersAndLeavesTheQuestionOpen() {
        Aspirant so = people.get("so");
        String help = stack.smsInbound(so.phone(), "HELP");
        assertNotNull(help);
        assertTrue(SmsSegments.withinLimit(help));
        String thanks = stack.smsInbound(so.phone(), "0");
        assertNotNull(thanks);
        assertEquals(List.of(HelpTopic.NONE), checkIn("so").helpNeeded());
    }

    @Test
    @Order(6)
    void stopOptsOutUntilStart() throws Exception {
        Aspirant fa = people.get("fa");
        String confirmed = stack.smsInbound(fa.phone(), "STOPP");
        assertNotNull(confirmed);
        assertTrue(aspirants.findById(fa.id()).orElseThrow().optedOut().sms());
        assertNull(stack.smsInbound(fa.phone(), "1"), "no reply while opted out");

        // A run later in the week sends nothing to the opted-out aspirant.
        int before = stack.outboxSize();
        run(at(monday.plusDays(1), 11, 0));
        assertEquals(0, stack.outboxSince(before).stream().filter(m -> isTo(m, fa)).count());

        String start = stack.smsInbound(fa.phone(), "START");
        assertNotNull(start);
        assertFalse(aspirants.findById(fa.id()).orElseThrow().optedOut().sms());
        // ...and STOP again, for the next week's run below.
        stack.smsInbound(fa.phone(), "stop");
    }

    @Test
    @Order(7)
    void unknownNumberGetsNoReplyAndNothingIsStored() {
        String unknown = "+4670" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        String messageId = "unknown-" + UUID.randomUUID();
        int before = stack.outboxSize();
        assertNull(stack.smsInbound(unknown, "1", messageId));
        assertEquals(0, stack.outboxSince(before).stream().filter(m -> unknown.equals(m.to())).count());
        Map<String, AttributeValue> item = stack.dynamoDb().getItem(r -> r
                .tableName(stack.tableName("IdempotencyTable"))
                .key(Map.of("key", AttributeValue.fromS("inbound#sms#" + messageId)))).item();
        assertTrue(item == null || item.isEmpty(), "not even the message id is kept");
    }

    @Test
    @Order(8)
    void duplicateDeliveryIsHandledOnce() throws Exception {
        // The same inbound message id delivered 5 times, 4 of them in parallel: one answer, one reply.
        Aspirant dup = people.get("dup");
        String messageId = "dup-" + UUID.randomUUID();
        int before = stack.outboxSize();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> stack.smsInbound(dup.phone(), "1", messageId));
            }
            int retried = 0;
            for (Future<String> f : pool.invokeAll(calls)) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    // Claimed by a parallel delivery that had not finished: this one fails so Lambda delivers it
                    // again, instead of dropping it (InboundInFlightTest). Deliver it again, as Lambda would.
                    retried++;
                }
            }
            for (int i = 0; i < retried; i++) {
                assertNull(stack.smsInbound(dup.phone(), "1", messageId), "the retry is a duplicate by now");
            }
        } finally {
            pool.shutdown();
        }
        stack.smsInbound(dup.phone(), "1", messageId);
        List<OutboxMessage> replies = stack.outboxSince(before).stream().filter(m -> isTo(m, dup)).toList();
        assertEquals(1, replies.size(), "one reply for five deliveries");
        assertEquals(Participation.YES, checkIn("dup").participation());
        assertNull(checkIn("dup").wellbeing(), "the round moved one step, not five");
        // The next message is read as the answer to question 2.
        stack.smsInbound(dup.phone(), "2");
        assertEquals(2, checkIn("dup").wellbeing());
        assertTrue(checkIn("dup").helpNeeded().isEmpty());
    }

    @Test
    @Order(9)
    void emailReplyAboveTheQuotedTextIsRead() {
        Aspirant mail = people.get("mail-en");
        String reply = stack.emailInbound(mail.email(), "Re: This week's check-in",
                "2\n\nOn Mon, 30 Nov 2026 at 09:30, Vägen <noreply@vagen.local> wrote:\n> Question 1: Did you take part?\n> 1 Yes\n> 3 No");
        assertNotNull(reply, "the chatbot answers by e-mail");
        assertEquals(Participation.PARTLY, checkIn("mail-en").participation());
        assertEquals(Channel.EMAIL, checkIn("mail-en").channel());
    }

    // ------------------------------------------------------------------ web form

    @Test
    @Order(10)
    void formShowsInTheLanguageStoresOnceAndThenTheLinkIsUsed() {
        String token = token("mail-sv");
        HttpResponse<String> page = stack.get("/c/" + token, null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<html lang=\"sv\" dir=\"ltr\">"), page.body());
        assertSecurityHeaders(page);
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));

        HttpResponse<String> empty = stack.post("/c/" + token, "application/x-www-form-urlencoded", "freeText=", null);
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("lang=\"sv\""));
        assertTrue(checkIns.find(people.get("mail-sv").id(), cycle).map(c -> c.status() != CheckInStatus.ANSWERED).orElse(true),
                "a 400 stores nothing");

        HttpResponse<String> posted = stack.post("/c/" + token, "application/x-www-form-urlencoded",
                "participation=PARTLY&wellbeing=2&helpNeeded=MONEY&helpNeeded=HEALTH&freeText=%3Cscript%3Ealert(1)%3C%2Fscript%3E+tack",
                null);
        assertEquals(200, posted.statusCode(), posted.body());
        assertSecurityHeaders(posted);
        CheckIn stored = checkIn("mail-sv");
        assertTrue(stored.viaForm());
        assertEquals(Participation.PARTLY, stored.participation());
        assertEquals(2, stored.wellbeing());
        assertEquals(List.of(HelpTopic.MONEY, HelpTopic.HEALTH), stored.helpNeeded());
        assertEquals("<script>alert(1)</script> tack", stored.freeText());

        assertEquals(410, stack.get("/c/" + token, null).statusCode(), "the link is used");
        assertEquals(410, stack.post("/c/" + token, "application/x-www-form-urlencoded", "participation=NO", null).statusCode());
        assertEquals(Participation.PARTLY, checkIn("mail-sv").participation(), "nothing overwritten");

        // The chatbot conversation was closed by the form.
        String late = stack.emailInbound(people.get("mail-sv").email(), "Re: Veckans avstämning", "1");
        assertNotNull(late);
        assertTrue(late.contains("redan"), late);
    }

    @Test
    @Order(11)
    void fiftyParallelPostsStoreExactlyOne() throws Exception {
        String token = token("mail-uk");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int wellbeing = 1 + i % 5;
            posts.add(() -> stack.post("/c/" + token, "application/x-www-form-urlencoded",
                    "participation=YES&wellbeing=" + wellbeing, null).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> f : pool.invokeAll(posts)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(49, statuses.stream().filter(s -> s == 410).count(), statuses.toString());
        assertTrue(checkIn("mail-uk").viaForm());
    }

    @Test
    @Order(12)
    void formPagesForUnknownLinksAndRightToLeftLanguages() {
        HttpResponse<String> unknown = stack.get("/c/AAAAAAAAAAAAAAAAAAAAAA", null);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("lang=\"sv\"") && unknown.body().contains("lang=\"en\""), unknown.body());
        assertSecurityHeaders(unknown);
        assertEquals(404, stack.get("/c/garbage", null).statusCode());

        // The Arabic aspirant finished by SMS: the link now shows the "already answered" page, in Arabic, RTL.
        HttpResponse<String> ar = stack.get("/c/" + token("ar"), null);
        assertEquals(410, ar.statusCode());
        assertTrue(ar.body().contains("<html lang=\"ar\" dir=\"rtl\">"), ar.body());

        // The silent aspirant's link shows the form in Swedish.
        HttpResponse<String> form = stack.get("/c/" + token("silent"), null);
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("name=\"participation\""));
        assertTrue(form.body().contains("type=\"checkbox\" name=\"helpNeeded\""));
        assertFalse(form.body().contains("<script"));
        assertFalse(form.body().contains("style="));

        HttpResponse<String> css = stack.get("/c/form.css", null);
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
    }

    // ------------------------------------------------------------------ second reminder, MISSED

    @Test
    @Order(13)
    void secondReminderTwoWorkingDaysLaterOnlyToThoseWhoDidNotAnswer() throws Exception {
        // With almost no Lambda time left the run stops cleanly before sending anything; the next run does the work.
        int early = stack.outboxSize();
        try {
            stack.lambdaTimeout(java.time.Duration.ofSeconds(3));
            JsonNode stopped = run(at(calendar.plusWorkingDays(monday, 2), 9, 45));
            assertTrue(stopped.path("stoppedEarly").asBoolean(), stopped.toString());
        } finally {
            stack.resetLambdaTimeout();
        }
        assertEquals(List.of(), mine(stack.outboxSince(early)));

        int before = stack.outboxSize();
        JsonNode summary = run(at(calendar.plusWorkingDays(monday, 2), 10, 0));
        assertFalse(summary.path("stoppedEarly").asBoolean());
        List<OutboxMessage> sent = mine(stack.outboxSince(before));
        assertEquals(1, sent.stream().filter(m -> isTo(m, people.get("silent"))).count(), sent.toString());
        for (String answered : List.of("sv", "en", "ar", "so", "ti", "uk", "mail-sv", "mail-en", "mail-uk", "fa", "dup", "paused")) {
            assertEquals(0, sent.stream().filter(m -> isTo(m, people.get(answered))).count(), answered);
        }
        int again = stack.outboxSize();
        run(at(calendar.plusWorkingDays(monday, 2), 10, 0));
        assertEquals(List.of(), mine(stack.outboxSince(again)));
    }

    @Test
    @Order(14)
    void aCycleWithoutAnAnswerIsMissedAndCounted() throws Exception {
        int before = stack.outboxSize();
        JsonNode summary = run(at(nextWeek, 9, 30));
        assertTrue(summary.path("missed").asInt() >= 1);
        assertEquals(CheckInStatus.MISSED, checkIn("silent").status());
        assertEquals(1, aspirants.findById(people.get("silent").id()).orElseThrow().missedCheckIns());
        assertEquals(0, aspirants.findById(people.get("sv").id()).orElseThrow().missedCheckIns());
        assertEquals(CheckInStatus.ANSWERED, checkIn("sv").status());
        List<OutboxMessage> sent = mine(stack.outboxSince(before));
        assertEquals(0, sent.stream().filter(m -> isTo(m, people.get("fa"))).count(), "opted out: nothing");
        assertEquals(1, sent.stream().filter(m -> isTo(m, people.get("sv"))).count(), "next week's first reminder");
        // The staff view shows it.
        String staff = stack.staffToken("anna", "staff");
        JsonNode silent = JSON.readTree(stack.get("/staff/aspirants/" + people.get("silent").id(), staff).body());
        assertEquals(1, silent.path("missedCheckIns").asInt(), silent.toString());
        assertEquals("MISSED", findCycle(silent.path("checkIns"), cycle).path("status").asText(), silent.toString());
        JsonNode sv = JSON.readTree(stack.get("/staff/aspirants/" + people.get("sv").id(), staff).body());
        JsonNode svCheckIn = findCycle(sv.path("checkIns"), cycle);
        assertEquals("YES", svCheckIn.path("participation").asText(), sv.toString());
        assertEquals(4, svCheckIn.path("wellbeing").asInt());
        assertEquals("sms", svCheckIn.path("channel").asText());
        assertEquals(0, sv.path("missedCheckIns").asInt());
        JsonNode fa = JSON.readTree(stack.get("/staff/aspirants/" + people.get("fa").id(), staff).body());
        assertTrue(fa.path("optedOut").path("sms").asBoolean(), fa.toString());
        // Running it again marks nothing twice.
        run(at(nextWeek, 9, 45));
        assertEquals(1, aspirants.findById(people.get("silent").id()).orElseThrow().missedCheckIns());
    }

    // ------------------------------------------------------------------ helpers

    private static JsonNode findCycle(JsonNode checkIns, String cycleId) {
        for (JsonNode c : checkIns) {
            if (cycleId.equals(c.path("cycle").asText())) {
                return c;
            }
        }
        throw new AssertionError("no check-in " + cycleId + " in " + checkIns);
    }

    private static JsonNode run(OffsetDateTime at) throws Exception {
        return JSON.readTree(stack.runJob("checkin-reminders", at));
    }

    private static OffsetDateTime at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), STOCKHOLM).toOffsetDateTime();
    }

    private static boolean isTo(OutboxMessage m, Aspirant a) {
        return m.to() != null && (m.to().equals(a.phone()) || m.to().equals(a.email()));
    }

    private static List<OutboxMessage> mine(List<OutboxMessage> messages) {
        return messages.stream().filter(m -> people.values().stream().anyMatch(a -> isTo(m, a))).toList();
    }

    private static OutboxMessage last(String key) {
        Aspirant a = people.get(key);
        List<OutboxMessage> to = stack.outbox().stream().filter(m -> isTo(m, a)).toList();
        return to.get(to.size() - 1);
    }

    /** The form token of the first reminder this aspirant got. */
    private static String token(String key) {
        Aspirant a = people.get(key);
        Optional<String> token = stack.outbox().stream().filter(m -> isTo(m, a)).map(m -> {
            Matcher matcher = LINK.matcher(m.body());
            return matcher.find() ? matcher.group(1) : null;
        }).filter(t -> t != null).findFirst();
        return token.orElseThrow(() -> new AssertionError("no link sent to " + key));
    }

    private static CheckIn checkIn(String key) {
        return checkIns.find(people.get(key).id(), cycle).orElseThrow(() -> new AssertionError("no check-in for " + key));
    }

    private static void assertAnswers(String key, Participation p, int wellbeing, List<HelpTopic> help) {
        CheckIn c = checkIn(key);
        assertEquals(p, c.participation(), key);
        assertEquals(wellbeing, c.wellbeing(), key);
        assertEquals(help, c.helpNeeded(), key);
    }

    private static void assertSecurityHeaders(HttpResponse<String> r) {
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    }
}
