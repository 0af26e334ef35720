package id.smartcity.api;

/**
 * Every command the programme takes; the list is closed, so the single endpoints, the import and the dashboard are
 * built from it (or tested against it) and a new command cannot be left out of one of them.
 */
public sealed interface ProgrammeCommand permits SelectRegion, SignMoU, AssignMentor, RepeatMentoring,
        SubmitMasterplan, ReviseMasterplan, WithdrawRegion, SelectSmartProvince, AssessCandidate,
        FormSmartCityCouncil, FormImplementationTeam, RecordQuickWin, RecordEvaluation, GrantAward,
        RecordPublishedFigure {
}
