package id.smartcity.benchmark;

import id.smartcity.api.MasterplanRevised;
import id.smartcity.api.MasterplanSubmitted;
import id.smartcity.api.MentorAssigned;
import id.smartcity.api.MoUSigned;
import id.smartcity.api.Pillar;
import id.smartcity.api.RegionKind;
import id.smartcity.api.RegionSelected;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;

/**
 * A synthetic ledger appended straight through the event store in commits of 1,000: regions of 12 events each
 * (selection, MoU, three mentors, a masterplan and six revisions), as years of a large programme would leave them.
 * Any Axon storage engine takes it, so that the peers' stores are filled with the same events as the ledger's.
 */
final class SyntheticLog {
    static final int EVENTS_PER_REGION = 12;
    private static final String HASH = "3f".repeat(32);

    private SyntheticLog() {
    }

    /** The code of the n-th synthetic region: a province prefix and a five-digit number. */
    static String code(long region) {
        return String.format("%02d.%05d", 11 + region % 80, region);
    }

    /** Appends the synthetic events {@code from} (0-based) up to {@code from + count}, continuing regions. */
    static void append(EventStorageEngine store, long count, long from) {
        List<EventMessage<?>> commit = new ArrayList<>(1000);
        for (long event = from; event < from + count; event++) {
            String code = code(event / EVENTS_PER_REGION);
            int step = (int) (event % EVENTS_PER_REGION);
            commit.add(new GenericDomainEventMessage<>("Region", code, step, event(code, step),
                    MetaData.with("principal", "benchmark")));
            if (commit.size() == 1000) {
                store.appendEvents(commit);
                commit = new ArrayList<>(1000);
            }
        }
        if (!commit.isEmpty()) {
            store.appendEvents(commit);
        }
    }

    private static Object event(String code, int step) {
        LocalDate day = LocalDate.of(2019, 2, 22).plusDays(step * 7L);
        return switch (step) {
            case 0 -> new RegionSelected(code, "Region " + code, RegionKind.REGENCY, 2019, day, null);
            case 1 -> new MoUSigned(code, 2019, day, "Jakarta", false, List.of("Bupati"), List.of("masterplan"));
            case 2, 3, 4 -> new MentorAssigned(code, 2019, "Institution " + step, List.of("Mentor A", "Mentor B"), day);
            case 5 -> new MasterplanSubmitted(code, 2019, day, 10, List.of(Pillar.GOVERNANCE, Pillar.LIVING),
                    List.of("public wifi", "e-KTP kiosk"), HASH);
            default -> new MasterplanRevised(code, 2019, day, step - 5, 10, List.of(Pillar.GOVERNANCE),
                    List.of("public wifi"), HASH, "annual review");
        };
    }
}
