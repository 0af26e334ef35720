package id.smartcity.projections.live;

import id.smartcity.api.PublishedFigureRecorded;
import id.smartcity.projections.model.FigureProjector;
import id.smartcity.projections.model.LedgerEvent;
import id.smartcity.projections.model.RegionProjector;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/** The event handlers of the live read models: each read model its own processing group and token. */
final class Projections {
    private Projections() {
    }

    @Component
    @ProcessingGroup(ReadModels.REGIONS)
    static class Regions {
        private final RegionProjector projector = new RegionProjector();
        private final ReadModels readModels;

        Regions(ReadModels readModels) {
            this.readModels = readModels;
        }

        @EventHandler
        void on(EventMessage<?> event, TrackingToken token) {
            if (MongoViewStore.firstOfBatch()) {
                readModels.regions().prefetch(MongoViewStore.batchPayloads().stream().map(RegionProjector::regionOf)
                        .filter(Objects::nonNull).toList());
            }
            LedgerEvent ledgerEvent = LedgerEvents.of(event, token);
            TimeTravelIndex index = readModels.timeTravelIndex();
            index.record(ledgerEvent, readModels.regions(), () -> projector.apply(ledgerEvent, readModels.regions()));
            // The index first: a crash between the two leaves the dossiers behind it, and they are applied again.
            index.flushAtEndOfBatch(ledgerEvent.position());
            readModels.regions().flushAtEndOfBatch(ledgerEvent.position());
        }
    }

    @Component
    @ProcessingGroup(ReadModels.PUBLISHED_FIGURES)
    static class PublishedFigures {
        private final FigureProjector projector = new FigureProjector();
        private final ReadModels readModels;

        PublishedFigures(ReadModels readModels) {
            this.readModels = readModels;
        }

        /**
         * Every event, so that the batch's documents are written when its last event is handled (whatever its type);
         * but only a published figure is read: the type is known without deserializing the payload, and a replay
         * passes the other events for free.
         */
        @EventHandler
        void on(EventMessage<?> event, TrackingToken token) {
            if (PublishedFigureRecorded.class.equals(event.getPayloadType())) {
                projector.apply(LedgerEvents.of(event, token), readModels.figures());
            }
            readModels.figures().flushAtEndOfBatch(token.position().orElseThrow());
        }
    }
}
