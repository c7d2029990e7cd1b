package se.vagen.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One cold start, the way the Lambda java runtimes do it: the deployment artifact is extracted into the task
 * root (Lambda's /var/task), the working directory; a fresh JVM runs the AWS Lambda Runtime Interface Client
 * ({@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda}) with the template's handler string; the
 * client loads the handler through its own class loader from the task root, asks the Runtime API for an event,
 * deserializes it with the runtime's own serializer, calls the handler and posts the answer back.
 *
 * <p>Measured: init (process start to the first {@code /next}, i.e. JVM start + handler class init + handler
 * constructor, which is where Micronaut builds its context), first invoke (event handed out to answer received),
 * a second invoke right after (an estimate of what a SnapStart-restored or warm sandbox pays), and peak RSS
 * (VmHWM of the JVM process).
 */
final class ColdStart {

    /** The launcher flags of Lambda's java runtimes, for a given memory size (heap 85 %, metaspace 10 %, code cache 5 %). */
    static List<String> lambdaLauncherFlags(int memoryMb) {
        long kb = memoryMb * 1024L;
        return List.of(
                "-XX:MaxHeapSize=" + (kb * 85 / 100) + "k",
                "-XX:MaxMetaspaceSize=" + (kb * 10 / 100) + "k",
                "-XX:ReservedCodeCacheSize=" + (kb * 5 / 100) + "k",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-Djava.net.preferIPv4Stack=true");
    }

    /** Lambda's default JAVA_TOOL_OPTIONS on the java runtimes. */
    static final String LAMBDA_DEFAULT_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    /** What one run measured. Times in milliseconds; {@code failure} is null when both invocations answered. */
    record Sample(double initMs, double firstInvokeMs, double totalMs, double secondInvokeMs, double peakRssMb,
                  double cpuMs, String firstAnswer, String failure) {
    }

    /** How to run: JAVA_TOOL_OPTIONS and any extra JVM flags (e.g. a CDS archive). */
    record Variant(String name, String javaToolOptions, List<String> extraJvmFlags, Map<String, String> environment) {
        Variant(String name, String javaToolOptions, List<String> extraJvmFlags) {
            this(name, javaToolOptions, extraJvmFlags, Map.of());
        }
    }

    private final Path runtimeJarsDir;
    private final Path logDir;

    ColdStart(Path runtimeJarsDir, Path logDir) {
        this.runtimeJarsDir = runtimeJarsDir;
        this.logDir = logDir;
    }

    /** Extracts a deployment artifact (jar or zip) into a fresh task root, as Lambda does into /var/task. */
    static Path extract(Path artifact, Path taskRoot) throws IOException {
        if (Files.exists(taskRoot)) {
            try (Stream<Path> walk = Files.walk(taskRoot)) {
                walk.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(taskRoot);
        try (ZipFile zip = new ZipFile(artifact.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = taskRoot.resolve(entry.getName()).normalize();
                if (!target.startsWith(taskRoot)) {
                    throw new IOException("Entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return taskRoot;
    }

    String runtimeClassPath() {
        try (Stream<Path> jars = Files.list(runtimeJarsDir)) {
            List<String> paths = jars.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).sorted().toList();
            if (paths.isEmpty()) {
                throw new IllegalStateException("No runtime interface client jars in " + runtimeJarsDir
                        + " (build infra/benchmarks first)");
            }
            return String.join(java.io.File.pathSeparator, paths);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts one runtime process for {@code handler} in {@code taskRoot}, serves it {@code event} twice and
     * measures. {@code environment} holds the function's own variables (VAGEN_*).
     */
    Sample run(String functionName, Path taskRoot, String handler, int memoryMb, byte[] event,
               Map<String, String> environment, Variant variant, String logName) throws IOException, InterruptedException {
        try (RuntimeApiEmulator api = new RuntimeApiEmulator(event, 2, functionName)) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(lambdaLauncherFlags(memoryMb));
            command.addAll(variant.extraJvmFlags());
            command.add("-classpath");
            command.add(runtimeClassPath());
            command.add("com.amazonaws.services.lambda.runtime.api.client.AWSLambda");
            command.add(handler);

            ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile());
            Map<String, String> env = builder.environment();
            String path = env.get("PATH");
            env.clear();
            env.put("PATH", path == null ? "/usr/local/bin:/usr/bin:/bin" : path);
            env.putAll(lambdaEnvironment(functionName, handler, memoryMb, taskRoot, api.address()));
            if (variant.javaToolOptions() != null && !variant.javaToolOptions().isBlank()) {
                env.put("JAVA_TOOL_OPTIONS", variant.javaToolOptions());
            }
            env.putAll(environment);
            env.putAll(variant.environment());
            Files.createDirectories(logDir);
            Path log = logDir.resolve(logName + ".log");
            builder.redirectErrorStream(true).redirectOutput(log.toFile());

            long started = System.nanoTime();
            Process process = builder.start();
            boolean finished = api.awaitFinished(90, TimeUnit.SECONDS);
            double peakRss = peakRssMb(process.pid());
            double cpu = cpuMs(process.pid());
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            List<RuntimeApiEmulator.Invocation> invocations = api.answered();
            String failure = api.failure();
            if (!finished && failure == null) {
                failure = "no answer within 90 s (see " + log + ")";
            }
            if (failure == null && invocations.size() < 2) {
                failure = "runtime exited after " + invocations.size() + " invocation(s) (see " + log + ")";
            }
            double init = api.firstNextAt() == 0 ? Double.NaN : (api.firstNextAt() - started) / 1e6;
            double first = invocations.isEmpty() ? Double.NaN : invocations.get(0).millis();
            double total = invocations.isEmpty() ? Double.NaN : (invocations.get(0).answeredAt() - started) / 1e6;
            double second = invocations.size() < 2 ? Double.NaN : invocations.get(1).millis();
            String answer = invocations.isEmpty() ? null : invocations.get(0).body();
            return new Sample(init, first, total, second, peakRss, cpu, answer, failure);
        }
    }

    /** The variables Lambda sets in every java sandbox (credentials are dummies: the endpoints are local). */
    static Map<String, String> lambdaEnvironment(String functionName, String handler, int memoryMb, Path taskRoot,
                                                 String runtimeApi) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("_HANDLER", handler);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("LAMBDA_RUNTIME_DIR", taskRoot.toString());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_REGION", "eu-north-1");
        env.put("AWS_DEFAULT_REGION", "eu-north-1");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "bench-" + functionName);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/bench-" + functionName);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/26/[$LATEST]0123456789abcdef");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_SESSION_TOKEN", "local");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        return env;
    }

    /**
     * CPU time (user + system, all threads) a live process has used, in ms; NaN if it cannot be read. Unlike wall
     * time it hardly grows when other processes compete for the processors.
     */
    static double cpuMs(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000.0 / 100; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** VmHWM (peak resident set) of a live process, in MB; NaN if it cannot be read. */
    static double peakRssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
