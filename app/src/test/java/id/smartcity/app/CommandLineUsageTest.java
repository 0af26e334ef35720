package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.smartcity.app.cli.LedgerCli;
import id.smartcity.app.startup.LedgerVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import picocli.CommandLine.Command;

/** The command line's own answers: --version and --help without a server, help for every command, hash-password. */
class CommandLineUsageTest {
    private static final List<String> COMMANDS = Arrays.stream(LedgerCli.class.getAnnotation(Command.class)
            .subcommands()).map(type -> type.getAnnotation(Command.class).name()).toList();

    @Test
    void versionPrintsTheBuildsVersionAndCommitOnStandardOutputAndStartsNothing() throws Exception {
        Result result = run(null, "--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().strip()).isEqualTo("smartcity-ledger " + LedgerVersion.current());
        assertThat(LedgerVersion.current().version()).as("build-info.properties of this build")
                .matches("\\d+\\.\\d+.*");
        assertThat(result.stderr()).doesNotContain("Tomcat", "MongoDB");
    }

    @Test
    void helpGoesToStandardOutputAndListsEveryCommand() throws Exception {
        Result result = run(null, "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(COMMANDS).contains("check-proof", "hash-password", "help");
        for (String command : COMMANDS) {
            assertThat(result.stdout()).as("help names %s", command).containsPattern("(?m)^  " + command + "\\b");
        }
    }

    /** A hostile tester's finding: 27-33 lines of stack trace, exit 1 like INVALID, for input that cannot be read. */
    @Test
    void inputThatCannotBeReadIsOneLineAndExitTwoNotAStackTrace(@org.junit.jupiter.api.io.TempDir Path work)
            throws Exception {
        Path digestWithoutSize = java.nio.file.Files.writeString(work.resolve("digest.json"), "{\"root\": \"ab\"}");
        Path proof = java.nio.file.Files.writeString(work.resolve("proof.json"), "{\"from\": 1, \"to\": 1,"
                + " \"fromRoot\": \"" + "a".repeat(64) + "\", \"toRoot\": \"" + "a".repeat(64) + "\", \"path\": []}");
        for (String[] arguments : List.of(new String[] {"check-proof", work.resolve("missing.json").toString()},
                new String[] {"check-proof", work.toString()},
                new String[] {"check-proof", proof.toString(), "--digest", digestWithoutSize.toString()})) {
            Result result = run(null, arguments);
            assertThat(result.exitCode()).as(String.join(" ", arguments)).isEqualTo(2);
            assertThat(result.stderr()).as(String.join(" ", arguments)).contains("Could not read the input: ")
                    .doesNotContain("\tat ").doesNotContain("Exception in thread");
        }
        Result valid = run(null, "check-proof", proof.toString());
        assertThat(valid.exitCode()).as("the same proof without the unreadable digest: %s", valid.stdout()).isZero();
    }

    @Test
    void everyCommandHasItsOwnHelp() {
        for (String command : COMMANDS.stream().filter(name -> !name.equals("help")).toList()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exitCode = LedgerCli.execute(new String[] {command, "--help"},
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(exitCode).as(command).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as(command)
                    .startsWith("Usage: smartcity-ledger " + command);
        }
    }

    @Test
    void hashPasswordPrintsABcryptHashOfThePasswordOnStandardInputForTheUsersSetting() throws Exception {
        Result named = run("a password for the operator\n", "hash-password", "operator");
        assertThat(named.exitCode()).isZero();
        assertThat(named.stdout().strip()).matches("LEDGER_OPERATOR_PASSWORD_HASH='\\$2a\\$10\\$[./A-Za-z0-9]{53}'");
        String hash = named.stdout().strip().replaceAll("^[^']*'|'$", "");
        assertThat(new BCryptPasswordEncoder().matches("a password for the operator", hash)).isTrue();
        assertThat(new BCryptPasswordEncoder().matches("another password", hash)).isFalse();

        Result bare = run("a password for the operator\n", "hash-password");
        assertThat(bare.stdout().strip()).matches("\\$2a\\$10\\$[./A-Za-z0-9]{53}").isNotEqualTo(hash);

        Result empty = run("", "hash-password");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.stdout()).isEmpty();
        assertThat(empty.stderr()).contains("No password given");
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result run(String stdin, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).start();
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("still running: " + String.join(" ", arguments));
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8), new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
