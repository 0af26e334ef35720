package id.smartcity.app.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import id.smartcity.app.deployment.Dockerfile.Copy;
import id.smartcity.app.deployment.Dockerfile.Instruction;
import id.smartcity.app.deployment.Dockerfile.Stage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * What {@code docker compose up --build} would run, without a Docker engine: the jar and the command the Dockerfile
 * names (read from it, so that they cannot drift), with the compose file's environment for the ledger, against a
 * MongoDB given by URI in another process, until the Dockerfile's own healthcheck says healthy. Where a Docker engine
 * runs, the compose stack itself is built and started. Runs after {@code package}, on the jar the image would hold.
 */
class ContainerImageIT {
    private static final Path REPOSITORY = repository();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");

    @TempDir
    Path volume;

    @Test
    void theBuildUsesTheWrapperWithTheDependenciesInALayerOfTheirOwn() throws IOException {
        Dockerfile dockerfile = Dockerfile.read(REPOSITORY.resolve("Dockerfile"));
        Stage build = dockerfile.stage(imageCopy(dockerfile).from());
        List<Instruction> instructions = build.instructions();
        List<Instruction> builds = build.all("RUN").stream()
                .filter(run -> run.arguments().matches(".*\\bmvnw?\\b.*")).toList();
        assertThat(builds).as("Maven runs in the build stage").isNotEmpty()
                .allSatisfy(run -> assertThat(run.arguments()).as("with the wrapper").contains("./mvnw"));
        int sources = instructions.indexOf(instructions.stream()
                .filter(copy -> copy.keyword().equals("COPY") && Copy.of(copy).sources().contains("."))
                .findFirst().orElseThrow(() -> new AssertionError("no COPY . . of the sources")));
        int dependencies = instructions.indexOf(builds.get(0));
        assertThat(dependencies).as("the dependencies are fetched before the sources are copied").isLessThan(sources);
        assertThat(instructions.subList(0, dependencies)).filteredOn(copy -> copy.keyword().equals("COPY"))
                .flatMap(copy -> Copy.of(copy).sources())
                .as("only the wrapper and the poms come before the dependencies' layer")
                .allMatch(source -> source.equals("mvnw") || source.equals(".mvn") || source.endsWith("pom.xml"));
        // A module whose pom is missing there fails the dependencies' build ("Child module ... does not exist").
        List<String> modules = Pattern.compile("<module>([^<]+)</module>")
                .matcher(Files.readString(REPOSITORY.resolve("pom.xml"))).results().map(match -> match.group(1))
                .toList();
        assertThat(instructions.subList(0, dependencies)).filteredOn(copy -> copy.keyword().equals("COPY"))
                .flatMap(copy -> Copy.of(copy).sources())
                .as("every module's pom comes before the dependencies' layer")
                .containsAll(modules.stream().map(module -> module + "/pom.xml").toList());
    }

    @Test
    void theImageRunsAsAnUnprivilegedUserAndHasAHealthcheck() throws IOException {
        Stage image = Dockerfile.read(REPOSITORY.resolve("Dockerfile")).image();
        assertThat(image.last("USER")).as("USER").get().extracting(Instruction::arguments)
                .isNotIn("root", "0", "0:0", "root:root");
        assertThat(image.last("HEALTHCHECK")).as("HEALTHCHECK").get().extracting(Instruction::arguments)
                .asString().contains("CMD");
    }

    @Test
    void composeWaitsForAPrimaryAndRestartsTheLedgerOnFailure() throws IOException {
        Map<String, Object> services = compose("services");
        Map<String, Object> mongo = map(services.get("mongo"));
        Map<String, Object> ledger = map(services.get("ledger"));
        assertThat(String.valueOf(map(mongo.get("healthcheck")).get("test")))
                .as("MongoDB is healthy only when its member is the writable primary").contains("isWritablePrimary");
        assertThat(ledger.get("restart")).as("the ledger's restart policy").isIn("on-failure", "unless-stopped",
                "always");
        assertThat(map(map(ledger.get("depends_on")).get("mongo")).get("condition")).isEqualTo("service_healthy");
    }

