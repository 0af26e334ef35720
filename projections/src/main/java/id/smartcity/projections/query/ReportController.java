package id.smartcity.projections.query;

import id.smartcity.projections.live.ReadModels;
import id.smartcity.projections.model.EngagementView;
import id.smartcity.projections.model.RegionView;
import id.smartcity.projections.model.TimelineEntry;
import id.smartcity.projections.reports.AnnualTotals;
import id.smartcity.projections.reports.CoverageProperties;
import id.smartcity.projections.reports.ProgrammeSnapshot;
import id.smartcity.projections.reports.Reconciliation;
import id.smartcity.projections.reports.RepeatedAssistance;
import id.smartcity.projections.reports.Report;
import id.smartcity.projections.reports.Rosters;
import id.smartcity.projections.timetravel.TimeTravel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
@Tag(name = "Reports", description = "The programme from the events (roles REPORTER, AUDITOR, ADMIN)")
class ReportController {
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String CSV = "text/csv";

    private final ReadModels readModels;
    private final TimeTravel timeTravel;
    private final CoverageProperties coverage;

    ReportController(ReadModels readModels, TimeTravel timeTravel, CoverageProperties coverage) {
        this.readModels = readModels;
        this.timeTravel = timeTravel;
        this.coverage = coverage;
    }

    private ProgrammeSnapshot snapshot(LocalDate asOf, Instant knownAt) {
        return asOf == null && knownAt == null ? readModels.snapshot() : timeTravel.at(asOf, knownAt);
    }

    @GetMapping(path = "/api/reports/annual-totals", produces = {JSON, CSV})
    @Operation(summary = "Per year: new, repeat, withdrawn, steps reached, distinct regions so far, coverage")
    Report<AnnualTotals.Row> annualTotals(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
        ProgrammeSnapshot snapshot = snapshot(asOf, knownAt);
        return Report.of("annual-totals", snapshot, AnnualTotals.of(snapshot, coverage));
    }

    @GetMapping(path = "/api/reports/repeated-assistance", produces = {JSON, CSV})
    @Operation(summary = "Every region with more than one engagement, one row per engagement")
    Report<RepeatedAssistance.Row> repeatedAssistance(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
        ProgrammeSnapshot snapshot = snapshot(asOf, knownAt);
        return Report.of("repeated-assistance", snapshot, RepeatedAssistance.of(snapshot));
    }

    @GetMapping(path = "/api/reports/reconciliation", produces = {JSON, CSV})
    @Operation(summary = "Published figures beside recorded ones, every difference explained")
    Report<Reconciliation.Row> reconciliation(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
        ProgrammeSnapshot snapshot = snapshot(asOf, knownAt);
        return Report.of("reconciliation", snapshot, Reconciliation.of(snapshot, coverage));
    }

    @GetMapping(path = "/api/reports/provinces", produces = {JSON, CSV})
    @Operation(summary = "Regions, engagements and masterplans per province (from the code prefix)")
    Report<Rosters.ProvinceRow> provinces(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
        ProgrammeSnapshot snapshot = snapshot(asOf, knownAt);
        return Report.of("provinces", snapshot, Rosters.provinces(snapshot));
    }

    @GetMapping(path = "/api/reports/mentors", produces = {JSON, CSV})
    @Operation(summary = "Engagements, regions and masterplans per mentoring institution")
    Report<Rosters.MentorRow> mentors(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
        ProgrammeSnapshot snapshot = snapshot(asOf, knownAt);
        return Report.of("mentors", snapshot, Rosters.mentors(snapshot));
    }

    @GetMapping(path = "/api/reports/pillars", produces = {JSON, CSV})
    @Operation(summary = "Masterplans covering each of the six pillars")
    Report<Rosters.PillarRow> pillars(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
        ProgrammeSnapshot snapshot = snapshot(asOf, knownAt);
        return Report.of("pillars", snapshot, Rosters.pillars(snapshot));
    }

    @GetMapping(path = "/api/cohorts/{year}", produces = {JSON, CSV})
    @Operation(summary = "A cohort's roster: each region with its status")
    Report<Rosters.CohortRow> cohort(@PathVariable int year, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
        ProgrammeSnapshot snapshot = snapshot(asOf, knownAt);
        return Report.of("cohort-" + year, snapshot, Rosters.cohort(snapshot, year));
    }

    @GetMapping(path = "/api/regions", produces = {JSON, CSV})
    @Operation(summary = "Regions, filtered by province code, cohort year and status")
    Report<Rosters.RegionRow> regions(@RequestParam(required = false) String province,
                                      @RequestParam(required = false) Integer cohort,
                                      @RequestParam(required = false) EngagementView.Status status,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
        ProgrammeSnapshot snapshot = snapshot(asOf, knownAt);
        return Report.of("regions", snapshot, Rosters.regions(snapshot, province, cohort, status));
    }

    @GetMapping(path = "/api/regions/{code}", produces = JSON)
    @Operation(summary = "A region's dossier: its engagements and the events they were built from")
    RegionView region(@PathVariable String code, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
        return snapshot(asOf, knownAt).regions().stream().filter(region -> region.code().equals(code)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No region " + code
                        + " in the ledger" + (asOf != null || knownAt != null ? " at that time" : "")));
    }

    @GetMapping(path = "/api/regions/{code}", produces = CSV)
    Report<TimelineEntry> regionTimeline(@PathVariable String code, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
        RegionView region = region(code, asOf, knownAt);
        List<TimelineEntry> timeline = region.timeline().stream()
                .sorted(Comparator.comparingLong(TimelineEntry::position)).toList();
        return new Report<>("region-" + code, asOf, knownAt, region.lastPosition(), timeline);
    }
}
