package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 16, row 6: the tester sent 200 wrong passwords in a row, then the right one, which worked at once. Now
 * failures are limited per user name and per client address (here 5 and 8 in 5 seconds, to keep the test short).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.mongo.embedded.backend=MEMORY", "ledger.security.sign-in-throttle.failures-per-user=5",
                "ledger.security.sign-in-throttle.failures-per-address=8",
                "ledger.security.sign-in-throttle.per=5s"})
class SignInThrottleTest {
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerApiContract.testProperties(registry);
    }

    @Test
    void guessingStopsPerUserAndPerAddressAndTheRightPasswordWorksAgainLater() throws Exception {
        LedgerClient api = new LedgerClient(port, LedgerApiContract.CREDENTIALS);
        assertThat(api.get("/api/me", "operator").status()).as("the valid form, before").isEqualTo(200);

        // The tester's attack: 200 wrong passwords for one user, then the right one.
        for (int i = 0; i < 200; i++) {
            assertThat(api.getWithPassword("/api/me", "operator", "guess-" + i).status()).as("attempt %d", i + 1)
                    .isEqualTo(i < 5 ? 401 : 429);
        }
        LedgerClient.Response refused = api.get("/api/me", "operator");
        assertThat(refused.status()).as("the right password, unchecked").isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(refused.code()).isEqualTo("TOO_MANY_FAILED_SIGN_INS");
        assertThat(api.get("/api/me", "reporter").status()).as("another user from the same address").isEqualTo(200);

        Thread.sleep(5_500);
        assertThat(api.get("/api/me", "operator").status()).as("the valid form, after the period").isEqualTo(200);

        // Guessing across invented names: the address is limited too.
        for (int i = 0; i < 8; i++) {
            assertThat(api.getWithPassword("/api/me", "invented-" + i, "guess").status()).isEqualTo(401);
        }
        assertThat(api.get("/api/me", "reporter").status()).as("8 failures from this address").isEqualTo(429);
        Thread.sleep(5_500);
        assertThat(api.get("/api/me", "reporter").status()).as("the valid form, after the period").isEqualTo(200);
    }
}
