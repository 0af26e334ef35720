package id.smartcity.projections.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import id.smartcity.api.RegionKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A region's dossier: every engagement with its steps, and the timeline of events with the positions it was built
 * from. {@code lastPosition} is the last event applied, which makes applying an event twice harmless.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public final class RegionView {
    String code;
    String name;
    RegionKind kind;
    String provinceCode;
    String provinceName;
    List<EngagementView> engagements = new ArrayList<>();
    List<TimelineEntry> timeline = new ArrayList<>();
    long lastPosition;

    RegionView() {
        // for Jackson
    }

    RegionView(String code, String name, RegionKind kind) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.provinceCode = Provinces.codeOf(code);
        this.provinceName = Provinces.nameOf(provinceCode);
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public RegionKind kind() {
        return kind;
    }

    public String provinceCode() {
        return provinceCode;
    }

    public String provinceName() {
        return provinceName;
    }

    public List<EngagementView> engagements() {
        return engagements;
    }

    public List<TimelineEntry> timeline() {
        return timeline;
    }

    public long lastPosition() {
        return lastPosition;
    }

    /** Regencies and cities count towards the 514; provinces are Smart Provinces. */
    public boolean isRegencyOrCity() {
        return kind != RegionKind.PROVINCE;
    }

    public EngagementView engagement(int cohortYear) {
        return engagements.stream().filter(e -> e.cohortYear == cohortYear).findFirst().orElse(null);
    }

    /** Engagements that count as assistance: not withdrawn. */
    public List<EngagementView> assistance() {
        return engagements.stream().filter(e -> !e.withdrawn()).toList();
    }
}
