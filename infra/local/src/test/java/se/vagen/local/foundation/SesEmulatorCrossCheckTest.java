package se.vagen.local.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import se.vagen.aws.SignedRequests;
import se.vagen.aws.ses.SesEmailSender;
import se.vagen.messaging.OutgoingEmail;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Cross-checks the SES adapter against an independent SES v2 emulator (npm aws-ses-v2-local, installed by
 * .ci/run into infra/ses-emulator): the same request our outbox accepts must also be a valid SendEmail there.
 * Skipped, with a message, when the emulator is not installed.
 */
class SesEmulatorCrossCheckTest {

    private static final Path CLI = Path.of("../ses-emulator/node_modules/aws-ses-v2-local/dist/cli.js");

    @Test
    void theSesAdapterSendsAMailTheIndependentEmulatorAccepts() throws Exception {
        assumeTrue(Files.isRegularFile(CLI), "aws-ses-v2-local is not installed: run "
                + "`npm ci --prefix infra/ses-emulator` (.ci/run does) to run this cross-check");
        assumeTrue(nodeAvailable(), "node is not on the PATH; the SES emulator cross-check needs Node.js");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process emulator = new ProcessBuilder("node", CLI.toAbsolutePath().toString(), "--port", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            URI endpoint = URI.create("http://localhost:" + port);
            HttpClient http = HttpClient.newHttpClient();
            awaitStore(http, endpoint, emulator);

            String to = "x" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            SignedRequests aws = new SignedRequests(UrlConnectionHttpClient.create(),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")), Region.EU_NORTH_1);
            String id = new SesEmailSender(aws, endpoint, "noreply@vagen.local").send(new OutgoingEmail(to,
                    "Din avstämning – vecka 48", "Hej! Svara här: http://localhost/c/abc", "<p>Hej!</p>"));
            assertTrue(id != null && !id.isBlank());

            JsonNode store = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(endpoint.resolve("/store"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            JsonNode mail = null;
            for (JsonNode email : store.path("emails")) {
                if (email.path("destination").path("to").toString().contains(to)) {
                    mail = email;
                }
            }
            assertTrue(mail != null, "the emulator's store has the mail: " + store);
            assertEquals("noreply@vagen.local", mail.path("from").asText());
            assertEquals("Din avstämning – vecka 48", mail.path("subject").asText());
            assertEquals("Hej! Svara här: http://localhost/c/abc", mail.path("body").path("text").asText());
            assertEquals("<p>Hej!</p>", mail.path("body").path("html").asText());
        } finally {
            emulator.destroy();
            if (!emulator.waitFor(5, TimeUnit.SECONDS)) {
                emulator.destroyForcibly();
            }
        }
    }

    private static void awaitStore(HttpClient http, URI endpoint, Process emulator) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!emulator.isAlive()) {
                throw new IllegalStateException("aws-ses-v2-local exited with " + emulator.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(endpoint.resolve("/store")).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("aws-ses-v2-local did not start within 30 s");
    }

    private static boolean nodeAvailable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "node"))) {
                return true;
            }
        }
        return false;
    }
}
