package id.smartcity.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/**
 * Selects a province as a Smart Province. It qualifies when at least 80% of its regencies and cities have a
 * masterplan: those the ledger records count by themselves; masterplans made outside the ledger's records count only
 * as {@code attestedMasterplans}, with the {@code attestationSource} that vouches for them.
 */
@Revision("1")
public record SelectSmartProvince(@TargetAggregateIdentifier String code, String name, int cohortYear,
                                  LocalDate selectedOn, int attestedMasterplans, String attestationSource) {
}
