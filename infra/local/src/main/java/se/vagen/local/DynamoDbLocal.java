package se.vagen.local;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local (AWS's own emulator, its licence is AWS's, not open source), in this process, reached over
 * HTTP by the normal SDK client. In memory, or on disk under {@code dataDir} so data survives a restart.
 */
final class DynamoDbLocal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbLocal.class);
    /** sqlite4java logs "DB opened" at INFO through java.util.logging; held here so the level sticks. */
    private static final java.util.logging.Logger SQLITE = java.util.logging.Logger.getLogger("com.almworks.sqlite4java");

    static {
        SQLITE.setLevel(java.util.logging.Level.WARNING);
    }

    private final DynamoDBProxyServer server;
    private final int port;

    private DynamoDbLocal(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static DynamoDbLocal start(Path dataDir, int port) throws Exception {
        List<String> args = new ArrayList<>();
        if (dataDir == null) {
            args.add("-inMemory");
        } else {
            Files.createDirectories(dataDir);
            args.add("-dbPath");
            args.add(dataDir.toAbsolutePath().toString());
        }
        args.add("-port");
        args.add(Integer.toString(port));
        args.add("-disableTelemetry");
        DynamoDBProxyServer server;
        // DynamoDB Local prints its configuration on System.out; keep the console to the stack's own line.
        java.io.PrintStream console = System.out;
        synchronized (System.class) {
            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream(), true,
                    java.nio.charset.StandardCharsets.UTF_8));
            try {
                server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
                server.start();
            } finally {
                System.setOut(console);
            }
        }
        LOG.debug("DynamoDB Local on port {}", port);
        return new DynamoDbLocal(server, port);
    }

    URI endpoint() {
        return URI.create("http://localhost:" + port);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("DynamoDB Local did not stop cleanly: {}", e.toString());
        }
    }
}
