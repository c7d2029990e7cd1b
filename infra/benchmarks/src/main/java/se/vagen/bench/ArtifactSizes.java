package se.vagen.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Item 2: the size of every function's deployment artifact (template.yaml's CodeUri), against 20 MB. */
final class ArtifactSizes {

    static final double TARGET_MB = 20.0;

    private ArtifactSizes() {
    }

    static Table table(List<LambdaFunctions.FunctionSpec> functions, Path root) throws IOException {
        Table table = new Table("2. Artifact size (target < 20 MB)",
                "function", "artifact", "MB", "entries", "largest parts (compressed MB)", "target");
        for (LambdaFunctions.FunctionSpec function : functions) {
            add(table, function.name(), function.artifact(), root);
        }
        add(table, "baseline (no framework)",
                root.resolve("infra/benchmarks/baseline/target/vagen-benchmark-baseline.jar"), root);
        table.note("MB = 10^6 bytes of the jar as deployed (Lambda's 250 MB limit is on the unzipped size; "
                + "the jar size drives upload and the first read of the classes).");
        return table;
    }

    private static void add(Table table, String name, Path artifact, Path root) throws IOException {
        String relative = root.relativize(artifact).toString();
        if (!Files.exists(artifact)) {
            table.row(name, relative, "–", "–", "not built", "–");
            return;
        }
        double mb = Files.size(artifact) / 1e6;
        Map<String, Long> byPart = new HashMap<>();
        int entries = 0;
        try (ZipFile zip = new ZipFile(artifact.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                entries++;
                if (!entry.isDirectory()) {
                    byPart.merge(part(entry.getName()), Math.max(0, entry.getCompressedSize()), Long::sum);
                }
            }
        }
        String largest = byPart.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(4)
                .map(e -> e.getKey() + " " + Stats.fixed(e.getValue() / 1e6, 1))
                .collect(Collectors.joining(", "));
        table.row(name, relative, Stats.fixed(mb, 1), entries, largest, mb < TARGET_MB ? "met" : "MISSED");
    }

    /** A readable group for an entry: the first three package levels (five under software/amazon/awssdk). */
    static String part(String name) {
        String[] parts = name.split("/");
        if (parts.length <= 1) {
            return "(root)";
        }
        int depth = name.startsWith("software/amazon/awssdk/") ? 5 : 3;
        int take = Math.min(depth, parts.length - 1);
        return String.join(".", java.util.Arrays.copyOf(parts, take));
    }
}
