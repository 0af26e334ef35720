package id.smartcity.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;

/** A plain HTTP client for the tests: no client library hides a status code or a header. */
final class LedgerClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Properties passwords = new Properties();

    LedgerClient(int port, Path credentials) {
        this.base = "http://localhost:" + port;
        try (Reader reader = Files.newBufferedReader(credentials)) {
            passwords.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The password a user was given in the credentials file. */
    String password(String user) {
        return passwords.getProperty(user);
    }

    record Response(int status, JsonNode body, HttpResponse<String> raw) {
        String code() {
            return body.path("code").asText(null);
        }

        long position() {
            return body.path("position").asLong();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Response post(String path, String user, String body, String... headers) {
        return send(request(path, user, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response postNdjson(String path, String user, String body, String... headers) {
        return send(request(path, user, headers).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response postAs(String path, String user, String contentType, String body, String... headers) {
        return send(request(path, user, headers).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response getWithPassword(String path, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8))).GET());
    }

    Response get(String path, String user, String... headers) {
        return send(request(path, user, headers).GET());
    }

    Response getWithHeaders(String path, String user, String... headers) {
        return send(request(path, user, headers).GET());
    }

    /** The annual totals report by year. */
    java.util.Map<Integer, JsonNode> annualTotals(String query) {
        Response report = get("/api/reports/annual-totals" + query, "reporter");
        if (report.status() != 200) {
            throw new IllegalStateException(report.status() + " " + report.body());
        }
        java.util.Map<Integer, JsonNode> years = new java.util.TreeMap<>();
        report.body().path("rows").forEach(row -> years.put(row.path("year").asInt(), row));
        return years;
    }

    /** The whole event log through the audit API, page by page, as the auditor reads it. */
    java.util.List<JsonNode> auditLog() {
        java.util.List<JsonNode> log = new java.util.ArrayList<>();
        long from = 1;
        while (true) {
            JsonNode page = get("/api/audit/events?limit=1000&from=" + from, "auditor").body();
            page.path("events").forEach(log::add);
            if (page.path("next").isNull() || page.path("next").isMissingNode()) {
                return log;
            }
            from = page.path("next").asLong();
        }
    }

    Response getAs(String path, String user, String accept) {
        return send(request(path, user, "Accept", accept).GET());
    }

    private HttpRequest.Builder request(String path, String user, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            String token = user + ":" + passwords.getProperty(user, "wrong");
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(token.getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = response.body() == null || response.body().isBlank() || !type.contains("json")
                    ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
