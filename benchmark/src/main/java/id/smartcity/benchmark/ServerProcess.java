package id.smartcity.benchmark;

import id.smartcity.app.mongo.EmbeddedMongoProperties;
import id.smartcity.app.mongo.EmbeddedMongoServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The embedded MongoDB server in a JVM of its own, so that the benchmark's heap figures are the ledger's alone: in
 * the default set-up the server keeps the whole database (memory backend) or its H2 caches in the ledger's heap.
 * The child is the benchmark's own jar started with {@code --serve}; it prints its connection string and stops when
 * its standard input closes, so it never outlives the benchmark.
 */
final class ServerProcess implements AutoCloseable {
    private static final String READY = "SERVING ";
    private final Process process;
    private final String uri;

    private ServerProcess(Process process, String uri) {
        this.process = process;
        this.uri = uri;
    }

    /** Starts {@code backend} (memory or h2) in a child JVM with {@code maxHeap} (for example {@code 16g}). */
    static ServerProcess start(String backend, Path dataDir, String maxHeap) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + maxHeap, "-Daxoniq.update-checker.disabled=true"));
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, BenchmarkSuite.class.getName()));
        }
        command.addAll(List.of("--serve", backend, "--data-dir", dataDir.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null) {
            if (line.startsWith(READY)) {
                Thread drain = new Thread(() -> output.lines().forEach(rest -> { }), "server-process-output");
                drain.setDaemon(true);
                drain.start();
                return new ServerProcess(process, line.substring(READY.length()).trim());
            }
            System.out.println("[server] " + line);
        }
        throw new IOException("the server process ended before it served: exit " + waitFor(process));
    }

    /** The child's side: serves until standard input closes. */
    static void serve(String backend, Path dataDir) throws IOException {
        // Without Spring Boot's logging set-up, logback would print every connection at DEBUG.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Files.createDirectories(dataDir);
        EmbeddedMongoProperties properties = new EmbeddedMongoProperties(
                EmbeddedMongoProperties.Backend.valueOf(backend.toUpperCase(Locale.ROOT)), dataDir, "127.0.0.1", 0,
                "smartcity", Duration.ofMinutes(30), Duration.ofSeconds(1), false, true, null);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(properties)) {
            System.out.println(READY + server.connectionString("smartcity"));
            System.out.flush();
            while (System.in.read() >= 0) {
                // the parent never writes; end of input means it is done or gone
            }
        }
    }

    String uri() {
        return uri;
    }

    /** The server's resident memory in MB, as the kernel counts it (-1 where /proc is not there). */
    long residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or already gone
        }
        return -1;
    }

    /** CPU time the server's process has used so far, user and system, in seconds (NaN where /proc is not there). */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            // The fields after the command name, which is in parentheses and may hold spaces: utime and stime are
            // the 12th and 13th of them, in clock ticks (100 a second on Linux).
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        if (waitFor(process) == Integer.MIN_VALUE) {
            process.destroyForcibly();
        }
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES) ? process.exitValue()
                    : Integer.MIN_VALUE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Integer.MIN_VALUE;
        }
    }
}
