package id.smartcity.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A province entered a cohort as a Smart Province, with the evidence it qualified on: its number of regencies and
 * cities, those whose masterplan the ledger records, and those attested by a named source.
 */
@Revision("1")
public record SmartProvinceSelected(String code, String name, int cohortYear, LocalDate selectedOn,
                                    int regenciesAndCities, List<String> recordedMasterplans,
                                    int attestedMasterplans, String attestationSource) implements RegionEvent, ProgrammeEvent {

    @Override
    public LocalDate businessDate() {
        return selectedOn;
    }
}
