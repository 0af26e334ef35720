package id.smartcity.projections.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.smartcity.projections.live.ReadModelNotReady;
import id.smartcity.projections.live.ReadModels;
import id.smartcity.projections.model.EngagementView;
import id.smartcity.projections.model.RegionView;
import id.smartcity.projections.model.TimelineEntry;
import id.smartcity.projections.reports.AnnualTotals;
import id.smartcity.projections.reports.CoverageProperties;
import id.smartcity.projections.reports.ProgrammeCycle;
import id.smartcity.projections.reports.ProgrammeSnapshot;
import id.smartcity.projections.reports.Reconciliation;
import id.smartcity.projections.reports.RepeatedAssistance;
import id.smartcity.projections.reports.Report;
import id.smartcity.projections.reports.Rosters;
import id.smartcity.projections.timetravel.GuardedTimeTravel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reports on the programme. Every one takes {@code asOf} (a business date: only what had happened by then) and
 * {@code knownAt} (an instant: only what the ledger had recorded by then); both replay the log through the same
 * projection code. JSON by default, CSV with {@code Accept: text/csv}.
 */
@RestController
@Tag(name = "Reports", description = "The programme from the events (roles OPERATOR, REPORTER, AUDITOR, ADMIN)")
class ReportController {
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String CSV = "text/csv";

    private final ReadModels readModels;
    private final GuardedTimeTravel timeTravel;
    private final CoverageProperties coverage;
    private final ReportProperties properties;
    private volatile Memo memo = new Memo(null, Memo.reports(MEMO_SIZE));

    ReportController(ReadModels readModels, GuardedTimeTravel timeTravel, CoverageProperties coverage,
                     ReportProperties properties) {
        this.readModels = readModels;
        this.timeTravel = timeTravel;
        this.coverage = coverage;
        this.properties = properties;
    }

    /**
     * When a report is asked for: {@code asOf} a business date (only what had happened by then), {@code knownAt} an
     * instant (only what the ledger had recorded by then); neither, the live read models.
     */
    record When(@Parameter(description = "Business date YYYY-MM-DD: the programme as it stood that day")
                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                @Parameter(description = "ISO instant: only what the ledger had recorded by then")
                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
                @Parameter(description = "Read your writes: a position a command's answer named; the answer waits"
                        + " until the read models include it, or is refused with 503 and Retry-After")
                Long atLeast) {
        boolean live() {
            return asOf == null && knownAt == null;
        }
    }

    private ProgrammeSnapshot snapshot(When when) {
        awaitAtLeast(when);
        if (!when.live()) {
            return timeTravel.at(when.asOf(), when.knownAt());
        }
        ProgrammeSnapshot live = readModels.snapshot();
        // A read model's recorded position only grows with what it applied; one beyond the head was not written by
        // its processor (an edit of the store), and its figures cannot be trusted to rest on this log.
        long head = timeTravel.head();
        if (live.position() > head) {
            throw ReadModelNotReady.aheadOfTheLog(live.position(), head);
        }
        return live;
    }

