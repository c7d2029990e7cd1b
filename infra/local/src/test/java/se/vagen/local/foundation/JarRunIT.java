package se.vagen.local.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged jar as a user would ({@code java -jar target/vagen-local.jar --port N --no-demo}), waits for
 * the one ready line, checks /health, /dev and the staff authorizer, and stops it. Runs in the verify phase
 * (failsafe), after package. Prints the measured time to ready.
 */
class JarRunIT {

    private static final Pattern READY =
            Pattern.compile("^Vägen local stack ready at http://localhost:(\\d+) \\(started in ([0-9.]+) s\\)$");

    @Test
    void theJarStartsAnswersAndStops() throws Exception {
        Path jar = Paths.get("target", "vagen-local.jar");
        assertTrue(Files.isRegularFile(jar), "package first: " + jar.toAbsolutePath());
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        long started = System.nanoTime();
        Process process = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--port", Integer.toString(port), "--no-demo")
                .redirectErrorStream(true)
                .start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        List<ProcessHandle> children = new ArrayList<>();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    if (READY.matcher(line).matches()) {
                        ready.complete(line);
                    }
                }
                ready.completeExceptionally(new IllegalStateException("exited without the ready line: " + output));
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            String line = ready.get(180, TimeUnit.SECONDS);
            long wallMillis = (System.nanoTime() - started) / 1_000_000;
            Matcher m = READY.matcher(line);
            assertTrue(m.matches());
            assertEquals(Integer.toString(port), m.group(1));
            System.out.printf("JarRunIT: '%s' (process start to ready line: %d ms)%n", line, wallMillis);
            assertEquals(List.of(line), output.stream().filter(l -> !l.isBlank()).toList(),
                    "the stack prints one line when ready");

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI base = URI.create("http://localhost:" + port);
            assertEquals(200, http.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(base.resolve("/dev")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("lang=\"sv\""));
            assertEquals(401, http.send(HttpRequest.newBuilder(base.resolve("/staff/forum-lists")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            children.addAll(process.descendants().toList());
            assertTrue(children.stream().anyMatch(p -> p.info().commandLine().orElse("").contains("s3mock")),
                    "S3Mock runs as a child process");
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        // The shutdown hook stopped S3Mock with the stack.
        for (ProcessHandle child : children) {
            child.onExit().get(15, TimeUnit.SECONDS);
            assertTrue(!child.isAlive(), "child process " + child.pid() + " stopped with the stack");
        }
    }
}
