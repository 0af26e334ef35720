package id.smartcity.projections.model;

import id.smartcity.api.AwardGranted;
import id.smartcity.api.CandidateAssessed;
import id.smartcity.api.EvaluationRecorded;
import id.smartcity.api.Evaluations;
import id.smartcity.api.ImplementationTeamFormed;
import id.smartcity.api.MasterplanRevised;
import id.smartcity.api.MasterplanSubmitted;
import id.smartcity.api.MentorAssigned;
import id.smartcity.api.MentoringRepeated;
import id.smartcity.api.MoUSigned;
import id.smartcity.api.RegionSelected;
import id.smartcity.api.QuickWinDelivered;
import id.smartcity.api.RegionWithdrawn;
import id.smartcity.api.SmartCityCouncilFormed;
import id.smartcity.api.SmartProvinceSelected;
import id.smartcity.api.RegionEvent;
import id.smartcity.api.RegionKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;

/**
 * Builds region dossiers from region events. The same code feeds the live read model in MongoDB and the replays for
 * a date or an instant in memory. Deterministic: it reads no clock, only the events; an event at or before a
 * document's {@code lastPosition} was applied already and is skipped.
 */
public final class RegionProjector {

    /** The region an event concerns: the document it changes; null for an event about no region. */
    public static String regionOf(Object payload) {
        if (payload instanceof RegionEvent event) {
            return event.code();
        }
        return payload instanceof AwardGranted award ? award.code() : null;
    }

