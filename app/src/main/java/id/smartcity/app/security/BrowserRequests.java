package id.smartcity.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.crypto.keygen.KeyGenerators;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What tells a browser's request from a program's, for the two defences against cross-site request forgery.
 *
 * <p>A browser attaches credentials it has cached (after a Basic challenge, or from a URL with user and password) to
 * every request to the ledger's origin, also to a form another site submits. So: a browser is never challenged (the
 * dashboard signs in with its own form and sends the Authorization header itself), and a browser's request that
 * changes something must carry {@code X-Requested-With: XMLHttpRequest}, a header a page of another origin cannot
 * add without a CORS preflight, which the ledger never grants. Programs (curl, the tests, integrations) send neither
 * {@code Origin} nor {@code Sec-Fetch-*} and keep working unchanged.
 */
final class BrowserRequests {
    static final String HEADER = "X-Requested-With";
    static final String VALUE = "XMLHttpRequest";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private BrowserRequests() {
    }

    /** Browsers add these to every request (Fetch Metadata) or every cross-origin one (Origin); a page cannot not. */
    static boolean fromBrowser(HttpServletRequest request) {
        return request.getHeader("Sec-Fetch-Mode") != null || request.getHeader("Sec-Fetch-Site") != null
                || request.getHeader("Origin") != null;
    }

    static boolean fromScriptOfOurOwn(HttpServletRequest request) {
        return VALUE.equals(request.getHeader(HEADER));
    }

    /** Spring Security's CSRF filter protects exactly these: unsafe requests a browser sent without the header. */
    static RequestMatcher needingProof() {
        return request -> !SAFE_METHODS.contains(request.getMethod()) && fromBrowser(request)
                && !fromScriptOfOurOwn(request);
    }

    /**
     * The ledger hands out no CSRF tokens (it keeps no sessions): the only proof it accepts is the header above, so a
     * request that needs one never has a matching token and is refused by the CSRF filter, before any command runs.
     */
    static CsrfTokenRepository noTokens() {
        return new CsrfTokenRepository() {
            @Override
            public CsrfToken generateToken(HttpServletRequest request) {
                return new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", KeyGenerators.string().generateKey());
            }

            @Override
            public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
                // Nothing kept: no session, no cookie.
            }

            @Override
            public CsrfToken loadToken(HttpServletRequest request) {
                return null;
            }
        };
    }
}
