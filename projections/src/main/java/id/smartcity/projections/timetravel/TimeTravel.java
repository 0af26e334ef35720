package id.smartcity.projections.timetravel;

import id.smartcity.projections.model.BusinessDates;
import id.smartcity.projections.model.FigureProjector;
import id.smartcity.projections.live.LedgerEvents;
import id.smartcity.projections.model.LedgerEvent;
import id.smartcity.projections.model.MemoryViewStore;
import id.smartcity.projections.model.PublishedFigureView;
import id.smartcity.projections.model.RegionProjector;
import id.smartcity.projections.model.RegionView;
import id.smartcity.projections.reports.ProgrammeSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

/**
 * The programme as it stood on a business date ({@code asOf}: only what had happened by then) or as the ledger had
 * recorded it by an instant ({@code knownAt}: later records ignored), by replaying the event log through the same
 * projectors as the live read models, into memory.
 */
@Component
public class TimeTravel {
    private final EventStorageEngine events;

    public TimeTravel(EventStorageEngine events) {
        this.events = events;
    }

    /** The position of the last event in the log. */
    public long head() {
        TrackingToken head = events.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    public ProgrammeSnapshot at(LocalDate asOf, Instant knownAt) {
        return at(asOf, knownAt, Long.MAX_VALUE);
    }

    /** As {@link #at(LocalDate, Instant)}, from the events up to position {@code upTo} only. */
    public ProgrammeSnapshot at(LocalDate asOf, Instant knownAt, long upTo) {
        RegionProjector regionProjector = new RegionProjector();
        FigureProjector figureProjector = new FigureProjector();
        MemoryViewStore<RegionView> regions = new MemoryViewStore<>();
        MemoryViewStore<PublishedFigureView> figures = new MemoryViewStore<>();
        long included = 0;
        // One read of the whole log, event by event: the store streams it window by window, never all at once.
        try (Stream<? extends TrackedEventMessage<?>> log = events.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = log.iterator();
            while (iterator.hasNext()) {
                LedgerEvent event = LedgerEvents.of(iterator.next());
                if (event.position() > upTo) {
                    break;
                }
                if (knownAt != null && event.recordedAt() != null && event.recordedAt().isAfter(knownAt)) {
                    // Recorded times never decrease along the log: nothing after this was known either.
                    break;
                }
                LocalDate happened = BusinessDates.of(event.payload());
                if (asOf == null || happened == null || !happened.isAfter(asOf)) {
                    regionProjector.apply(event, regions);
                    figureProjector.apply(event, figures);
                    included = event.position();
                }
            }
        }
        return new ProgrammeSnapshot(regions.all(), figures.all(), included, asOf, knownAt);
    }
}
