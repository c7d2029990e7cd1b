package se.vagen.local;

import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code java -jar infra/local/target/vagen-local.jar [--port N] [--data DIR] [--no-demo]}: the whole system on
 * this machine, no cloud account, no Docker. Prints one line when ready.
 */
public final class VagenLocal {

    private VagenLocal() {
    }

    public static void main(String[] args) {
        Logging.quiet(true);
        LocalStack.Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(usage());
            return;
        }
        LocalStack stack;
        try {
            stack = LocalStack.start(options);
        } catch (java.net.BindException e) {
            System.err.println("Vägen local stack could not start: port " + options.port()
                    + " is in use. Choose another with --port N (or PORT=N).");
            System.exit(1);
            return;
        } catch (Exception e) {
            System.err.println("Vägen local stack could not start: " + e);
            e.printStackTrace(System.err);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "vagen-local-shutdown"));
        System.out.printf(Locale.ROOT, "Vägen local stack ready at http://localhost:%d (started in %.1f s)%n",
                stack.port(), stack.startupTime().toMillis() / 1000.0);
    }

    /** Parses the options; null means "print usage". */
    static LocalStack.Options parse(String[] args) {
        LocalStack.Options options = LocalStack.Options.defaults();
        String envPort = System.getenv("PORT");
        if (envPort != null && !envPort.isBlank()) {
            options = options.withPort(port(envPort.trim(), "PORT"));
        }
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> options = options.withPort(port(value(args, ++i, "--port"), "--port"));
                case "--data" -> options = options.withDataDir(Path.of(value(args, ++i, "--data")));
                case "--no-demo" -> options = options.withDemo(false);
                case "--help", "-h" -> {
                    return null;
                }
                default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
            }
        }
        return options;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int port(String value, String what) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a port number 0..65535");
        }
    }

    static String usage() {
        return "Usage: java -jar infra/local/target/vagen-local.jar [--port N] [--data DIR] [--no-demo]\n"
                + "  --port N    HTTP port (default: $PORT, else 8080; 0 = any free port)\n"
                + "  --data DIR  keep DynamoDB and S3 data in DIR (default: in memory, gone at exit)\n"
                + "  --no-demo   start without demo aspirants and employers";
    }
}
