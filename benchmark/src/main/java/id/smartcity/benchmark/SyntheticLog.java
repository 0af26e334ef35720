package id.smartcity.benchmark;

import id.smartcity.api.MasterplanRevised;
import id.smartcity.api.MasterplanSubmitted;
import id.smartcity.api.MentorAssigned;
import id.smartcity.api.MoUSigned;
import id.smartcity.api.Pillar;
import id.smartcity.api.RegionKind;
import id.smartcity.api.RegionSelected;
import id.smartcity.ledger.eventstore.MongoEventStorageEngine;
import id.smartcity.projections.admin.ProjectionAdmin;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Rebuilding the read models from zero: the shipped history, and a synthetic ledger of N events (regions of 12
 * events each: selection, MoU, three mentors, a masterplan and six revisions), appended straight through the event
 * store in commits of 1,000. Prints events per second of each rebuild.
 */
public final class RebuildBenchmark {
    private static final int EVENTS_PER_REGION = 12;
    private static final String HASH = "3f".repeat(32);

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String backend = args.length > 1 ? args[1] : "MEMORY";
        Path dataDir = Ledgers.freshDataDir("ledger-rebuild");
        try (ConfigurableApplicationContext app = Ledgers.start(backend, dataDir)) {
            MongoEventStorageEngine store = app.getBean(MongoEventStorageEngine.class);
            ProjectionAdmin projections = app.getBean(ProjectionAdmin.class);

            long start = System.nanoTime();
            append(store, events);
            double appendSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "appended %d events in %.1f s (%.0f events/s, commits of 1,000)%n",
                    store.headPosition(), appendSeconds, store.headPosition() / appendSeconds);
            projections.awaitCaughtUp("regions", Duration.ofHours(1));

            for (String name : List.of("regions", "published-figures")) {
                long rebuildStart = System.nanoTime();
                projections.rebuild(name);
                boolean done = projections.awaitCaughtUp(name, Duration.ofHours(1));
                double seconds = (System.nanoTime() - rebuildStart) / 1e9;
                System.out.printf(Locale.ROOT, "rebuild %-17s %d events in %.1f s: %.0f events/s%s, heap used %d MB%n",
                        name, store.headPosition(), seconds, store.headPosition() / seconds, done ? "" : " (timed out)",
                        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
            }
        }
    }

    static void append(MongoEventStorageEngine store, int events) {
        List<EventMessage<?>> commit = new ArrayList<>(1000);
        int regions = (events + EVENTS_PER_REGION - 1) / EVENTS_PER_REGION;
        int written = 0;
        for (int region = 0; region < regions && written < events; region++) {
            String code = String.format("%02d.%05d", 11 + region % 80, region);
            for (int step = 0; step < EVENTS_PER_REGION && written < events; step++, written++) {
                commit.add(new GenericDomainEventMessage<>("Region", code, step, event(code, step),
                        MetaData.with("principal", "benchmark")));
                if (commit.size() == 1000) {
                    store.appendEvents(commit);
                    commit = new ArrayList<>(1000);
                }
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
