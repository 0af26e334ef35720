package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 16, row 1: cross-site request forgery, as the tester did it, in headless Chromium. A page on another origin
 * (another loopback port) submits forms and a no-cors fetch to the ledger while the operator is signed in, with the
 * credentials cached by the browser; nothing may be stored. The ledger's own page, sending the same command as the
 * dashboard does, is accepted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.mongo.embedded.backend=MEMORY")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossSiteRequestBrowserTest {
    /** A selection whose name holds the '=' that a text/plain form puts between its field's name and value. */
    static final String FORGED_NAME = "{\"command\": \"SelectRegion\", \"code\": \"%s\", \"kind\": \"CITY\", "
            + "\"cohortYear\": 2017, \"selectedOn\": \"2017-05-03\", \"name\": \"Kota ";
    static final String FORGED_VALUE = "Palsu\"}";

    @LocalServerPort
    int port;
    @Autowired
    EventStorageEngine events;
    @Autowired
    List<Seen> seen;

    ChromeDriver browser;
    HttpServer attacker;

    /** What reached the ledger: each request with its Authorization (or not) and what it was answered. */
    record Seen(String method, String path, boolean authorization, int status, String challenge) {
    }

    @TestConfiguration
    static class Recorder {
        @Bean
        List<Seen> seen() {
            return new CopyOnWriteArrayList<>();
        }

        @Bean
        FilterRegistrationBean<Filter> recorder(List<Seen> seen) {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                chain.doFilter(request, response);
                var http = (jakarta.servlet.http.HttpServletRequest) request;
                var answer = (jakarta.servlet.http.HttpServletResponse) response;
                seen.add(new Seen(http.getMethod(), http.getRequestURI(), http.getHeader("Authorization") != null,
                        answer.getStatus(), answer.getHeader("WWW-Authenticate")));
            });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerApiContract.testProperties(registry);
    }

    @BeforeAll
    void openBrowser() throws IOException {
        boolean present = Files.isExecutable(DashboardBrowserTest.CHROMIUM)
                && Files.isExecutable(DashboardBrowserTest.CHROMEDRIVER);
        if (System.getenv("CI") != null) {
            assertThat(present).as(".ci/run installs Debian's chromium and chromium-driver").isTrue();
        }
        assumeTrue(present, "Debian's chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions().setBinary(DashboardBrowserTest.CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-dev-shm-usage", "--disable-background-networking", "--disable-sync",
                        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(DashboardBrowserTest.CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
        attacker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        attacker.createContext("/", exchange -> {
            byte[] page = attackPage().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        attacker.start();
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.quit();
        }
        if (attacker != null) {
            attacker.stop(0);
        }
    }

    /** Two forms and a no-cors fetch, each at the ledger, sent as soon as the page loads. */
    private String attackPage() {
        String ledger = "http://localhost:" + port;
        String importName = FORGED_NAME.formatted("32.73").replace("\"", "&quot;");
        String commandName = ("{\"name\": \"Kota ").replace("\"", "&quot;");
        String commandValue = ("Palsu\", \"kind\": \"CITY\", \"cohortYear\": 2017, \"selectedOn\": \"2017-05-03\"}")
                .replace("\"", "&quot;");
        return """
                <!doctype html><html><body>
                <iframe name="a"></iframe><iframe name="b"></iframe>
                <form id="import" method="post" enctype="text/plain" target="a" action="%1$s/api/imports">
                  <input name="%2$s" value="%3$s"></form>
                <form id="command" method="post" enctype="text/plain" target="b"
                      action="%1$s/api/regions/32.71/selections"><input name="%4$s" value="%5$s"></form>
                <script>
                  document.getElementById('import').submit();
                  document.getElementById('command').submit();
                  fetch('%1$s/api/regions/32.72/selections', {method: 'POST', mode: 'no-cors', credentials: 'include',
                    headers: {'Content-Type': 'text/plain'}, body: '%6$s'});
                </script></body></html>
                """.formatted(ledger, importName, FORGED_VALUE.replace("\"", "&quot;"), commandName, commandValue,
                ("{\"name\": \"Kota Palsu\", \"kind\": \"CITY\", \"cohortYear\": 2017, "
                        + "\"selectedOn\": \"2017-05-03\"}").replace("\"", "\\\""));
    }

    private String basic(String user) {
        String password = new LedgerClient(port, LedgerApiContract.CREDENTIALS).password(user);
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private long head() {
        var token = events.createHeadToken();
        return token == null ? 0 : token.position().orElse(0);
    }

    @Test
    void aPageOnAnotherOriginStoresNothingWhileTheOperatorIsSignedInButTheLedgersOwnPageDoes() {
        // The operator signs in as the tester's browser did: a URL with user and password. The ledger does not
        // challenge a browser, so Chromium has nothing to answer a challenge with and caches nothing.
        String password = new LedgerClient(port, LedgerApiContract.CREDENTIALS).password("operator");
        browser.get("http://operator:" + password + "@localhost:" + port + "/api/me");
        assertThat(seen).filteredOn(s -> s.path().equals("/api/me")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.challenge()).as("no Basic challenge to a browser").isNull());

        // Worse than the tester's case: the browser attaches the operator's credentials to every request, as it does
        // with credentials it has cached (Chromium's DevTools protocol adds the header to each request it sends).
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", basic("operator"))));
        long before = head();
        seen.clear();
        browser.get("http://127.0.0.1:" + attacker.getAddress().getPort() + "/attack.html");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> seen.stream()
                .filter(s -> s.method().equals("POST")).count() >= 3);

        List<Seen> posts = seen.stream().filter(s -> s.method().equals("POST")).toList();
        assertThat(posts).extracting(Seen::path).containsExactlyInAnyOrder("/api/imports",
                "/api/regions/32.71/selections", "/api/regions/32.72/selections");
        assertThat(posts).as("each forged request carried the operator's credentials, and each was refused")
                .allSatisfy(s -> {
                    assertThat(s.authorization()).isTrue();
                    assertThat(s.status()).isEqualTo(403);
                });
        assertThat(head()).as("nothing stored").isEqualTo(before);

        // The valid form: the ledger's own page sends the command as the dashboard does.
        browser.get("http://localhost:" + port + "/dashboard/");
        Object status = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/regions/32.74/selections', {method: 'POST', headers: {'Content-Type': 'application/json',
                  'X-Requested-With': 'XMLHttpRequest', 'Authorization': arguments[0]},
                  body: JSON.stringify({name: 'Kota Tasikmalaya', kind: 'CITY', cohortYear: 2017,
                    selectedOn: '2017-05-03'})}).then(r => done(r.status), e => done(String(e)));
                """, basic("operator"));
        assertThat(status).isEqualTo(201L);
        assertThat(head()).isEqualTo(before + 1);
    }

    @Test
    void commandsAreTakenOnlyInTheirDeclaredMediaTypes() {
        LedgerClient api = new LedgerClient(port, LedgerApiContract.CREDENTIALS);
        String line = FORGED_NAME.formatted("33.71") + "=" + FORGED_VALUE + "\r\n";
        long before = head();
        LedgerClient.Response plain = api.postAs("/api/imports", "operator", "text/plain", line);
        assertThat(plain.status()).isEqualTo(415);
        assertThat(head()).isEqualTo(before);
        // The very body the forged form sent is a valid import in the import's own media type.
        assertThat(api.postNdjson("/api/imports", "operator", line).status()).isEqualTo(201);
        assertThat(head()).isEqualTo(before + 1);
    }
}
