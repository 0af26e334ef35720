package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 16, row 15: no Content-Security-Policy, Referrer-Policy or Permissions-Policy; Tomcat's own error pages
 * without any security header (and in HTML, naming the refusal); the {@code Host} header reflected in redirects, the
 * OpenAPI description's server and actuator links. Requests are sent over a plain socket: they carry what no HTTP
 * client library sends (a forged Host, a bracket in the path).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.mongo.embedded.backend=MEMORY", "ledger.public-base-url=https://ledger.example.go.id"})
class SecurityHeadersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUBLIC = "https://ledger.example.go.id";

    @LocalServerPort
    int port;
    LedgerClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerApiContract.testProperties(registry);
    }

    @BeforeEach
    void connect() {
        api = new LedgerClient(port, LedgerApiContract.CREDENTIALS);
    }

    /** An answer as it came over the wire: status, headers (names in lower case), body. */
    record Raw(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : values.get(0);
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws IOException {
        Map<String, Raw> answers = new TreeMap<>();
        answers.put("dashboard", get("/dashboard/", null, "localhost"));
        answers.put("dashboard script", get("/dashboard/app.js", null, "localhost"));
        answers.put("report", get("/api/reports/annual-totals", "reporter", "localhost"));
        answers.put("anonymous 401", get("/api/reports/annual-totals", null, "localhost"));
        answers.put("role 403", get("/api/admin/projections", "reporter", "localhost"));
        answers.put("unknown 404", get("/api/nothing", "reporter", "localhost"));
        answers.put("malformed 400", get("/api/cohorts/abc", "reporter", "localhost"));
        answers.put("health", get("/actuator/health", null, "localhost"));
        // Refused by Tomcat before any filter: a bracket in the path, headers beyond its size limit.
        answers.put("tomcat: bracket", get("/api/regions/[]/selections", "operator", "localhost"));
        answers.put("tomcat: brace", get("/api/regions/{x}", "reporter", "localhost"));
        answers.put("tomcat: 9 KiB header", send("GET /api/reports/annual-totals HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Padding: " + "p".repeat(9 * 1024) + "\r\nConnection: close\r\n\r\n"));
        answers.forEach((name, answer) -> {
            assertThat(answer.header("Content-Security-Policy")).as(name).isEqualTo("default-src 'none'; "
                    + "script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                    + "font-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; "
                    + "frame-ancestors 'none'");
            assertThat(answer.header("Referrer-Policy")).as(name).isEqualTo("no-referrer");
            assertThat(answer.header("Permissions-Policy")).as(name).contains("camera=()").contains("geolocation=()");
            assertThat(answer.header("X-Content-Type-Options")).as(name).isEqualTo("nosniff");
            assertThat(answer.headers().get("content-security-policy")).as(name + ": once").hasSize(1);
        });
        assertThat(answers.get("dashboard").status()).isEqualTo(200);
        assertThat(answers.get("report").status()).isEqualTo(200);
    }

    /** Tomcat's own refusals are problem details too, naming the rule, without Tomcat's page or its reasons. */
    @Test
    void tomcatsOwnRefusalsAreProblemDetails() throws IOException {
        for (Raw refused : List.of(get("/api/regions/[]/selections", "operator", "localhost"),
                get("/api/regions/{code}/selections", "operator", "localhost"),
                get("/api/regions/51%2071|/x", "reporter", "localhost"),
                send("GET /api/reports/annual-totals HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
                        + "p".repeat(9 * 1024) + "\r\nConnection: close\r\n\r\n"))) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.path("code").asText()).isEqualTo("MALFORMED_REQUEST");
            assertThat(problem.path("status").asInt()).isEqualTo(400);
            assertThat(refused.body()).doesNotContain("Tomcat").doesNotContain("Invalid character")
                    .doesNotContain("java.").doesNotContain("<html");
        }
        // The valid form: the same path with its characters encoded reaches the ledger, which answers for itself.
        Raw encoded = get("/api/regions/%5B%5D", "reporter", "localhost");
        assertThat(encoded.status()).isEqualTo(404);
        assertThat(JSON.readTree(encoded.body()).path("code").asText()).isNotEqualTo("MALFORMED_REQUEST");
    }

    /** A forged Host header is reflected nowhere: redirects, the OpenAPI server and actuator links use the setting. */
    @Test
    void theHostHeaderIsNeverReflected() throws IOException {
        for (String host : List.of("evil.example", "localhost:" + port)) {
            Raw home = get("/", null, host);
            assertThat(home.status()).isEqualTo(302);
            assertThat(home.header("Location")).as(host).isEqualTo(PUBLIC + "/dashboard/");

            Raw swagger = get("/swagger-ui.html", "reporter", host);
            assertThat(swagger.header("Location")).as(host).doesNotContain("evil").satisfiesAnyOf(
                    location -> assertThat(location).startsWith("/"),
                    location -> assertThat(location).startsWith(PUBLIC + "/"));

            Raw description = get("/v3/api-docs", "reporter", host);
            assertThat(description.status()).isEqualTo(200);
            assertThat(JSON.readTree(description.body()).path("servers").get(0).path("url").asText()).as(host)
                    .isEqualTo(PUBLIC);

            Raw links = get("/actuator", "admin", host);
            assertThat(links.status()).isEqualTo(200);
            assertThat(links.body()).as(host).doesNotContain("evil").contains(PUBLIC + "/actuator/health");
        }
    }

    private Raw get(String path, String user, String host) throws IOException {
        String authorization = user == null ? "" : "Authorization: Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + api.password(user)).getBytes(StandardCharsets.UTF_8)) + "\r\n";
        return send("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + authorization
                + "Connection: close\r\n\r\n");
    }

    private Raw send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String[] lines = answer.substring(0, end).split("\r\n");
            Map<String, List<String>> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).toLowerCase(), name -> new java.util.ArrayList<>())
                        .add(lines[i].substring(colon + 1).strip());
            }
            String body = answer.substring(end + 4);
            if ("chunked".equals(headers.getOrDefault("transfer-encoding", List.of("")).get(0))) {
                body = unchunk(body);
            }
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
