package id.smartcity.app.deployment;

import id.smartcity.app.mongo.EmbeddedMongoProperties;
import id.smartcity.app.mongo.EmbeddedMongoServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MongoDB given by URI, as the compose file's ledger gets one: the embedded server (memory backend) in a JVM of
 * its own, as the benchmark's ServerProcess runs it. It prints its URI and stops when its standard input closes, so
 * it never outlives the test.
 */
final class MongoServerProcess implements AutoCloseable {
    private static final String READY = "SERVING ";
    private final Process process;
    private final String uri;

    private MongoServerProcess(Process process, String uri) {
        this.process = process;
        this.uri = uri;
    }

    static MongoServerProcess start() throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), MongoServerProcess.class.getName())
                .redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith(READY)) {
                Thread drain = new Thread(() -> output.lines().forEach(rest -> { }), "mongo-server-output");
                drain.setDaemon(true);
                drain.start();
                return new MongoServerProcess(process, line.substring(READY.length()).trim());
            }
        }
        throw new IOException("the MongoDB server process ended before it served");
    }

    /** The child's side: serves until standard input closes. */
    public static void main(String[] args) throws IOException {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        EmbeddedMongoProperties properties = new EmbeddedMongoProperties(EmbeddedMongoProperties.Backend.MEMORY,
                Path.of("unused"), "127.0.0.1", 0, "smartcity", Duration.ofMinutes(30), Duration.ofSeconds(1),
                false, true, null);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(properties)) {
            System.out.println(READY + server.connectionString("smartcity"));
            System.out.flush();
            while (System.in.read() >= 0) {
                // the parent never writes; end of input means it is done or gone
            }
        }
    }

    /** mongodb://host:port/smartcity */
    String uri() {
        return uri;
    }

    /** host:port */
    String hosts() {
        return List.of(uri.split("/")).get(2);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
