package se.vagen.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The local link gate refuses what S3 refuses: unsigned links and links past X-Amz-Date + X-Amz-Expires. */
class PresignedLinkGateTest {

    @ParameterizedTest(name = "{0} expires {1}s, asked at {2}: {3}")
    @CsvSource({
            "20261126T120000Z, 300, 2026-11-26T12:04:59Z, served",
            "20261126T120000Z, 300, 2026-11-26T12:05:00Z, served",
            "20261126T120000Z, 300, 2026-11-26T12:05:01Z, Request has expired",
            "20261126T120000Z, 2,   2026-11-26T12:00:03Z, Request has expired",
            "2026-11-26,       300, 2026-11-26T12:00:00Z, X-Amz-Date or X-Amz-Expires is malformed.",
            "20261126T120000Z, soon, 2026-11-26T12:00:00Z, X-Amz-Date or X-Amz-Expires is malformed.",
    })
    void expiry(String date, String expires, String now, String expected) {
        Optional<String> refusal = PresignedLinkGate.refusal(
                Map.of("X-Amz-Date", date, "X-Amz-Expires", expires, "X-Amz-Signature", "abc"), Instant.parse(now));
        assertEquals(expected, refusal.orElse("served"));
    }

    @ParameterizedTest
    @CsvSource({"X-Amz-Date", "X-Amz-Expires", "X-Amz-Signature"})
    void anUnsignedLinkIsRefused(String missing) {
        Map<String, String> query = new java.util.HashMap<>(
                Map.of("X-Amz-Date", "20261126T120000Z", "X-Amz-Expires", "300", "X-Amz-Signature", "abc"));
        query.remove(missing);
        assertEquals(Optional.of("Only presigned links are served here."),
                PresignedLinkGate.refusal(query, Instant.parse("2026-11-26T12:00:00Z")));
    }
}
