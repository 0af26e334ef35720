package id.smartcity.ledger.rest;

import id.smartcity.api.Assessment;
import id.smartcity.api.Pillar;
import id.smartcity.api.RegionKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

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
}
