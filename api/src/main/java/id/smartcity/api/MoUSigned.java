package id.smartcity.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MoUSigned(String code, int cohortYear, LocalDate signedOn, String place, boolean virtual,
                        List<String> signatories, List<String> scope) implements RegionEvent, ProgrammeEvent {
    public MoUSigned {
        signatories = signatories == null ? List.of() : List.copyOf(signatories);
        scope = scope == null ? List.of() : List.copyOf(scope);
    }

    @Override
    public LocalDate businessDate() {
        return signedOn;
    }
}