    /** Applies the event if it concerns a region; answers whether it did. */
    public boolean apply(LedgerEvent event, ViewStore<RegionView> store) {
        Object payload = event.payload();
        if (payload instanceof RegionSelected selected) {
            RegionView region = store.find(selected.code());
            if (region == null) {
                region = new RegionView(selected.code(), selected.name(), selected.kind());
            }
            if (applied(region, event)) {
                return false;
            }
            region.name = selected.name();
            EngagementView engagement = new EngagementView(selected.cohortYear(), EngagementView.Type.NEW,
                    selected.selectedOn());
            engagement.assessmentRound = selected.assessment() == null ? null : selected.assessment().round();
            add(region, engagement);
            linkAssessment(region, engagement.assessmentRound, selected.cohortYear());
            return record(store, region, event, selected.cohortYear(), selected.selectedOn(),
                    "Selected into the " + selected.cohortYear() + " cohort",
                    Phrase.of("timeline.selected", selected.cohortYear()));
        }
        if (payload instanceof SmartProvinceSelected selected) {
            RegionView region = store.find(selected.code());
            if (region == null) {
                region = new RegionView(selected.code(), selected.name(), RegionKind.PROVINCE);
            }
            if (applied(region, event)) {
                return false;
            }
            EngagementView engagement = new EngagementView(selected.cohortYear(), EngagementView.Type.NEW,
                    selected.selectedOn());
            engagement.smartProvince = new EngagementView.SmartProvinceQualification(selected.regenciesAndCities(),
                    selected.recordedMasterplans(), selected.attestedMasterplans(), selected.attestationSource());
            add(region, engagement);
            return record(store, region, event, selected.cohortYear(), selected.selectedOn(),
                    "Selected as a Smart Province for " + selected.cohortYear() + ": "
                            + (selected.recordedMasterplans().size() + selected.attestedMasterplans()) + " of "
                            + selected.regenciesAndCities() + " regencies and cities have a masterplan ("
                            + selected.recordedMasterplans().size() + " recorded, " + selected.attestedMasterplans()
                            + " attested)", Phrase.of("timeline.smartProvince", selected.cohortYear(),
                            selected.recordedMasterplans().size() + selected.attestedMasterplans(),
                            selected.regenciesAndCities(), selected.recordedMasterplans().size(),
                            selected.attestedMasterplans()));
        }
        if (payload instanceof CandidateAssessed assessed) {
            RegionView region = store.find(assessed.code());
            if (region == null) {
                region = new RegionView(assessed.code(), assessed.name(), assessed.kind());
            }
            if (applied(region, event)) {
                return false;
            }
            region.assessments.add(new RegionView.AssessmentView(assessed.round(), assessed.assessedOn(),
                    assessed.scores(), null));
            return record(store, region, event, null, assessed.assessedOn(),
                    "Assessed as a candidate in round " + assessed.round(),
                    Phrase.of("timeline.assessed", assessed.round()));
        }
        if (payload instanceof SmartCityCouncilFormed council) {
            return change(store, council.code(), event, region -> {
                region.engagement(council.cohortYear()).council = new EngagementView.Council(council.formedOn(),
                        council.members(), council.decree());
                return entry(event, council.cohortYear(), council.formedOn(), "Smart City council formed ("
                        + council.members().size() + " members)",
                        Phrase.of("timeline.council", council.members().size()));
            });
        }
        if (payload instanceof ImplementationTeamFormed team) {
            return change(store, team.code(), event, region -> {
                region.engagement(team.cohortYear()).implementationTeam = new EngagementView.Team(team.formedOn(),
                        team.lead(), team.members());
                return entry(event, team.cohortYear(), team.formedOn(), "Implementation team formed, led by "
                        + team.lead(), Phrase.of("timeline.team", team.lead()));
            });
        }
        if (payload instanceof QuickWinDelivered quickWin) {
            return change(store, quickWin.code(), event, region -> {
                region.quickWins.add(new RegionView.QuickWinView(quickWin.year(), quickWin.title(), quickWin.pillar(),
                        quickWin.deliveredOn(), quickWin.plannedIn()));
                if (quickWin.plannedIn() != null) {
                    region.engagement(quickWin.plannedIn()).masterplan.deliveredQuickWins.add(quickWin.title());
                }
                return entry(event, quickWin.plannedIn(), quickWin.deliveredOn(), "Quick win delivered: "
                        + quickWin.title() + (quickWin.plannedIn() == null ? ""
                        : " (planned in the " + quickWin.plannedIn() + " masterplan)"),
                        quickWin.plannedIn() == null ? Phrase.of("timeline.quickWin", quickWin.title())
                                : Phrase.of("timeline.quickWinPlanned", quickWin.title(), quickWin.plannedIn()));
            });
        }
        if (payload instanceof EvaluationRecorded evaluation) {
            return change(store, evaluation.code(), event, region -> {
                BigDecimal index = Evaluations.index(evaluation.dimensionScores(), evaluation.weights());
                region.evaluations.add(new RegionView.EvaluationView(evaluation.year(), index, evaluation.rank(),
                        evaluation.dimensionScores(), evaluation.pillarScores(), evaluation.weights(),
                        evaluation.note()));
                region.evaluations.sort(Comparator.comparingInt(RegionView.EvaluationView::year));
                return entry(event, null, evaluation.businessDate(), "Evaluated for "
                        + evaluation.year() + ": index " + index
                        + (evaluation.rank() == null ? "" : ", rank " + evaluation.rank()),
                        evaluation.rank() == null ? Phrase.of("timeline.evaluated", evaluation.year(), index)
                                : Phrase.of("timeline.evaluatedRanked", evaluation.year(), index, evaluation.rank()));
            });
        }
        if (payload instanceof AwardGranted award) {
            return change(store, award.code(), event, region -> {
                region.awards.add(new RegionView.AwardView(award.year(), award.category(), award.citation()));
                return entry(event, null, award.businessDate(), "Award " + award.year() + ": "
                        + award.category(), Phrase.of("timeline.award." + award.category(), award.year()));
            });
        }
        if (payload instanceof MentoringRepeated repeated) {
            return change(store, repeated.code(), event, region -> {
                EngagementView engagement = new EngagementView(repeated.cohortYear(), EngagementView.Type.REPEAT,
                        repeated.startedOn());
                engagement.repeatReason = repeated.reason();
                engagement.previousCohortYear = repeated.previousCohortYear();
                add(region, engagement);
                return entry(event, repeated.cohortYear(), repeated.startedOn(),
                        "Mentored again after " + repeated.previousCohortYear() + ": " + repeated.reason(),
                        Phrase.of("timeline.repeated", repeated.previousCohortYear(), repeated.reason()));
            });
        }
        if (payload instanceof MoUSigned mou) {
            return change(store, mou.code(), event, region -> {
                EngagementView engagement = region.engagement(mou.cohortYear());
                engagement.mouSignedOn = mou.signedOn();
                engagement.mouPlace = mou.place();
                engagement.mouVirtual = mou.virtual();
                return entry(event, mou.cohortYear(), mou.signedOn(), "MoU signed"
                        + (mou.virtual() ? " virtually" : mou.place() == null ? "" : " in " + mou.place()),
                        mou.virtual() ? Phrase.of("timeline.mouVirtual") : mou.place() == null
                                ? Phrase.of("timeline.mou") : Phrase.of("timeline.mouIn", mou.place()));
            });
        }
        if (payload instanceof MentorAssigned mentor) {
            return change(store, mentor.code(), event, region -> {
                region.engagement(mentor.cohortYear()).mentoring.add(new EngagementView.Mentoring(
                        mentor.institution(), mentor.mentors(), mentor.assignedOn()));
                return entry(event, mentor.cohortYear(), mentor.assignedOn(), "Mentored by " + mentor.institution(),
                        Phrase.of("timeline.mentored", mentor.institution()));
            });
        }
        if (payload instanceof MasterplanSubmitted submitted) {
            return change(store, submitted.code(), event, region -> {
                EngagementView.Masterplan plan = new EngagementView.Masterplan();
                plan.submittedOn = submitted.submittedOn();
                plan.horizonYears = submitted.horizonYears();
                plan.pillars = new ArrayList<>(submitted.pillars());
                plan.quickWins = new ArrayList<>(submitted.quickWins());
                plan.documentSha256 = submitted.documentSha256();
                region.engagement(submitted.cohortYear()).masterplan = plan;
                return entry(event, submitted.cohortYear(), submitted.submittedOn(),
                        "Masterplan submitted (" + submitted.horizonYears() + " years)",
                        Phrase.of("timeline.masterplan", submitted.horizonYears()));
            });
        }
        if (payload instanceof MasterplanRevised revised) {
            return change(store, revised.code(), event, region -> {
                EngagementView.Masterplan plan = region.engagement(revised.cohortYear()).masterplan;
                plan.horizonYears = revised.horizonYears();
                plan.pillars = new ArrayList<>(revised.pillars());
                plan.quickWins = new ArrayList<>(revised.quickWins());
                plan.documentSha256 = revised.documentSha256();
                plan.revisions.add(new EngagementView.Revision(revised.revision(), revised.revisedOn(),
                        revised.reason(), revised.documentSha256()));
                return entry(event, revised.cohortYear(), revised.revisedOn(),
                        "Masterplan revision " + revised.revision() + ": " + revised.reason(),
                        Phrase.of("timeline.revision", revised.revision(), revised.reason()));
            });
        }
        if (payload instanceof RegionWithdrawn withdrawn) {
            return change(store, withdrawn.code(), event, region -> {
                EngagementView engagement = region.engagement(withdrawn.cohortYear());
                engagement.withdrawnOn = withdrawn.withdrawnOn();
                engagement.withdrawalReason = withdrawn.reason();
                return entry(event, withdrawn.cohortYear(), withdrawn.withdrawnOn(), "Withdrawn: " + withdrawn.reason(),
                        Phrase.of("timeline.withdrawn", withdrawn.reason()));
            });
        }
        return false;
    }

