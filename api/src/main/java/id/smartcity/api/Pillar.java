package id.smartcity.api;

/** The six dimensions of a Smart City masterplan. */
public enum Pillar {
    GOVERNANCE, BRANDING, ECONOMY, LIVING, SOCIETY, ENVIRONMENT
}
