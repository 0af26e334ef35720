package id.smartcity.projections.timetravel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.smartcity.projections.reports.ProgrammeSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * Issue 16, row 4: time travel as a denial of service. Clients asking many different dates at once find the replays
 * bounded (the rest refused with 503 and Retry-After, not queued without end); the same question, asked again or by
 * many at once, costs one replay until the log moves on.
 */
class GuardedTimeTravelTest {
    /** A log whose replays are counted and can be held, to have them overlap for certain. */
    static final class SlowLog extends TimeTravel {
        final AtomicInteger replays = new AtomicInteger();
        final AtomicLong head = new AtomicLong(100);
        volatile CountDownLatch release = new CountDownLatch(0);
        final CountDownLatch started = new CountDownLatch(1);

        SlowLog() {
            super(null);
        }

        @Override
        public long head() {
            return head.get();
        }

        @Override
        public ProgrammeSnapshot at(LocalDate asOf, Instant knownAt, long upTo) {
            replays.incrementAndGet();
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ProgrammeSnapshot(List.of(), List.of(), upTo, asOf, knownAt);
        }
    }

    @Test
    void replaysAtOnceAreBoundedAndTheRestRefused() throws Exception {
        SlowLog log = new SlowLog();
        log.release = new CountDownLatch(1);
        GuardedTimeTravel guarded = new GuardedTimeTravel(log, new TimeTravelProperties(1, Duration.ZERO, 16), null, null);
        CompletableFuture<ProgrammeSnapshot> first = CompletableFuture.supplyAsync(
                () -> guarded.at(LocalDate.of(2019, 12, 31), null));
        assertThat(log.started.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> guarded.at(LocalDate.of(2018, 12, 31), null))
                .isInstanceOfSatisfying(GuardedTimeTravel.Busy.class, busy -> {
                    assertThat(busy.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(busy.getHeaders().getFirst("Retry-After")).isEqualTo("2");
                    assertThat(busy.getBody().getProperties()).containsEntry("code", "TIME_TRAVEL_BUSY");
                });
        // Asking what is being replayed already waits for that replay instead of starting another.
        CompletableFuture<ProgrammeSnapshot> same = CompletableFuture.supplyAsync(
                () -> guarded.at(LocalDate.of(2019, 12, 31), null));
        log.release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isSameAs(same.get(10, TimeUnit.SECONDS));
        assertThat(log.replays).hasValue(1);

        // The valid form: once the replay is done, another date is answered.
        assertThat(guarded.at(LocalDate.of(2018, 12, 31), null).asOf()).isEqualTo(LocalDate.of(2018, 12, 31));
        assertThat(log.replays).hasValue(2);
    }

    @Test
    void theSameQuestionIsReplayedOnceUntilTheLogMovesOn() {
        SlowLog log = new SlowLog();
        GuardedTimeTravel guarded = new GuardedTimeTravel(log, new TimeTravelProperties(2, Duration.ZERO, 16), null, null);
        Instant knownAt = Instant.parse("2024-01-01T00:00:00Z");
        ProgrammeSnapshot once = guarded.at(null, knownAt);
        for (int i = 0; i < 50; i++) {
            assertThat(guarded.at(null, knownAt)).isSameAs(once);
        }
        assertThat(log.replays).hasValue(1);
        assertThat(once.position()).as("replayed up to the head it is kept under").isEqualTo(100);

        log.head.set(101);
        assertThat(guarded.at(null, knownAt).position()).isEqualTo(101);
        assertThat(log.replays).hasValue(2);
    }

    @Test
    void manyDifferentQuestionsKeepOnlyTheConfiguredNumberOfSnapshots() {
        SlowLog log = new SlowLog();
        GuardedTimeTravel guarded = new GuardedTimeTravel(log, new TimeTravelProperties(2, Duration.ZERO, 4), null, null);
        for (int day = 1; day <= 200; day++) {
            guarded.at(LocalDate.of(2020, 1, 1).plusDays(day), null);
        }
        assertThat(guarded.cachedSnapshots()).isLessThanOrEqualTo(4);
    }
}
