package id.smartcity.projections.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.smartcity.api.MentorAssigned;
import id.smartcity.api.MoUSigned;
import id.smartcity.api.RegionKind;
import id.smartcity.api.RegionSelected;
import id.smartcity.api.RegionWithdrawn;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionProjectorTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final RegionProjector projector = new RegionProjector();

    private static List<LedgerEvent> depok() {
        Instant recorded = Instant.parse("2026-11-24T00:00:00Z");
        return List.of(
                new LedgerEvent(1, recorded, new RegionSelected("32.76", "Kota Depok", RegionKind.CITY, 2018,
                        LocalDate.of(2018, 5, 8), null)),
                new LedgerEvent(2, recorded, new MoUSigned("32.76", 2018, LocalDate.of(2018, 5, 8), "Jakarta", false,
                        List.of(), List.of())),
                new LedgerEvent(3, recorded, new RegionWithdrawn("32.76", 2018, LocalDate.of(2018, 12, 31),
                        "non-technical reasons")),
                new LedgerEvent(4, recorded, new RegionSelected("32.76", "Kota Depok", RegionKind.CITY, 2019,
                        LocalDate.of(2019, 2, 22), null)),
                new LedgerEvent(5, recorded, new MentorAssigned("32.76", 2019, "ITB", List.of("Mentor A"),
                        LocalDate.of(2019, 6, 1))));
    }

    private String project(List<LedgerEvent> events) throws Exception {
        MemoryViewStore<RegionView> store = new MemoryViewStore<>();
        events.forEach(event -> projector.apply(event, store));
        return JSON.writeValueAsString(store.all());
    }

    @Test
    void buildsTheDossierWithTheEventPositions() {
        MemoryViewStore<RegionView> store = new MemoryViewStore<>();
        depok().forEach(event -> projector.apply(event, store));

        RegionView depok = store.find("32.76");
        assertThat(depok.provinceName()).isEqualTo("Jawa Barat");
        assertThat(depok.engagements()).extracting(EngagementView::status)
                .containsExactly(EngagementView.Status.WITHDRAWN, EngagementView.Status.MENTORED);
        assertThat(depok.assistance()).hasSize(1);
        assertThat(depok.timeline()).extracting(TimelineEntry::position).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(depok.lastPosition()).isEqualTo(5);
    }

    @Test
    void appliesAnEventOnlyOnceWhateverIsDelivered() throws Exception {
        List<LedgerEvent> events = depok();
        List<LedgerEvent> redelivered = new java.util.ArrayList<>(events);
        redelivered.addAll(events.subList(1, 4));

        assertThat(project(redelivered)).isEqualTo(project(events));
    }

    @Test
    void ignoresEventsItDoesNotKnow() {
        MemoryViewStore<RegionView> store = new MemoryViewStore<>();
        assertThat(projector.apply(new LedgerEvent(1, null, "something else"), store)).isFalse();
        assertThat(store.all()).isEmpty();
    }
}
