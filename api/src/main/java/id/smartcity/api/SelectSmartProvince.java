package id.smartcity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/**
 * Selects a province as a Smart Province. It qualifies when at least 80% of its regencies and cities have a
 * masterplan: those the ledger records count by themselves; masterplans made outside the ledger's records count only
 * as {@code attestedMasterplans}, with the {@code attestationSource} that vouches for them.
 */
@Revision("1")
public record SelectSmartProvince(@TargetAggregateIdentifier @NotNull @Size(max = 20, groups = Limits.class) String code,
                                  @NotBlank @Size(max = 200, groups = Limits.class) String name, int cohortYear,
                                  @NotNull LocalDate selectedOn, int attestedMasterplans,
                                  @Size(max = 500, groups = Limits.class) String attestationSource)
        implements ProgrammeCommand {
}
