package se.vagen.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import se.vagen.local.LocalStack;

/**
 * The benchmark command (docs/performance.md):
 * <pre>./mvnw -B -q -pl infra/benchmarks -am verify -Pbenchmark -DskipTests [-Dbench.items=1,2] [-Dbench.reps=5]</pre>
 * Items: 1 cold start per function against the no-framework baseline, 2 artifact sizes, 3 warm latency of the
 * form POST and the inbound SMS, 4 the forum list at scale (the forum helper's figures, included), 5 the
 * reminder run over 10,000 due aspirants, 6 whether unknown, expired and used links answer alike. Prints each
 * table and writes benchmarks/RESULTS.md.
 */
public final class Benchmarks {

    private final Path root;
    private final Set<Integer> items;
    private final int reps;
    private final int requests;
    private final int aspirants;
    private final String variants;
    private final boolean runForum;
    private final List<Table> tables = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();

    private Benchmarks(Path root, Set<Integer> items, int reps, int requests, int aspirants, String variants,
                       boolean runForum) {
        this.runForum = runForum;
        this.root = root;
        this.items = items;
        this.reps = reps;
        this.requests = requests;
        this.aspirants = aspirants;
        this.variants = variants;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        Set<Integer> items = Arrays.stream(options.getOrDefault("items", "1,2,3,4,5,6").split("[,\\s]+"))
                .filter(s -> !s.isBlank()).map(Integer::parseInt).collect(Collectors.toCollection(LinkedHashSet::new));
        Benchmarks benchmarks = new Benchmarks(root, items,
                Integer.parseInt(options.getOrDefault("reps", "5")),
                Integer.parseInt(options.getOrDefault("requests", "2000")),
                Integer.parseInt(options.getOrDefault("aspirants", "10000")),
                options.getOrDefault("variants", "default"),
                "run".equals(options.getOrDefault("forum", "include")));
        benchmarks.run();
    }

    private void run() throws Exception {
        LocalStack.quietLogging();
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty(
                "org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        Machine machine = Machine.describe();
        System.out.println("Vägen benchmarks: items " + items + " on " + machine.summary());
        if (items.contains(2)) {
            add(ArtifactSizes.table(LambdaFunctions.read(root), root));
        }
        boolean needStack = items.contains(1) || items.contains(3) || items.contains(5) || items.contains(6);
        if (needStack) {
            try (LocalStack stack = LocalStack.start(LocalStack.Options.defaults().withPort(freePort()).withDemo(false))) {
                System.out.println("Local stack up in " + stack.startupTime().toMillis() + " ms at " + stack.baseUri());
                if (items.contains(1)) {
                    item("1. Cold start", () -> new ColdStartRuns(root, stack, reps, variants).run().forEach(this::add));
                }
                ScaleRuns scale = new ScaleRuns(stack, aspirants, requests);
                if (items.contains(5)) {
                    item("5. Reminder run", () -> add(scale.reminderRun()));
                }
                if (items.contains(3)) {
                    item("3. Warm latency", () -> add(scale.warmLatency()));
                }
                if (items.contains(6)) {
                    item("6. Link timing", () -> add(new LinkTiming(stack, requests / 2).run()));
                }
            }
        }
        if (items.contains(4)) {
            includeForumList();
        }
        writeResults(machine);
    }

    private interface Item {
        void run() throws Exception;
    }

    /** Runs one item; a failure is reported in its table and the other items still run. */
    private void item(String title, Item item) {
        try {
            item.run();
        } catch (Exception e) {
            // Reported in the item's own table (and so in RESULTS.md) with its causes; the other items still run.
            StringBuilder causes = new StringBuilder(e.toString());
            for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
                causes.append(" <- ").append(c);
            }
            add(new Table(title).note("Failed: " + causes));
        }
    }

    private void add(Table table) {
        tables.add(table);
        System.out.print(table.console());
        System.out.flush();
    }

    private void includeForumList() throws IOException, InterruptedException {
        Path forum = root.resolve("benchmarks/forum-list.md");
        if (runForum) {
            // The forum benchmark (a test class of infra/local, opt-in with -Dbenchmark=true) writes the file; -am so it
            // runs on this tree's modules, not on older snapshots in the local Maven repository.
            List<String> command = List.of(root.resolve("mvnw").toString(), "-B", "-q", "-o", "-pl", "infra/local", "-am",
                    "verify", "-Dtest=ForumListBenchmark", "-Dsurefire.failIfNoSpecifiedTests=false", "-Dbenchmark=true");
            System.out.println("Running the forum-list benchmark: " + String.join(" ", command));
            int exit = new ProcessBuilder(command).directory(root.toFile()).inheritIO().start().waitFor();
            if (exit != 0) {
                System.out.println("The forum-list benchmark exited with " + exit);
            }
        }
        if (Files.exists(forum)) {
            String text = Files.readString(forum, StandardCharsets.UTF_8)
                    + "\n(Included from benchmarks/forum-list.md, last written "
                    + Files.getLastModifiedTime(forum).toInstant() + "; run it again with -Dbench.forum=run.)\n";
            sections.add(text.replaceFirst("^# ", "## "));
            System.out.println("\n== Forum list at scale ==\n(from benchmarks/forum-list.md)\n" + text);
        } else {
            Table table = new Table("4. Forum list at scale").note(
                    "benchmarks/forum-list.md (written by the forum-list benchmark) does not exist yet.");
            add(table);
        }
    }

    private void writeResults(Machine machine) throws IOException {
        StringBuilder out = new StringBuilder("# Vägen benchmark results\n\n");
        out.append("Written by `./mvnw -B -q -pl infra/benchmarks -am verify -Pbenchmark -DskipTests` ")
                .append("(see docs/performance.md for what each item measures and what was tried).\n\n");
        out.append("- Date: ").append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append('\n');
        out.append(machine.markdown());
        out.append("- Items run: ").append(items).append(", cold-start repetitions: ").append(reps).append("\n\n");
        tables.forEach(table -> out.append(table.markdown()));
        sections.forEach(section -> out.append(section).append("\n"));
        Path results = root.resolve("benchmarks/RESULTS.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, out.toString(), StandardCharsets.UTF_8);
        System.out.println("\nWrote " + results);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
