package id.smartcity.app.web;

import java.util.Map;

/**
 * The security headers of every answer: Spring Security's headers DSL writes them on whatever passes through Spring
 * ({@code SecurityConfiguration}), {@link ProblemErrorReportValve} on the error pages Tomcat writes itself.
 */
public final class SecurityHeaders {
    /**
     * As strict as the dashboard allows: it loads its scripts, style sheet and data from its own origin and has no
     * inline script or style (it sets one width through the CSSOM, which style-src does not govern). Nothing may
     * frame it, no {@code <base>} may move its URLs, its one form is handled by its script. {@code data:} images are
     * for Swagger UI's icons.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; manifest-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";
    /** The ledger's URLs name regions and queries: no other site learns them from a link followed. */
    public static final String REFERRER_POLICY = "no-referrer";
    /** The dashboard uses none of the browser's powerful features; nothing it embeds may either. */
    public static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), "
            + "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    /** What Spring Security writes by default too, for the answers that never reach it. */
    static final Map<String, String> ALL = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "Referrer-Policy", REFERRER_POLICY,
            "Permissions-Policy", PERMISSIONS_POLICY,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");

    private SecurityHeaders() {
    }
}