    /** A position beyond the log's head can never be reached by waiting: refused at once. */
    private void awaitAtLeast(When when) {
        if (when.atLeast() == null) {
            return;
        }
        long head = timeTravel.head();
        if (when.atLeast() > head) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, "Position "
                    + when.atLeast() + " is beyond the log's head, " + head + ": no read model can reach it");
            problem.setType(java.net.URI.create("urn:smartcity-ledger:problem:POSITION_BEYOND_HEAD"));
            problem.setTitle("The position asked for is not in the log");
            problem.setProperty("code", "POSITION_BEYOND_HEAD");
            throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_ENTITY, problem, null);
        }
        if (when.live()) {
            readModels.awaitAtLeast(when.atLeast(), properties.atLeastTimeout());
        }
    }

    /**
     * A report's rows from the snapshot {@code when} asks for. Reports are functions of the snapshot, so on the live
     * snapshot, which stays the same object until a read model moves on, each report is computed once.
     */
    @SuppressWarnings("unchecked")
    private <T> Report<T> report(String name, When when, Function<ProgrammeSnapshot, List<T>> rows,
                                 Object... arguments) {
        ProgrammeSnapshot snapshot = snapshot(when);
        if (!when.live()) {
            return Report.of(name, snapshot, rows.apply(snapshot));
        }
        Memo memo = this.memo;
        if (memo.snapshot() != snapshot) {
            memo = new Memo(snapshot, Memo.reports(MEMO_SIZE));
            this.memo = memo;
        }
        return (Report<T>) memo.reports().get(name + Arrays.toString(arguments),
                key -> Report.of(name, snapshot, rows.apply(snapshot)));
    }

    /** Reports kept per snapshot: every report with its usual arguments fits; any query value is not kept forever. */
    static final int MEMO_SIZE = 256;

    /** The live reports computed from one snapshot, by name (and arguments), at most {@code size} of them. */
    record Memo(ProgrammeSnapshot snapshot, Cache<String, Report<?>> reports) {
        static Cache<String, Report<?>> reports(int size) {
            return Caffeine.newBuilder().maximumSize(size).build();
        }
    }

    @GetMapping(path = "/api/reports/annual-totals", produces = {JSON, CSV})
    @Operation(summary = "Per year: new, repeat, withdrawn, steps reached, distinct regions so far, coverage")
    Report<AnnualTotals.Row> annualTotals(@ParameterObject When when) {
        if (!when.live()) {
            awaitAtLeast(when);
            return timeTravel.annualTotals(when.asOf(), when.knownAt());
        }
        return report("annual-totals", when, snapshot -> AnnualTotals.of(snapshot, coverage));
    }

    @GetMapping(path = "/api/reports/repeated-assistance", produces = {JSON, CSV})
    @Operation(summary = "Every region with more than one engagement, one row per engagement")
    Report<RepeatedAssistance.Row> repeatedAssistance(@ParameterObject When when) {
        return report("repeated-assistance", when, RepeatedAssistance::of);
    }

    @GetMapping(path = "/api/reports/reconciliation", produces = {JSON, CSV})
    @Operation(summary = "Published figures beside recorded ones, every difference explained")
    Report<Reconciliation.Row> reconciliation(@ParameterObject When when) {
        return report("reconciliation", when, snapshot -> Reconciliation.of(snapshot, coverage));
    }

    @GetMapping(path = "/api/reports/provinces", produces = {JSON, CSV})
    @Operation(summary = "Regions, engagements and masterplans per province (from the code prefix)")
    Report<Rosters.ProvinceRow> provinces(@ParameterObject When when) {
        return report("provinces", when, Rosters::provinces);
    }

    @GetMapping(path = "/api/reports/mentors", produces = {JSON, CSV})
    @Operation(summary = "Engagements, regions and masterplans per mentoring institution")
    Report<Rosters.MentorRow> mentors(@ParameterObject When when) {
        return report("mentors", when, Rosters::mentors);
    }

    @GetMapping(path = "/api/reports/pillars", produces = {JSON, CSV})
    @Operation(summary = "Masterplans covering each of the six pillars")
    Report<Rosters.PillarRow> pillars(@ParameterObject When when) {
        return report("pillars", when, Rosters::pillars);
    }

    @GetMapping(path = "/api/reports/assessment-rounds", produces = {JSON, CSV})
    @Operation(summary = "Per selection round: candidates assessed (regencies and cities, provinces) and selected")
    Report<ProgrammeCycle.RoundRow> assessmentRounds(@ParameterObject When when) {
        return report("assessment-rounds", when, ProgrammeCycle::rounds);
    }

    @GetMapping(path = "/api/reports/assessments", produces = {JSON, CSV})
    @Operation(summary = "Candidates of a selection round (or of all), their scores and the cohort they entered")
    Report<ProgrammeCycle.AssessmentRow> assessments(@RequestParam(required = false) String round,
                                                     @ParameterObject When when) {
        return report("assessments", when, snapshot -> ProgrammeCycle.assessments(snapshot, round), round);
    }

    @GetMapping(path = "/api/reports/evaluations", produces = {JSON, CSV})
    @Operation(summary = "Yearly evaluations ranked by index, for a year or a region (its evaluation history)")
    Report<ProgrammeCycle.EvaluationRow> evaluations(@RequestParam(required = false) Integer year,
                                                     @RequestParam(required = false) String region,
                                                     @ParameterObject When when) {
        return report("evaluations", when, snapshot -> ProgrammeCycle.evaluations(snapshot, year, region), year,
                region);
    }

    @GetMapping(path = "/api/reports/quick-wins", produces = {JSON, CSV})
    @Operation(summary = "Quick wins per region and year, and how many their masterplans planned")
    Report<ProgrammeCycle.QuickWinRow> quickWins(@ParameterObject When when) {
        return report("quick-wins", when, ProgrammeCycle::quickWins);
    }

    @GetMapping(path = "/api/reports/awards", produces = {JSON, CSV})
    @Operation(summary = "Awards by year and category")
    Report<ProgrammeCycle.AwardRow> awards(@ParameterObject When when) {
        return report("awards", when, ProgrammeCycle::awards);
    }

    @GetMapping(path = "/api/cohorts/{year}", produces = {JSON, CSV})
    @Operation(summary = "A cohort's roster: each region with its status")
    Report<Rosters.CohortRow> cohort(@PathVariable int year, @ParameterObject When when) {
        return report("cohort-" + year, when, snapshot -> Rosters.cohort(snapshot, year));
    }

    @GetMapping(path = "/api/regions", produces = {JSON, CSV})
    @Operation(summary = "Regions, filtered by province code, cohort year and status")
    Report<Rosters.RegionRow> regions(@RequestParam(required = false) String province,
                                      @RequestParam(required = false) Integer cohort,
                                      @RequestParam(required = false) EngagementView.Status status,
                                      @ParameterObject When when) {
        return report("regions", when, snapshot -> Rosters.regions(snapshot, province, cohort, status), province,
                cohort, status);
    }

    @GetMapping(path = "/api/regions/{code}", produces = JSON)
    @Operation(summary = "A region's dossier: its engagements and the events they were built from")
    RegionView region(@PathVariable String code, @ParameterObject When when) {
        awaitAtLeast(when);
        Optional<RegionView> found = when.live() ? readModels.region(code)
                : snapshot(when).regions().stream().filter(region -> region.code().equals(code)).findFirst();
        return found.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No region " + code
                        + " in the ledger" + (when.asOf() != null || when.knownAt() != null ? " at that time" : "")));
    }

    @GetMapping(path = "/api/regions/{code}", produces = CSV)
    Report<TimelineEntry> regionTimeline(@PathVariable String code, @ParameterObject When when) {
        RegionView region = region(code, when);
        List<TimelineEntry> timeline = region.timeline().stream()
                .sorted(Comparator.comparingLong(TimelineEntry::position)).toList();
        return new Report<>("region-" + code, when.asOf(), when.knownAt(), region.lastPosition(), timeline);
    }
}
