package id.smartcity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
/** A member of a region's Smart City council: the heads of its agencies (OPD) and academic experts. */
public record CouncilMember(@NotBlank @Size(max = 500, groups = Limits.class) String name,
                            @NotBlank @Size(max = 500, groups = Limits.class) String position, @NotNull Kind kind) {
    /** Who sits on a council. */
    public enum Kind { AGENCY_HEAD, ACADEMIC_EXPERT }
}
