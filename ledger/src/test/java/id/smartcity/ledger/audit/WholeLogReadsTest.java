package id.smartcity.ledger.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** A hostile tester ran eight verifications at once; the audit API now runs at most its configured number. */
class WholeLogReadsTest {

    @Test
    void aReadBeyondTheLimitIsRefusedWithRetryAfterAndOneWithAFreePlaceRuns() throws Exception {
        WholeLogReads reads = new WholeLogReads(new AuditProperties(1, Duration.ZERO));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> reads.read(() -> {
            running.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "first";
        }));
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> reads.read(() -> "second")).isInstanceOfSatisfying(WholeLogReads.Busy.class, busy -> {
            assertThat(busy.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(busy.getBody().getProperties()).containsEntry("code", "AUDIT_BUSY");
            assertThat(busy.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        });

        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(reads.read(() -> "third")).as("the same read once a place is free").isEqualTo("third");
    }
}