    private interface Change {
        TimelineEntry apply(RegionView region);
    }

    private static boolean change(ViewStore<RegionView> store, String code, LedgerEvent event, Change change) {
        RegionView region = store.find(code);
        if (region == null || applied(region, event)) {
            return false;
        }
        region.timeline.add(change.apply(region));
        region.lastPosition = event.position();
        store.save(code, region);
        return true;
    }

    /** A selection from a round the region was assessed in closes that assessment: it led to this cohort. */
    private static void linkAssessment(RegionView region, String round, int cohortYear) {
        for (int i = 0; i < region.assessments.size(); i++) {
            RegionView.AssessmentView assessment = region.assessments.get(i);
            if (assessment.round().equalsIgnoreCase(round == null ? "" : round)) {
                region.assessments.set(i, new RegionView.AssessmentView(assessment.round(), assessment.assessedOn(),
                        assessment.scores(), cohortYear));
            }
        }
    }

    private static boolean record(ViewStore<RegionView> store, RegionView region, LedgerEvent event, Integer cohortYear,
                                  LocalDate date, String summary, Phrase what) {
        region.timeline.add(entry(event, cohortYear, date, summary, what));
        region.lastPosition = event.position();
        store.save(region.code, region);
        return true;
    }

    private static boolean applied(RegionView region, LedgerEvent event) {
        return event.position() <= region.lastPosition;
    }

    private static void add(RegionView region, EngagementView engagement) {
        region.engagements.add(engagement);
        region.engagements.sort(Comparator.comparingInt(EngagementView::cohortYear));
    }

    private static TimelineEntry entry(LedgerEvent event, Integer cohortYear, LocalDate date, String summary,
                                       Phrase what) {
        return new TimelineEntry(event.position(), event.payload().getClass().getSimpleName(), cohortYear, date,
                event.recordedAt() == null ? null : event.recordedAt().toString(), event.recordedBy(), summary, what);
    }
}
