package id.smartcity.ledger.rest;

import id.smartcity.api.Assessment;
import id.smartcity.api.AwardCategory;
import id.smartcity.api.CandidateScores;
import id.smartcity.api.CouncilMember;
import id.smartcity.api.EvaluationDimension;
import id.smartcity.api.Pillar;
import id.smartcity.api.RegionKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The bodies of the command endpoints: shape only. The programme's rules are the aggregate's to check. */
final class CommandRequests {
    static final int TEXT = 500;

    private CommandRequests() {
    }

    record Selection(@NotBlank @Size(max = 200) String name, @NotNull RegionKind kind, @NotNull Integer cohortYear,
                     @NotNull LocalDate selectedOn, @Valid AssessmentBody assessment) {
    }

    record AssessmentBody(@Size(max = 100) String round, LocalDate assessedOn, @Size(max = 4000) String notes) {
        Assessment toAssessment() {
            return new Assessment(round, assessedOn, notes);
        }
    }

    record MoU(@NotNull LocalDate signedOn, @NotBlank @Size(max = TEXT) String place, boolean virtual,
               @Size(max = 50) List<@NotBlank @Size(max = TEXT) String> signatories,
               @Size(max = 50) List<@NotBlank @Size(max = TEXT) String> scope) {
    }

    record Mentor(@NotBlank @Size(max = TEXT) String institution,
                  @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = TEXT) String> mentors,
                  @NotNull LocalDate assignedOn) {
    }

    record RepeatMentoring(@NotNull Integer cohortYear, @NotNull LocalDate startedOn,
                           @NotBlank @Size(max = 2000) String reason) {
    }

    record Masterplan(@NotNull LocalDate submittedOn, @NotNull Integer horizonYears,
                      @NotEmpty @Size(max = 6) List<@NotNull Pillar> pillars,
                      @Size(max = 100) List<@NotBlank @Size(max = TEXT) String> quickWins,
                      @NotBlank String documentSha256) {
    }

    record MasterplanRevision(@NotNull LocalDate revisedOn, @NotNull Integer horizonYears,
                              @NotEmpty @Size(max = 6) List<@NotNull Pillar> pillars,
                              @Size(max = 100) List<@NotBlank @Size(max = TEXT) String> quickWins,
                              @NotBlank String documentSha256, @NotBlank @Size(max = 2000) String reason) {
    }

    record Withdrawal(@NotNull LocalDate withdrawnOn, @NotBlank @Size(max = 2000) String reason) {
    }

    record CandidateAssessment(@NotBlank @Size(max = 200) String name, @NotNull RegionKind kind,
                               @NotBlank @Size(max = 100) String round, @NotNull LocalDate assessedOn,
                               @Valid ScoresBody scores) {
    }

    record ScoresBody(BigDecimal fiscalCapacity, BigDecimal highPerformingCityIndex, BigDecimal sustainableCityIndex,
                      BigDecimal greenCityIndex, @Size(max = 4000) String readinessNotes) {
        CandidateScores toScores() {
            return new CandidateScores(fiscalCapacity, highPerformingCityIndex, sustainableCityIndex, greenCityIndex,
                    readinessNotes);
        }
    }

    record SmartProvinceSelection(@NotBlank @Size(max = 200) String name, @NotNull Integer cohortYear,
                                  @NotNull LocalDate selectedOn, Integer attestedMasterplans,
                                  @Size(max = TEXT) String attestationSource) {
    }

    record Council(@NotNull LocalDate formedOn, @NotEmpty @Size(max = 200) List<@NotNull @Valid Member> members,
                   @Size(max = TEXT) String decree) {
    }

    record Member(@NotBlank @Size(max = TEXT) String name, @NotBlank @Size(max = TEXT) String position,
                  @NotNull CouncilMember.Kind kind) {
        CouncilMember toMember() {
            return new CouncilMember(name, position, kind);
        }
    }

    record Team(@NotNull LocalDate formedOn, @NotBlank @Size(max = TEXT) String lead,
                @NotEmpty @Size(max = 200) List<@NotBlank @Size(max = TEXT) String> members) {
    }

    record QuickWin(@NotNull Integer year, @NotBlank @Size(max = TEXT) String title, @NotNull Pillar pillar,
                    @NotNull LocalDate deliveredOn) {
    }

    record Evaluation(@NotNull Integer year, @NotEmpty Map<@NotNull EvaluationDimension, @NotNull BigDecimal> dimensionScores,
                      Map<@NotNull Pillar, @NotNull BigDecimal> pillarScores,
                      @NotEmpty Map<@NotNull EvaluationDimension, @NotNull Integer> weights, Integer rank,
                      @Size(max = 2000) String note) {
    }

    record Award(@NotNull Integer year, @NotNull AwardCategory category, @NotBlank @Size(max = 20) String code,
                 @Size(max = 2000) String citation) {
    }
}
