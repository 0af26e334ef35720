package id.smartcity.projections.model;

import id.smartcity.api.AwardGranted;
import id.smartcity.api.CandidateAssessed;
import id.smartcity.api.EvaluationRecorded;
import id.smartcity.api.ImplementationTeamFormed;
import id.smartcity.api.MasterplanRevised;
import id.smartcity.api.MasterplanSubmitted;
import id.smartcity.api.MentorAssigned;
import id.smartcity.api.MentoringRepeated;
import id.smartcity.api.MoUSigned;
import id.smartcity.api.PublishedFigureRecorded;
import id.smartcity.api.RegionSelected;
import id.smartcity.api.QuickWinDelivered;
import id.smartcity.api.RegionWithdrawn;
import id.smartcity.api.SmartCityCouncilFormed;
import id.smartcity.api.SmartProvinceSelected;
import java.time.LocalDate;

/** The date on which what an event records happened in the programme: what {@code asOf} filters by. */
public final class BusinessDates {
    private BusinessDates() {
    }

    /** The business date of the event, or null when it has none (then it is never filtered out by date). */
    public static LocalDate of(Object payload) {
        if (payload instanceof RegionSelected e) {
            return e.selectedOn();
        }
        if (payload instanceof MoUSigned e) {
            return e.signedOn();
        }
        if (payload instanceof MentorAssigned e) {
            return e.assignedOn();
        }
        if (payload instanceof MentoringRepeated e) {
            return e.startedOn();
        }
        if (payload instanceof MasterplanSubmitted e) {
            return e.submittedOn();
        }
        if (payload instanceof MasterplanRevised e) {
            return e.revisedOn();
        }
        if (payload instanceof RegionWithdrawn e) {
            return e.withdrawnOn();
        }
        if (payload instanceof SmartProvinceSelected e) {
            return e.selectedOn();
        }
        if (payload instanceof CandidateAssessed e) {
            return e.assessedOn();
        }
        if (payload instanceof SmartCityCouncilFormed e) {
            return e.formedOn();
        }
        if (payload instanceof ImplementationTeamFormed e) {
            return e.formedOn();
        }
        if (payload instanceof QuickWinDelivered e) {
            return e.deliveredOn();
        }
        // Evaluations and awards carry a year, not a day: they count from the end of it.
        if (payload instanceof EvaluationRecorded e) {
            return endOf(e.year());
        }
        if (payload instanceof AwardGranted e) {
            return endOf(e.year());
        }
        if (payload instanceof PublishedFigureRecorded e) {
            // A figure without a publication date counts from the end of the year it describes.
            return e.publishedOn() != null ? e.publishedOn() : endOf(e.year());
        }
        return null;
    }

    public static LocalDate endOf(int year) {
        return LocalDate.of(year, 12, 31);
    }
}
