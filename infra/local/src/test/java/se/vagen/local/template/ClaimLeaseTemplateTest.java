package se.vagen.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.vagen.local.template.TemplateFile.map;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.vagen.idempotency.ClaimLease;

/**
 * The send ledger's claim lease (ClaimLease, docs/reliability.md) must outlive every process that claims: otherwise
 * a later run could take over a live run's key and send twice. The lease is measured on the wall clock from the
 * moment a claim is written, and no process lives longer than its function's timeout after that.
 */
class ClaimLeaseTemplateTest {

    private static final TemplateFile TEMPLATE = TemplateFile.load();

    static Stream<String> functionsThatClaim() {
        return TEMPLATE.resourcesOfType("AWS::Serverless::Function").entrySet().stream()
                .filter(e -> map(map(TemplateFile.properties(e.getValue()).get("Environment")).get("Variables"))
                        .containsKey("VAGEN_TABLES_IDEMPOTENCY"))
                .map(Map.Entry::getKey);
    }

    @ParameterizedTest
    @MethodSource("functionsThatClaim")
    void theDefaultLeaseOutlivesTheFunctionsTimeout(String id) {
        Map<String, Object> function = TEMPLATE.resources().get(id);
        long timeout = ((Number) TEMPLATE.functionProperty(function, "Timeout")).longValue();
        System.out.printf("%s: timeout %d s, claim lease %s%n", id, timeout, ClaimLease.DEFAULT_LENGTH);
        assertTrue(ClaimLease.DEFAULT_LENGTH.compareTo(Duration.ofSeconds(timeout).multipliedBy(2)) >= 0,
                id + ": the claim lease " + ClaimLease.DEFAULT_LENGTH + " must be at least twice the timeout " + timeout + " s");
    }

    @ParameterizedTest
    @MethodSource("functionsThatClaim")
    void noFunctionShortensTheLease(String id) {
        // Keys are shared between functions (the survey campaign runs in survey-links and staff-api): one lease.
        Map<String, Object> function = TEMPLATE.resources().get(id);
        assertFalse(map(map(TemplateFile.properties(function).get("Environment")).get("Variables"))
                .containsKey("VAGEN_LEDGER_CLAIM_LEASE"), id);
    }

    @Test
    void fourFunctionsClaim() {
        assertEquals(List.of("StaffApiFunction", "InboundMessagesFunction", "CheckinRemindersFunction",
                "SurveyLinksFunction"), functionsThatClaim().toList());
    }
}
