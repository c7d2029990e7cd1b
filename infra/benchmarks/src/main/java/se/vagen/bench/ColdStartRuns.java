package se.vagen.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import se.vagen.local.LocalStack;

/**
 * Item 1: every function and the no-framework baseline started cold, {@code reps} times per variant, in turn
 * (function by function inside each repetition, so slow drifts of the machine hit all alike). Medians.
 */
final class ColdStartRuns {

    static final double TARGET_RATIO = 1.3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final LocalStack stack;
    private final int reps;
    private final List<ColdStart.Variant> variants = new ArrayList<>();
    private final ColdStart coldStart;
    private final Path work;
    private final List<String> skipped = new ArrayList<>();

    ColdStartRuns(Path root, LocalStack stack, int reps, String variantNames) {
        this.root = root;
        this.stack = stack;
        this.reps = Math.max(1, reps);
        this.work = root.resolve("infra/benchmarks/target/cold-start");
        this.coldStart = new ColdStart(root.resolve("infra/benchmarks/target/lambda-runtime"), work.resolve("logs"));
        variants.add(new ColdStart.Variant("Lambda default (C1 only)", ColdStart.LAMBDA_DEFAULT_TOOL_OPTIONS, List.of()));
        variants.add(new ColdStart.Variant("no JAVA_TOOL_OPTIONS", null, List.of()));
        // SnapStart's hooks as the runtime interface client runs them for AWS_LAMBDA_INITIALIZATION_TYPE=snap-start:
        // init, beforeCheckpoint hooks (priming), /restore/next, afterRestore, then the first event. No snapshot is
        // taken here, so "init" includes the priming (done at publish time in AWS) and the first invoke is what a
        // restored sandbox pays after priming, minus the restore itself (see docs/performance.md).
        variants.add(new ColdStart.Variant("SnapStart hooks (C1)", ColdStart.LAMBDA_DEFAULT_TOOL_OPTIONS
                + " -Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac", List.of(),
                Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start")));
        if (variantNames.contains("cds")) {
            variants.add(new ColdStart.Variant("C1 + AppCDS archive", ColdStart.LAMBDA_DEFAULT_TOOL_OPTIONS,
                    List.of("-XX:SharedArchiveFile=" + "app-cds.jsa", "-Xshare:auto")));
        }
    }

    private record Target(String name, Path artifact, String handler, int memoryMb, byte[] event, Path taskRoot) {
    }

    List<Table> run() throws IOException, InterruptedException {
        List<Target> targets = new ArrayList<>();
        String aspirantId = UUID.randomUUID().toString();
        Path baselineJar = root.resolve("infra/benchmarks/baseline/target/vagen-benchmark-baseline.jar");
        int memory = 1024;
        for (LambdaFunctions.FunctionSpec function : LambdaFunctions.read(root)) {
            memory = function.memoryMb();
            if (!Files.exists(function.artifact())) {
                System.out.println("(cold start) skipping " + function.name() + ": " + function.artifact() + " not built");
                continue;
            }
            targets.add(new Target(function.name(), function.artifact(), function.handler(), function.memoryMb(),
                    Events.forFunction(function.name(), aspirantId), work.resolve("task/" + function.name())));
        }
        targets.add(0, new Target("baseline", baselineJar, "se.vagen.bench.baseline.BaselineFunction", 1024,
                Events.baseline(), work.resolve("task/baseline")));
        for (Target target : List.copyOf(targets)) {
            ColdStart.extract(target.artifact(), target.taskRoot());
            String handlerClass = target.handler().split("::")[0];
            if (!Files.exists(target.taskRoot().resolve(handlerClass.replace('.', '/') + ".class"))) {
                System.out.println("(cold start) skipping " + target.name() + ": " + handlerClass + " is not in "
                        + target.artifact().getFileName() + " yet");
                skipped.add(target.name());
                targets.remove(target);
            }
        }
        if (variants.stream().anyMatch(v -> v.name().contains("CDS"))) {
            for (Target target : targets) {
                trainCds(target);
            }
        }
        Map<String, String> env = functionEnvironment();

        // One untimed start per target: the first read of a freshly extracted task root is not what we measure.
        for (Target target : targets) {
            coldStart.run(target.name(), target.taskRoot(), target.handler(), target.memoryMb(), target.event(), env,
                    variants.get(0), target.name() + "-warmup");
        }
        Map<String, Map<String, List<ColdStart.Sample>>> samples = new LinkedHashMap<>();
        for (int rep = 0; rep < reps; rep++) {
            for (ColdStart.Variant variant : variants) {
                for (Target target : targets) {
                    ColdStart.Sample sample = coldStart.run(target.name(), target.taskRoot(), target.handler(),
                            target.memoryMb(), target.event(), env, variant,
                            target.name() + "-" + variants.indexOf(variant) + "-" + rep);
                    samples.computeIfAbsent(variant.name(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(target.name(), k -> new ArrayList<>()).add(sample);
                    System.out.printf(Locale.ROOT, "  cold start %-18s %-26s rep %d: total %s ms%s%n", target.name(),
                            variant.name(), rep + 1, Stats.ms(sample.totalMs()),
                            sample.failure() == null ? "" : "  FAILED: " + abbreviate(sample.failure()));
                }
            }
        }
        return List.of(table(samples, targets));
    }

    private Table table(Map<String, Map<String, List<ColdStart.Sample>>> samples, List<Target> targets) {
        Table table = new Table("1. Cold start (median of " + reps + " runs)",
                "function", "JAVA_TOOL_OPTIONS", "init ms", "1st invoke ms", "total ms", "2nd invoke ms",
                "peak RSS MB", "× baseline", "≤ 1.3×", "CPU ms", "CPU × baseline", "answer");
        for (ColdStart.Variant variant : variants) {
            Map<String, List<ColdStart.Sample>> byTarget = samples.get(variant.name());
            double baseline = median(byTarget.get("baseline"), ColdStart.Sample::totalMs);
            double baselineCpu = median(byTarget.get("baseline"), ColdStart.Sample::cpuMs);
            for (Target target : targets) {
                List<ColdStart.Sample> runs = byTarget.get(target.name());
                List<ColdStart.Sample> ok = runs.stream().filter(s -> s.failure() == null).toList();
                double total = median(ok, ColdStart.Sample::totalMs);
                double ratio = total / baseline;
                String verdict = target.name().equals("baseline") ? "" : Double.isNaN(ratio) ? "–"
                        : ratio <= TARGET_RATIO ? "met" : "MISSED";
                table.row(target.name(), variant.name(),
                        Stats.ms(median(ok, ColdStart.Sample::initMs)),
                        Stats.ms(median(ok, ColdStart.Sample::firstInvokeMs)),
                        Stats.ms(total),
                        Stats.ms(median(ok, ColdStart.Sample::secondInvokeMs)),
                        Stats.fixed(median(ok, ColdStart.Sample::peakRssMb), 0),
                        target.name().equals("baseline") ? "1.00" : Stats.fixed(ratio, 2),
                        verdict,
                        Stats.ms(median(ok, ColdStart.Sample::cpuMs)),
                        Stats.fixed(median(ok, ColdStart.Sample::cpuMs) / baselineCpu, 2),
                        answer(runs));
            }
        }
        if (!skipped.isEmpty()) {
            table.note("Not measured (handler not in the artifact yet): " + String.join(", ", skipped) + ".");
        }
        table.note("Each run: a fresh JVM with Lambda's launcher flags for the function's MemorySize, the AWS Lambda "
                + "Runtime Interface Client " + "2.10.1 loading the handler string from template.yaml out of the "
                + "extracted CodeUri artifact (the working directory, as /var/task), against a Runtime API emulator "
                + "and the in-process local stack (DynamoDB Local, S3Mock, outbox).");
        table.note("init = process start → first /next (JVM start, handler class and constructor: Micronaut's "
                + "context); 1st invoke = event handed out → answer; total = process start → first answer; "
                + "2nd invoke = the same event again right after (≈ what a SnapStart-restored sandbox pays after "
                + "priming); peak RSS = VmHWM of the JVM; CPU ms = user + system time of the JVM from start to the "
                + "second answer (all threads: JIT and GC included), which other load on the machine hardly changes.");
        table.note("Baseline: a plain RequestHandler with only the SDK's DynamoDB client (url-connection) doing "
                + "the forms function's GetItem; its artifact is " + "infra/benchmarks/baseline.");
        return table;
    }

    private static String answer(List<ColdStart.Sample> runs) {
        long failures = runs.stream().filter(s -> s.failure() != null).count();
        if (failures == runs.size()) {
            return "failed: " + abbreviate(runs.get(0).failure());
        }
        String first = runs.stream().filter(s -> s.failure() == null).findFirst().map(ColdStart.Sample::firstAnswer)
                .orElse(null);
        String status = "ok";
        try {
            JsonNode node = first == null ? null : JSON.readTree(first);
            if (node != null && node.has("statusCode")) {
                status = "HTTP " + node.get("statusCode").asText();
            }
        } catch (IOException e) {
            status = "ok (non-JSON answer)";
        }
        return failures == 0 ? status : status + ", " + failures + " failed";
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
    }

    private static double median(List<ColdStart.Sample> samples, java.util.function.ToDoubleFunction<ColdStart.Sample> f) {
        if (samples == null || samples.isEmpty()) {
            return Double.NaN;
        }
        return Stats.median(samples.stream().map(s -> f.applyAsDouble(s)).filter(d -> !Double.isNaN(d)).toList());
    }

    /** The VAGEN_* variables a function gets in AWS, pointing at the local stack instead. */
    private Map<String, String> functionEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        stack.tables().properties().forEach((property, value) -> env.put(envName(property), String.valueOf(value)));
        env.put("VAGEN_AWS_REGION", LocalStack.REGION);
        env.put("VAGEN_AWS_DYNAMODB_ENDPOINT", stack.dynamoDbEndpoint().toString());
        env.put("VAGEN_AWS_S3_ENDPOINT", stack.s3Endpoint().toString());
        env.put("VAGEN_AWS_SES_ENDPOINT", stack.outbox().endpoint().toString());
        env.put("VAGEN_AWS_SNS_ENDPOINT", stack.outbox().endpoint().toString());
        env.put("VAGEN_PUBLIC_BASE_URL", stack.baseUri().toString());
        env.put("VAGEN_EMAIL_FROM", LocalStack.EMAIL_FROM);
        env.put("VAGEN_SMS_ORIGINATION_IDENTITY", LocalStack.SMS_ORIGINATION_IDENTITY);
        env.put("VAGEN_BUCKETS_LISTS", LocalStack.LISTS_BUCKET);
        env.put("VAGEN_BUCKETS_INBOUND_MAIL", LocalStack.INBOUND_MAIL_BUCKET);
        env.put("VAGEN_RETENTION_DAYS", "400");
        return env;
    }

    static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** AppCDS experiment: one training run per target that dumps a dynamic archive into its task root. */
    private void trainCds(Target target) throws IOException, InterruptedException {
        Path archive = target.taskRoot().resolve("app-cds.jsa");
        Files.deleteIfExists(archive);
        coldStart.run(target.name(), target.taskRoot(), target.handler(), target.memoryMb(), target.event(),
                functionEnvironment(), new ColdStart.Variant("cds-training", ColdStart.LAMBDA_DEFAULT_TOOL_OPTIONS,
                        List.of("-XX:ArchiveClassesAtExit=" + archive)), target.name() + "-cds-training");
        if (!Files.exists(archive)) {
            System.out.println("(cold start) no CDS archive was written for " + target.name());
        }
    }
}