    @Test
    void theImagesJarAndCommandServeWithComposesEnvironmentUntilHealthy() throws Exception {
        Dockerfile dockerfile = Dockerfile.read(REPOSITORY.resolve("Dockerfile"));
        Stage image = dockerfile.image();
        Copy jar = imageCopy(dockerfile);
        String buildFolder = dockerfile.stage(jar.from()).workdir();
        assertThat(jar.sources()).hasSize(1);
        Path built = REPOSITORY.resolve(Path.of(buildFolder).relativize(Path.of(jar.sources().get(0))));
        assertThat(built).as("the jar the Dockerfile copies (built by package)").isRegularFile();

        List<String> command = new ArrayList<>();
        for (String argument : image.last("ENTRYPOINT").orElseThrow().command()) {
            command.add(argument.equals(jar.destination()) ? built.toString()
                    : argument.equals("java") ? Path.of(System.getProperty("java.home"), "bin", "java").toString()
                    : argument);
        }
        image.last("CMD").ifPresent(cmd -> command.addAll(cmd.command()));

        int port = freePort();
        Path log = Path.of("target", "container-image-check.log");
        try (MongoServerProcess mongo = MongoServerProcess.start()) {
            Map<String, String> environment = containerEnvironment(image, mongo, port);
            ProcessBuilder ledger = new ProcessBuilder(command).directory(volume.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            ledger.environment().clear();
            ledger.environment().putAll(environment);
            Process process = ledger.start();
            try {
                // Without a HEALTHCHECK (another test fails on that) the command still has to serve: Docker's defaults.
                Healthcheck healthcheck = image.last("HEALTHCHECK").map(Healthcheck::of).orElse(new Healthcheck(
                        Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(2), 3, List.of("curl",
                        "-fs", "http://127.0.0.1:" + port + "/actuator/health")));
                awaitHealthy(healthcheck, environment, process, log);
                assertKnowsItsVersion(port, Path.of(environment.get("LEDGER_DATA_DIR")));
            } finally {
                process.destroy();
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
            }
        }
    }

    @Test
    void theComposeStackStartsAndTurnsHealthyWhereADockerEngineRuns() throws Exception {
        assumeThat(run(Duration.ofSeconds(20), "docker", "info") == 0).as("a Docker engine runs here").isTrue();
        List<String> compose = run(Duration.ofSeconds(20), "docker", "compose", "version") == 0
                ? List.of("docker", "compose") : List.of("docker-compose");
        String project = "smartcity-ledger-check-" + ProcessHandle.current().pid();
        List<String> base = new ArrayList<>(compose);
        base.addAll(List.of("-f", REPOSITORY.resolve("docker-compose.yml").toString(), "-p", project));
        try {
            List<String> up = new ArrayList<>(base);
            up.addAll(List.of("up", "--build", "--detach", "--wait", "--wait-timeout", "600"));
            assertThat(run(Duration.ofMinutes(20), up.toArray(String[]::new)))
                    .as("docker compose up --build --wait: the ledger turns healthy").isZero();
        } finally {
            List<String> down = new ArrayList<>(base);
            down.addAll(List.of("down", "--volumes"));
            run(Duration.ofMinutes(2), down.toArray(String[]::new));
        }
    }

    /**
     * The compose file's environment for the ledger as the container gets it: the Dockerfile's ENV, then compose's
     * (its ${VAR:-default} as an unset variable gives them). Three things only the container has are mapped: the
     * MongoDB host (the compose network's {@code mongo}, a replica set) becomes the server in the other process, the
     * volume's folder a temporary one, and the published port a free one.
     */
    private Map<String, String> containerEnvironment(Stage image, MongoServerProcess mongo, int port)
            throws IOException {
        Map<String, Object> ledger = map(map(compose("services")).get("ledger"));
        List<String> volumes = ((List<?>) ledger.getOrDefault("volumes", List.of())).stream().map(String::valueOf)
                .map(volume -> volume.split(":")[1]).toList();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", System.getenv("PATH"));
        environment.put("HOME", volume.toString());
        environment.putAll(image.env());
        map(ledger.get("environment")).forEach((name, value) ->
                environment.put(name, interpolate(String.valueOf(value))));
        environment.replaceAll((name, value) -> volumes.contains(value) ? volume.toString() : value);
        String uri = environment.get("MONGODB_URI");
        assertThat(uri).as("compose gives the ledger a MongoDB").startsWith("mongodb://");
        URI given = URI.create(uri.replaceFirst("^mongodb://[^/]*", "mongodb://host"));
        environment.put("MONGODB_URI", "mongodb://" + mongo.hosts() + given.getPath());
        environment.put("PORT", String.valueOf(port));
        return environment;
    }

    private static void awaitHealthy(Healthcheck healthcheck, Map<String, String> environment, Process ledger,
                                     Path log) throws Exception {
        long deadline = System.nanoTime() + healthcheck.startPeriod().plus(healthcheck.interval()
                .multipliedBy(healthcheck.retries())).toNanos();
        while (System.nanoTime() < deadline) {
            if (!ledger.isAlive()) {
                throw new AssertionError("the image's command ended with exit " + ledger.exitValue() + ": "
                        + tail(log));
            }
            ProcessBuilder check = new ProcessBuilder(healthcheck.command()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            check.environment().clear();
            check.environment().putAll(environment);
            Process probe = check.start();
            if (probe.waitFor(healthcheck.timeout().toMillis(), TimeUnit.MILLISECONDS) && probe.exitValue() == 0) {
                return;
            }
            probe.destroyForcibly();
            Thread.sleep(1000);
        }
        throw new AssertionError("the Dockerfile's healthcheck did not pass within its start period and retries: "
                + tail(log));
    }

    /** /actuator/info names the version and, built from a checkout, the commit (git.properties). */
    private static void assertKnowsItsVersion(int port, Path data) throws Exception {
        Properties generated = new Properties();
        try (Reader reader = Files.newBufferedReader(data.resolve("generated-credentials.properties"))) {
            generated.load(reader);
        }
        HttpResponse<String> info = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/info")).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + generated.getProperty("admin"))
                .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(info.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(info.body());
        assertThat(body.path("build").path("version").asText()).as("%s", body).matches("\\d+\\.\\d+.*");
        if (Files.exists(REPOSITORY.resolve(".git"))) {
            assertThat(body.path("git").path("commit").path("id").asText()).as("%s", body).matches("[0-9a-f]{7,}");
        }
    }

    /** HEALTHCHECK [--interval=D] [--timeout=D] [--start-period=D] [--retries=N] CMD command */
    record Healthcheck(Duration interval, Duration timeout, Duration startPeriod, int retries, List<String> command) {
        static Healthcheck of(Instruction instruction) {
            String[] parts = instruction.arguments().split("\\s+CMD\\s+", 2);
            Map<String, String> options = new LinkedHashMap<>(Map.of("interval", "30s", "timeout", "30s",
                    "start-period", "0s", "retries", "3"));
            for (String option : parts[0].split("\\s+")) {
                if (option.startsWith("--")) {
                    String[] pair = option.substring(2).split("=", 2);
                    options.put(pair[0], pair[1]);
                }
            }
            return new Healthcheck(duration(options.get("interval")), duration(options.get("timeout")),
                    duration(options.get("start-period")), Integer.parseInt(options.get("retries")),
                    new Instruction("CMD", parts[1]).command());
        }

        private static Duration duration(String text) {
            Matcher matcher = Pattern.compile("(\\d+)(ms|s|m|h)").matcher(text);
            Duration total = Duration.ZERO;
            while (matcher.find()) {
                long amount = Long.parseLong(matcher.group(1));
                total = total.plus(switch (matcher.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                });
            }
            return total;
        }
    }

    private static Copy imageCopy(Dockerfile dockerfile) {
        return dockerfile.image().all("COPY").stream().map(Copy::of).filter(copy -> copy.from() != null)
                .filter(copy -> copy.sources().stream().anyMatch(source -> source.endsWith(".jar"))).findFirst()
                .orElseThrow(() -> new AssertionError("the image copies no jar from a build stage"));
    }

    /** ${NAME:-default} as compose gives it when NAME is not set: CI sets none of them. */
    private static String interpolate(String value) {
        return VARIABLE.matcher(value).replaceAll(match -> Matcher.quoteReplacement(
                match.group(2) == null ? "" : match.group(2)));
    }

    private static Map<String, Object> compose(String key) throws IOException {
        try (Reader reader = Files.newBufferedReader(REPOSITORY.resolve("docker-compose.yml"))) {
            Map<String, Object> file = new Yaml().load(reader);
            return map(file.get(key));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static int run(Duration limit, String... command) throws InterruptedException {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            builder.environment().put("LEDGER_HTTP_PORT", String.valueOf(freePort()));
            Process process = builder.start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path repository() {
        Path folder = Path.of("").toAbsolutePath();
        while (folder != null && !Files.isRegularFile(folder.resolve("Dockerfile"))) {
            folder = folder.getParent();
        }
        if (folder == null) {
            throw new IllegalStateException("no Dockerfile above " + Path.of("").toAbsolutePath());
        }
        return folder;
    }
}
