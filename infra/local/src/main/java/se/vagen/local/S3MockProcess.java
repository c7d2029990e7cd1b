package se.vagen.local;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S3Mock (Adobe, Apache 2.0) as a child process: its runnable jar, copied by the build to
 * {@code target/s3mock/s3mock.jar}. Run apart because in-process it would pull Spring Boot onto the class path.
 */
final class S3MockProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(S3MockProcess.class);
    /** Generous: ~5 s on an idle two-core machine, but far longer when many builds share the CPU. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("vagen.s3mock.start-timeout-seconds", 300));

    private final Process process;
    private final int port;
    private final Path log;

    private S3MockProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the process; {@link #awaitReady()} waits until it answers. */
    static S3MockProcess start(int port, Path root, boolean retainFiles, List<String> buckets) throws IOException {
        Path jar = findJar();
        Files.createDirectories(root);
        Path log = Files.createTempFile("vagen-s3mock-", ".log");
        log.toFile().deleteOnExit();
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Xss512k");
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + LocalStack.freePort());          // S3Mock's HTTPS port, unused here
        command.add("--server.address=127.0.0.1");
        command.add("--com.adobe.testing.s3mock.httpPort=" + port);
        command.add("--com.adobe.testing.s3mock.store.root=" + root.toAbsolutePath());
        command.add("--com.adobe.testing.s3mock.store.retainFilesOnExit=" + retainFiles);
        command.add("--com.adobe.testing.s3mock.store.initialBuckets=" + String.join(",", buckets));
        command.add("--com.adobe.testing.s3mock.store.region=eu-north-1");
        command.add("--spring.main.banner-mode=off");
        command.add("--logging.level.root=WARN");
        command.add("--logging.level.com.adobe.testing.s3mock=INFO");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new S3MockProcess(process, port, log);
    }

    /** Waits until S3Mock answers a bucket listing (its buckets are made on the first request). */
    void awaitReady() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("S3Mock exited with " + process.exitValue() + ": " + tail());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint().toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(10_000);
                int status = connection.getResponseCode();
                connection.disconnect();
                if (status == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for S3Mock", e);
            }
        }
        throw new IOException("S3Mock did not answer within " + START_TIMEOUT.toSeconds()
                + " s (raise -Dvagen.s3mock.start-timeout-seconds on a busy machine); its log: " + tail());
    }

    URI endpoint() {
        return URI.create("http://localhost:" + port);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // temp file; removed at exit at the latest
        }
    }

    /**
     * The runnable jar: system property {@code vagen.s3mock.jar}, else {@code s3mock/s3mock.jar} next to the
     * vagen-local jar (target/), else {@code target/s3mock/s3mock.jar} under the working directory (tests) or
     * under infra/local (run from the repository root).
     */
    static Path findJar() throws IOException {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("vagen.s3mock.jar");
        if (configured != null) {
            candidates.add(Paths.get(configured));
        }
        try {
            Path codeSource = Paths.get(S3MockProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/vagen-local.jar -> target/s3mock; target/classes -> target/s3mock
            candidates.add(codeSource.getParent().resolve("s3mock").resolve("s3mock.jar"));
        } catch (URISyntaxException | RuntimeException e) {
            LOG.debug("No code source: {}", e.toString());
        }
        candidates.add(Paths.get("target", "s3mock", "s3mock.jar"));
        candidates.add(Paths.get("infra", "local", "target", "s3mock", "s3mock.jar"));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IOException("S3Mock's jar not found (looked at " + candidates
                + "); build infra/local first: ./mvnw -B -q package -DskipTests");
    }
}
