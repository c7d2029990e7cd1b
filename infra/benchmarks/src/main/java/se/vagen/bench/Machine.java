package se.vagen.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The machine the figures come from: processors, memory, CPU model, JDK, commit. */
record Machine(int processors, long memoryMb, String cpu, String javaVersion, String commit, String loadAtStart) {

    static Machine describe() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readMemoryMb(), readCpu(), readJavaVersion(), readCommit(),
                loadAverage());
    }

    String summary() {
        return processors + " CPUs, " + memoryMb + " MB, " + javaVersion.lines().findFirst().orElse("?");
    }

    String markdown() {
        return "- Machine: " + processors + " processors (`nproc`), " + memoryMb + " MB memory, " + cpu + "\n"
                + "- Commit: " + commit + "\n"
                + "- Load average (1, 5, 15 min) at start: " + loadAtStart + "; at end: " + loadAverage()
                + " (other builds on this machine share its processors; the figures are only as quiet as it was)\n"
                + "- `java -version`:\n\n```\n" + javaVersion.strip() + "\n```\n";
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }

    private static long readMemoryMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static String readCpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            return "unknown CPU";
        }
        return "unknown CPU";
    }

    private static String readJavaVersion() {
        return run(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version");
    }

    private static String readCommit() {
        String commit = run("git", "rev-parse", "--short", "HEAD").strip();
        return commit.isEmpty() ? "unknown" : commit;
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(20, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
