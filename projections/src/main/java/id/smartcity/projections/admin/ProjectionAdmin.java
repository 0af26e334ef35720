package id.smartcity.projections.admin;

import id.smartcity.projections.live.MongoViewStore;
import id.smartcity.projections.live.ReadModels;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Each read model's processor: where it stands against the head of the log, and rebuilding it from position 1. */
@Component
public class ProjectionAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionAdmin.class);
    private final EventProcessingConfiguration processing;
    private final ReadModels readModels;
    private final EventStore eventStore;

    public ProjectionAdmin(EventProcessingConfiguration processing, ReadModels readModels, EventStore eventStore) {
        this.processing = processing;
        this.readModels = readModels;
        this.eventStore = eventStore;
    }

    /** {@code failing}: a batch failed and is being retried (its read model stays where it was until it passes). */
    public record ProcessorStatus(String name, List<String> collections, boolean running, boolean replaying,
                                  boolean failing, long position, long head, long lag) {
    }

    public List<ProcessorStatus> status() {
        long head = eventStore.createHeadToken().position().orElse(0);
        List<ProcessorStatus> statuses = new ArrayList<>();
        new TreeMap<>(readModels.byProcessor()).forEach((name, stores) -> {
            StreamingEventProcessor processor = processor(name);
            long position = position(processor);
            statuses.add(new ProcessorStatus(name, stores.stream().map(MongoViewStore::collectionName).toList(),
                    processor.isRunning(), processor.isReplaying(), processor.processingStatus().values().stream()
                    .anyMatch(EventTrackerStatus::isErrorState), position, head, Math.max(0, head - position)));
        });
        return statuses;
    }

    /** The read models' processor names, in order. */
    public List<String> names() {
        return new TreeMap<>(readModels.byProcessor()).keySet().stream().toList();
    }

    public boolean exists(String name) {
        return readModels.byProcessor().containsKey(name);
    }

    /**
     * A read model that an older version of the projectors built holds documents of another shape: verify would find
     * every one of them different, and reports would mix both. It is rebuilt once the application is ready (reports
     * answer 503 READ_MODEL_REBUILDING meanwhile).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void rebuildOutdatedReadModels() {
        readModels.outdated().stream().sorted().forEach(name -> {
            LOG.info("The {} read model was built in another format than {}: rebuilding it from the log", name,
                    ReadModels.FORMAT);
            rebuild(name);
        });
    }

    /** Stops the processor, drops its read model, resets its token to the start of the log and starts it again. */
    public void rebuild(String name) {
        StreamingEventProcessor processor = processor(name);
        processor.shutDown();
        if (processor instanceof TrackingEventProcessor tracking) {
            returnLostThreadPermits(tracking);
        }
        long head = eventStore.createHeadToken().position().orElse(0);
        // Until it has replayed up to here, reports refuse rather than show a half-built read model.
        readModels.dropForRebuild(name, head);
        processor.resetTokens();
        processor.start();
    }

    /** Waits until the processor has caught up with the head as it was when asked; false when time ran out. */
    public boolean awaitCaughtUp(String name, Duration timeout) throws InterruptedException {
        long head = eventStore.createHeadToken().position().orElse(0);
        long deadline = System.nanoTime() + timeout.toNanos();
        StreamingEventProcessor processor = processor(name);
        while (System.nanoTime() < deadline) {
            if (position(processor) >= head && !processor.isReplaying()) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /**
     * Axon 4.13's tracking processor loses a thread permit when it is shut down in the instant between claiming a
     * segment and running its worker in the launcher's thread (the launcher frees the segment but never returns the
     * permit), and then never claims a segment again: a rebuild right after start hung that way. Once shut down, no
     * worker of it runs, so every permit is free again.
     */
    static void returnLostThreadPermits(TrackingEventProcessor processor) {
        if (processor.availableProcessorThreads() >= processor.maxCapacity()) {
            return;
        }
        try {
            Field permits = TrackingEventProcessor.class.getDeclaredField("availableThreads");
            permits.setAccessible(true);
            ((AtomicInteger) permits.get(processor)).set(processor.maxCapacity());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot restore the thread permits of " + processor.getName(), e);
        }
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow(() ->
                new IllegalArgumentException("No streaming processor " + name));
    }

    private static long position(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (segments.isEmpty()) {
            return 0;
        }
        return segments.values().stream().map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.orElse(0)).min().orElse(0);
    }

}
