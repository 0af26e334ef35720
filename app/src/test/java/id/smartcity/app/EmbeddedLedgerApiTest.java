package id.smartcity.app;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.mongo.embedded.backend=MEMORY")
class EmbeddedLedgerApiTest extends LedgerApiContract {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        testProperties(registry);
    }
}
