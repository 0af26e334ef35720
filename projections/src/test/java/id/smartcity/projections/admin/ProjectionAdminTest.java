package id.smartcity.projections.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.junit.jupiter.api.Test;

class ProjectionAdminTest {

    @Test
    void aShutDownTrackingProcessorGetsBackThePermitAxonLostSoItClaimsAgain() throws Exception {
        TrackingEventProcessor processor = TrackingEventProcessor.builder().name("regions")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Object()).build())
                .messageSource(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build())
                .tokenStore(new InMemoryTokenStore()).transactionManager(NoTransactionManager.INSTANCE).build();
        Field permits = TrackingEventProcessor.class.getDeclaredField("availableThreads");
        permits.setAccessible(true);
        ((AtomicInteger) permits.get(processor)).decrementAndGet();
        assertThat(processor.availableProcessorThreads()).as("the permit lost in the launcher").isZero();

        ProjectionAdmin.returnLostThreadPermits(processor);

        assertThat(processor.availableProcessorThreads()).isEqualTo(processor.maxCapacity()).isEqualTo(1);
        processor.start();
        try {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (processor.processingStatus().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(processor.processingStatus()).as("segment 0 claimed").containsOnlyKeys(0);
        } finally {
            processor.shutDown();
        }
    }
}
