package id.smartcity.api;

/** What a Kemendagri code names: a province {@code PP}, or a regency or city {@code PP.RR} (cities have RR >= 71). */
public enum RegionKind {
    PROVINCE, REGENCY, CITY
}
