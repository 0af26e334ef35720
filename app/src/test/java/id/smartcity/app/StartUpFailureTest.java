package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger started as its own process on what stops it: each failure is answered with exit code 1 (the command line:
 * 2) and one line at ERROR naming the cause and what to do, with no stack trace.
 */
class StartUpFailureTest {
    @TempDir
    Path folder;

    @Test
    void aDataFolderInUseByAnotherLedger() throws Exception {
        Path data = Files.createDirectories(folder.resolve("data"));
        MVStore held = new MVStore.Builder().fileName(data.resolve("ledger.mv").toString()).open();
        try {
            Run server = run(Map.of(), "--ledger.mongo.embedded.data-dir=" + data);
            server.assertRefused(1, "The data folder " + data + " is in use by another ledger process (The file is"
                    + " locked: " + data.resolve("ledger.mv"), "Stop the ledger that uses it",
                    "give this one another folder with LEDGER_DATA_DIR.");

            Run commandLine = run(Map.of(), "verify", "--data-dir", data.toString());
            commandLine.assertRefused(2, "The data folder " + data + " is in use by another ledger process",
                    "Stop the ledger that uses it");
        } finally {
            held.close();
        }
    }

    @Test
    void aPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
            run(Map.of(), "--server.port=" + taken.getLocalPort(), "--ledger.mongo.embedded.backend=MEMORY")
                    .assertRefused(1, "Port " + taken.getLocalPort() + " is in use by another process. Stop that"
                            + " process, or give the ledger another port with PORT.");
        }
    }

    /** A hostile tester's finding: 322 lines of stack trace, and a JVM that never exited. */
    @Test
    void theEmbeddedMongoDbsPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            run(Map.of("LEDGER_MONGO_PORT", Integer.toString(taken.getLocalPort()), "LEDGER_DATA_DIR",
                    folder.resolve("data").toString()), "--server.port=" + freePort())
                    .assertRefused(1, "The embedded MongoDB's port " + taken.getLocalPort() + " on 127.0.0.1 is in"
                            + " use by another process.", "LEDGER_MONGO_PORT");
        }
    }

    @Test
    void anEmbeddedMongoDbHostOtherThanLoopback() throws Exception {
        run(Map.of("LEDGER_MONGO_EMBEDDED_HOST", "0.0.0.0", "LEDGER_DATA_DIR", folder.resolve("data").toString()),
                "--server.port=" + freePort())
                .assertRefused(1, "ledger.mongo.embedded.host=0.0.0.0 is not a loopback address", "MONGODB_URI");
    }

    @Test
    void aDataFolderTheLedgerCannotWrite() throws Exception {
        // A folder below a regular file cannot be made, even by root (whom permission bits do not stop).
        Path file = Files.writeString(folder.resolve("a-file"), "not a folder");
        Path data = file.resolve("data");
        run(Map.of("LEDGER_DATA_DIR", data.toString()))
                .assertRefused(1, "The data folder " + data + " is not writable (", "Let the user running the ledger"
                        + " write there, or set LEDGER_DATA_DIR to a folder it may write.");
    }

    @Test
    void aMongoDbThatDoesNotAnswerWithinTheStartUpWait() throws Exception {
        int closed = freePort();
        long start = System.nanoTime();
        Run run = run(Map.of("MONGODB_URI", "mongodb://127.0.0.1:" + closed + "/smartcity",
                "LEDGER_MONGO_START_UP_WAIT", "3s", "LEDGER_DATA_DIR", folder.toString()),
                "--server.port=" + freePort());
        run.assertRefused(1, "MongoDB did not answer as a writable server within 3 s: 127.0.0.1:" + closed
                + " UNKNOWN (", "Connection refused", "Start MongoDB", "correct MONGODB_URI");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).as("seconds to refuse")
                .isLessThan(60);
    }

    @Test
    void aPasswordHashThatIsNotBcrypt() throws Exception {
        run(Map.of("LEDGER_OPERATOR_PASSWORD_HASH", "operator-password-in-plain-text"),
                "--ledger.mongo.embedded.backend=MEMORY", "--server.port=" + freePort())
                .assertRefused(1, "LEDGER_OPERATOR_PASSWORD_HASH is not a bcrypt hash", "operator could never sign in",
                        "hash-password");
    }

    record Run(int exitCode, List<String> lines) {
        void assertRefused(int expectedExitCode, String... fragments) {
            String output = String.join("\n", lines);
            List<String> errors = lines.stream().filter(line -> line.contains(" ERROR ")).toList();
            assertThat(exitCode).as("exit code; output:\n%s", output).isEqualTo(expectedExitCode);
            assertThat(errors).as("lines at ERROR; output:\n%s", output).hasSize(1);
            assertThat(errors.get(0)).contains("The ledger did not start: ").contains(fragments);
            System.out.println("refused with exit " + exitCode + ": " + errors.get(0).replaceFirst(".* ERROR ", ""));
            assertThat(lines).as("no stack trace; output:\n%s", output)
                    .noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by:"))
                    .noneMatch(line -> line.contains("APPLICATION FAILED TO START"));
        }
    }

    private Run run(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(folder, "ledger", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("LEDGER_") || name.equals("MONGODB_URI")
                || name.equals("PORT"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the ledger neither started nor stopped: " + Files.readString(output));
        }
        return new Run(process.exitValue(), Files.readAllLines(output));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
