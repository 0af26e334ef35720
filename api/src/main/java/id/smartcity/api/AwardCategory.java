package id.smartcity.api;

/** The categories of the programme's awards: one per pillar, and special ones (2022: national priority tourism area). */
public enum AwardCategory {
    SMART_GOVERNANCE, SMART_BRANDING, SMART_ECONOMY, SMART_SOCIETY, SMART_LIVING, SMART_ENVIRONMENT,
    NATIONAL_PRIORITY_TOURISM_AREA
}
