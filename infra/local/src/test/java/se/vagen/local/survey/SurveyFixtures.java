package se.vagen.local.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import se.vagen.employer.Employer;
import se.vagen.employer.EmployerContact;
import se.vagen.employer.EmployerRepository;
import se.vagen.employer.OrgNumbers;
import se.vagen.local.outbox.OutboxMessage;
import se.vagen.local.testing.VagenStack;
import se.vagen.messaging.EmailSender;

/** Helpers of the survey integration tests: own employers, links from the outbox, form posts. */
final class SurveyFixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SURVEY_LINK = Pattern.compile("/s/([A-Za-z0-9_-]{22})(?![A-Za-z0-9_/-])");
    private static final Pattern UNSUBSCRIBE_LINK = Pattern.compile("/s/([A-Za-z0-9_-]{22})/unsubscribe");

    final VagenStack stack = VagenStack.shared();
    /** Unique per test run, so e-mail addresses and org numbers never meet another test's data. */
    final String run = UUID.randomUUID().toString().substring(0, 8);

    /** A random 10-digit organisationsnummer with a correct Luhn check digit (unique enough per run). */
    static String orgNumber() {
        String nine = "55" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        for (char check = '0'; check <= '9'; check++) {
            if (OrgNumbers.checkDigitOk(nine + check)) {
                return nine + check;
            }
        }
        throw new IllegalStateException("no check digit for " + nine);
    }

    /** Skips the calling test until an e-mail sender is built (the SES adapter), instead of failing it. */
    void assumeMailCanBeSent() {
        Assumptions.assumeTrue(stack.context().containsBean(EmailSender.class),
                "no EmailSender bean yet: the survey e-mail tests wait for the SES adapter");
    }

    String email(String name) {
        return name + "-" + run + "@survey-test.example";
    }

    /** Saves an employer; an empty string in {@code emails} is a contact with a phone number only. */
    Employer employer(String industry, LocalDate lastContact, String... emails) {
        List<EmployerContact> contacts = new ArrayList<>();
        for (String e : emails) {
            contacts.add(e.isEmpty()
                    ? new EmployerContact("Telefonkontakt", null, "+4681234567", null)
                    : new EmployerContact("Kontakt " + e, e, null, null));
        }
        Employer employer = new Employer(orgNumber(), "Enkättest AB " + run, industry, "10-49", lastContact, contacts,
                null, null);
        stack.context().getBean(EmployerRepository.class).save(employer);
        return employer;
    }

    JsonNode runJob(String at, String action) {
        try {
            return JSON.readTree(stack.runJob("survey-links", OffsetDateTime.parse(at), action));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<OutboxMessage> mails(String address) {
        return stack.outboxTo(address);
    }

    /** The survey token of the n-th (0-based) e-mail to {@code address}. */
    String surveyToken(String address, int n) {
        return match(SURVEY_LINK, mails(address).get(n));
    }

    String unsubscribeToken(String address, int n) {
        return match(UNSUBSCRIBE_LINK, mails(address).get(n));
    }

    private static String match(Pattern pattern, OutboxMessage mail) {
        Matcher m = pattern.matcher(mail.body());
        assertTrue(m.find(), mail.body());
        if (mail.html() != null) {
            assertTrue(mail.html().contains("/s/" + m.group(1)), "the HTML part has the same link");
        }
        return m.group(1);
    }

    /** Form fields as name, value, name, value ... */
    static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    HttpResponse<String> post(String path, String body) {
        return stack.post(path, "application/x-www-form-urlencoded", body, null);
    }

    /** Posts the three NKI answers plus any extra fields; asserts the status. */
    HttpResponse<String> answer(String token, int status, String... fields) {
        HttpResponse<String> response = post("/s/" + token, form(fields));
        assertEquals(status, response.statusCode(), response.body());
        return response;
    }

    JsonNode results(String year) {
        HttpResponse<String> response = stack.get("/staff/surveys/" + year + "/results", stack.staffToken("sara", "staff"));
        assertEquals(200, response.statusCode(), response.body());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
