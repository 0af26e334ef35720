package id.smartcity.api;

import java.time.LocalDate;

/**
 * Every event the programme records; the list is closed, so a new event is added here or does not compile, and the
 * tests that walk this list (every projector handles each one, time travel dates each one) then ask for it.
 */
public sealed interface ProgrammeEvent permits RegionSelected, MoUSigned, MentorAssigned, MentoringRepeated,
        MasterplanSubmitted, MasterplanRevised, RegionWithdrawn, SmartProvinceSelected, CandidateAssessed,
        SmartCityCouncilFormed, ImplementationTeamFormed, QuickWinDelivered, EvaluationRecorded, AwardGranted,
        PublishedFigureRecorded {

    /**
     * The day on which what the event records happened in the programme (as opposed to the day the ledger recorded
     * it): what {@code asOf} filters by.
     */
    LocalDate businessDate();
}
