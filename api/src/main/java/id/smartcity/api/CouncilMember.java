package id.smartcity.api;

/** A member of a region's Smart City council: the heads of its agencies (OPD) and academic experts. */
public record CouncilMember(String name, String position, Kind kind) {
    /** Who sits on a council. */
    public enum Kind { AGENCY_HEAD, ACADEMIC_EXPERT }
}
