package se.vagen.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.vagen.local.outbox.OutboxMessage;
import se.vagen.local.testing.VagenStack;
import se.vagen.time.WorkingCalendar;

/**
 * Personal data never reaches the logs: every line printed while a whole flow runs (staff create and a rejected
 * create, a reminder run, SMS and e-mail replies, STOP, an unknown number, a form post, the weekly list) is
 * captured and searched for the aspirants' names, phone numbers (E.164 and as staff type them) and e-mail
 * addresses.
 */
class LogPrivacyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final Pattern LINK = Pattern.compile("/c/([A-Za-z0-9_-]{22})");

    private final VagenStack stack = VagenStack.shared();

    @Test
    void aFullRunLogsNoNamePhoneOrEmail() throws Exception {
        String tag = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000L, 9_999_999L));
        String smsName = "Loggfria Karlsson" + letters(tag);
        String mailName = "Hemliga Andersson" + letters(tag);
        String smsNational = "070-" + tag.substring(0, 3) + " " + tag.substring(3, 5) + " " + tag.substring(5);
        String smsE164 = "+4670" + tag;
        String mailNational = "073-" + tag.substring(0, 3) + " " + tag.substring(3, 5) + " " + tag.substring(5);
        String mailE164 = "+4673" + tag;
        String smsEmail = "sms.person." + tag + "@example.org";
        String mailEmail = "mail.person." + tag + "@example.org";
        String strangerE164 = "+4676" + tag;
        List<String> secrets = List.of(smsName, mailName, smsE164, mailE164, "70" + tag, "73" + tag, "76" + tag,
                smsNational, mailNational, smsEmail, mailEmail, strangerE164);

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(new Tee(originalOut, captured), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr, captured), true, StandardCharsets.UTF_8));
        try {
            runWholeFlow(smsName, smsNational, smsEmail, mailName, mailNational, mailEmail, smsE164, strangerE164);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }

        String logs = captured.toString(StandardCharsets.UTF_8);
        assertTrue(logs.contains("created by staff"), "the capture saw the functions' log lines:\n" + logs);
        List<String> leaked = new ArrayList<>();
        for (String secret : secrets) {
            if (logs.contains(secret)) {
                leaked.add(secret);
            }
        }
        assertEquals(List.of(), leaked, "personal data in the logs:\n" + logs);
    }

    private void runWholeFlow(String smsName, String smsPhone, String smsEmail, String mailName, String mailPhone,
                              String mailEmail, String smsE164, String strangerE164) throws Exception {
        String staff = stack.staffToken("privacy-test", "staff");
        LocalDate today = LocalDate.now(STOCKHOLM);
        createAspirant(staff, smsName, smsPhone, smsEmail, "sms", today);
        createAspirant(staff, mailName, mailPhone, mailEmail, "email", today);

        // A rejected create: the invalid values must not be echoed into a log line either.
        HttpResponse<String> rejected = stack.post("/staff/aspirants", "application/json",
                aspirantJson(smsName, "070-12", smsEmail.replace("@", ""), "sms", today).toString(), staff);
        assertEquals(400, rejected.statusCode(), rejected.body());

        WorkingCalendar calendar = stack.context().getBean(WorkingCalendar.class);
        LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        while (!calendar.isWorkingDay(monday)) {
            monday = monday.plusWeeks(1);
        }
        int before = stack.outboxSize();
        stack.runJob("checkin-reminders", monday.atTime(9, 30).atZone(STOCKHOLM).toOffsetDateTime());
        List<OutboxMessage> sent = stack.outboxSince(before);
        assertTrue(sent.stream().anyMatch(m -> m.to().equals(smsE164)), "the SMS aspirant got a reminder");
        OutboxMessage mail = sent.stream().filter(m -> m.to().equals(mailEmail)).findFirst()
                .orElseThrow(() -> new AssertionError("the e-mail aspirant got a reminder"));

        stack.smsInbound(smsE164, "2 jag var sjuk");
        stack.smsInbound(smsE164, "hmm");
        stack.smsInbound(smsE164, "HJÄLP");
        stack.smsInbound(smsE164, "4");
        stack.smsInbound(smsE164, "1 och 3");
        stack.smsInbound(smsE164, "STOPP");
        stack.smsInbound(strangerE164, "1");
        stack.emailInbound(mailEmail, "Re: avstämning", "1\n\n> " + mailName + " skrev:\n> gammal text");

        Matcher link = LINK.matcher(mail.body());
        assertTrue(link.find(), "the e-mail carries the form link");
        String form = "/c/" + link.group(1);
        stack.get(form, null);
        stack.post(form, "application/x-www-form-urlencoded",
                "participation=YES&wellbeing=4&helpNeeded=HOUSING&freeText=" + mailName.replace(' ', '+'), null);

        String week = monday.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        HttpResponse<String> generated = stack.post("/staff/forum-lists/" + week + "/generate", "application/json", "{}",
                staff);
        assertTrue(generated.statusCode() < 300, "forum list generated: " + generated.statusCode());
        stack.get("/staff/forum-lists/" + week, staff);
        stack.get("/staff/aspirants?q=" + smsName.substring(0, 8).replace(' ', '+'), staff);
    }

    private void createAspirant(String token, String name, String phone, String email, String channel, LocalDate today) {
        HttpResponse<String> created = stack.post("/staff/aspirants", "application/json",
                aspirantJson(name, phone, email, channel, today).toString(), token);
        assertEquals(201, created.statusCode(), created.body());
    }

    private static ObjectNode aspirantJson(String name, String phone, String email, String channel, LocalDate today) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name).put("phone", phone).put("email", email).put("language", "sv").put("channel", channel)
                .put("contactRoleOwner", "arbetskonsulent").put("checkInCadence", "WEEKLY");
        ObjectNode plan = body.putObject("plan");
        plan.put("start", today.minusDays(40).toString()).put("end", today.plusDays(120).toString());
        ObjectNode activity = plan.putArray("activities").addObject();
        activity.put("type", "SFI").put("hoursPerWeek", 15).put("provider", "Kompetenscenter")
                .put("start", today.minusDays(40).toString()).put("end", today.plusDays(120).toString());
        return body;
    }

    /** The tag's digits as letters, so each run's names are unique and still plain names. */
    private static String letters(String digits) {
        StringBuilder s = new StringBuilder(" ");
        for (char c : digits.toCharArray()) {
            s.append((char) ('a' + (c - '0')));
        }
        return s.toString();
    }

    /** Writes everything to the original stream and to the capture. */
    private static final class Tee extends OutputStream {
        private final OutputStream original;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream original, ByteArrayOutputStream copy) {
            this.original = original;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            synchronized (copy) {
                copy.write(b);
            }
            try {
                original.write(b);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (copy) {
                copy.write(b, off, len);
            }
            try {
                original.write(b, off, len);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            original.flush();
        }
    }
}
