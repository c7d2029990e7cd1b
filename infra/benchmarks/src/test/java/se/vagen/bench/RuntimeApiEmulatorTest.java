package se.vagen.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The emulator speaks the Runtime API the way the runtime interface client expects (no timing asserted). */
class RuntimeApiEmulatorTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void handsOutTheEventAndRecordsEachAnswer() throws Exception {
        byte[] event = "{\"time\":\"2026-11-23T09:00:00+01:00\"}".getBytes(StandardCharsets.UTF_8);
        try (RuntimeApiEmulator api = new RuntimeApiEmulator(event, 2, "test")) {
            String base = "http://" + api.address() + "/2018-06-01/runtime";
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create(base + "/invocation/next")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, next.statusCode());
                assertEquals(new String(event, StandardCharsets.UTF_8), next.body());
                String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
                assertTrue(next.headers().firstValue("Lambda-Runtime-Deadline-Ms").isPresent());
                assertTrue(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn").orElseThrow().endsWith(":test"));
                HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/invocation/" + id + "/response"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + i + "}")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(202, posted.statusCode());
            }
            assertTrue(api.awaitFinished(10, TimeUnit.SECONDS));
            List<RuntimeApiEmulator.Invocation> answered = api.answered();
            assertEquals(2, answered.size());
            assertEquals("{\"n\":1}", answered.get(1).body());
            assertNull(api.failure());
            assertTrue(api.firstNextAt() > 0);
        }
    }

    @Test
    void reportsAnInitError() throws Exception {
        try (RuntimeApiEmulator api = new RuntimeApiEmulator(new byte[0], 1, "test")) {
            http.send(HttpRequest.newBuilder(URI.create("http://" + api.address() + "/2018-06-01/runtime/init/error"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"errorMessage\":\"boom\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(api.awaitFinished(10, TimeUnit.SECONDS));
            assertNotNull(api.failure());
            assertTrue(api.failure().contains("boom"));
        }
    }

    @Test
    void namesAndPercentiles() {
        assertEquals("VAGEN_TABLES_CHECK_INS", ColdStartRuns.envName("vagen.tables.check-ins"));
        assertEquals(50.0, Stats.percentile(List.of(10.0, 50.0, 90.0, 20.0, 70.0), 50));
        assertEquals(90.0, Stats.percentile(List.of(10.0, 50.0, 90.0, 20.0, 70.0), 99));
        assertEquals("awssdk.services.dynamodb", ArtifactSizes.part("software/amazon/awssdk/services/dynamodb/X.class")
                .replace("software.amazon.", ""));
    }
}
