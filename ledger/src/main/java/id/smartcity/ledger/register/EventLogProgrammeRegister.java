package id.smartcity.ledger.register;

import static com.mongodb.client.model.Projections.include;

import id.smartcity.api.MasterplanSubmitted;
import id.smartcity.api.MentoringRepeated;
import id.smartcity.api.RegionSelected;
import id.smartcity.api.SmartProvinceSelected;
import id.smartcity.eventstore.EventLog;
import id.smartcity.ledger.region.ProgrammeRegister;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.bson.Document;

/**
 * Answers the register's questions from the event log itself, never from a read model: the store's stream-positions
 * query gives the positions of a region's (or a province's regions') events, and only their type (and cohort year)
 * is read. Events past the materialized
 * head belong to a commit still being written and are left out; events of the current unit of work, not stored yet,
 * are added ({@link StagingEventStore}).
 */
public final class EventLogProgrammeRegister implements ProgrammeRegister {
    private static final String MASTERPLAN_SUBMITTED = MasterplanSubmitted.class.getName();
    private static final Set<String> ENTRIES = Set.of(RegionSelected.class.getName(),
            MentoringRepeated.class.getName(), SmartProvinceSelected.class.getName());
    private static final String COHORT_YEAR = EventLog.PAYLOAD + ".cohortYear";

    private final EventLog log;
    private final Supplier<List<Object>> staged;

    public EventLogProgrammeRegister(EventLog log, Supplier<List<Object>> staged) {
        this.log = log;
        this.staged = staged;
    }

    @Override
    public Set<String> regionsWithMasterplan(String provinceCode) {
        long head = log.materializedHead();
        List<Long> positions = log.streamPositions(provinceCode + ".", head).values().stream()
                .flatMap(List::stream).toList();
        Set<String> regions = new TreeSet<>();
        log.eventsAt(positions, include(EventLog.TYPE, EventLog.AGGREGATE_ID)).stream()
                .filter(event -> MASTERPLAN_SUBMITTED.equals(event.getString(EventLog.TYPE)))
                .forEach(event -> regions.add(event.getString(EventLog.AGGREGATE_ID)));
        staged.get().stream().filter(MasterplanSubmitted.class::isInstance).map(MasterplanSubmitted.class::cast)
                .filter(submitted -> submitted.code().startsWith(provinceCode + "."))
                .forEach(submitted -> regions.add(submitted.code()));
        return regions;
    }

    @Override
    public OptionalInt firstCohortYear(String code) {
        IntStream stored = log.eventsAt(log.streamPositionsOf(code, log.materializedHead()),
                        include(EventLog.TYPE, COHORT_YEAR)).stream()
                .filter(event -> ENTRIES.contains(event.getString(EventLog.TYPE)))
                .mapToInt(event -> event.get(EventLog.PAYLOAD, Document.class).getInteger("cohortYear"));
        IntStream unstored = staged.get().stream().mapToInt(payload -> {
            if (payload instanceof RegionSelected selected && selected.code().equals(code)) {
                return selected.cohortYear();
            }
            if (payload instanceof MentoringRepeated repeated && repeated.code().equals(code)) {
                return repeated.cohortYear();
            }
            if (payload instanceof SmartProvinceSelected province && province.code().equals(code)) {
                return province.cohortYear();
            }
            return Integer.MAX_VALUE;
        }).filter(year -> year != Integer.MAX_VALUE);
        return IntStream.concat(stored, unstored).min();
    }
}
