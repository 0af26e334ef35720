package id.smartcity.api;

/** What a published programme figure counts. */
public enum PublishedMetric {
    /** Regions assisted in that year, new and repeated. */
    ENGAGED,
    /** Of those, regions assisted again (repeat mentoring). */
    REPEATS,
    /** Distinct regions assisted since 2017, up to and including that year. */
    DISTINCT_CUMULATIVE,
    /** Regions planned for that year's cohort. */
    PLANNED,
    /** Provinces selected as Smart Province that year. */
    SMART_PROVINCES
}
