package id.smartcity.app.web;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where callers reach the ledger, as they see it (behind a reverse proxy: the proxy's address). Every absolute URL
 * the ledger makes (redirects, the OpenAPI description's server, actuator links) is built from it, never from the
 * request's {@code Host} header, which any caller sets as it likes: Tomcat's connector answers every request with this
 * host, port and scheme ({@link TomcatConfiguration}). Port 0 (the tests' random port) keeps the port listened on.
 *
 * @param publicBaseUrl scheme, host and port only, such as {@code https://ledger.example.go.id}
 */
@ConfigurationProperties("ledger")
public record PublicAddress(URI publicBaseUrl) {

    public PublicAddress {
        if (publicBaseUrl == null) {
            throw new IllegalArgumentException("ledger.public-base-url is required: where callers reach the ledger");
        }
        boolean http = "http".equals(publicBaseUrl.getScheme()) || "https".equals(publicBaseUrl.getScheme());
        String path = publicBaseUrl.getRawPath();
        if (!http || publicBaseUrl.getHost() == null || publicBaseUrl.getRawUserInfo() != null
                || !(path == null || path.isEmpty() || path.equals("/")) || publicBaseUrl.getRawQuery() != null
                || publicBaseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("ledger.public-base-url must be http(s)://host[:port] without a path, "
                    + "query or user, not " + publicBaseUrl);
        }
    }

    public String host() {
        return publicBaseUrl.getHost();
    }

    public String scheme() {
        return publicBaseUrl.getScheme();
    }

    /** The port callers use: the URL's, or its scheme's default; 0 for the port listened on. */
    public int port() {
        if (publicBaseUrl.getPort() >= 0) {
            return publicBaseUrl.getPort();
        }
        return "https".equals(scheme()) ? 443 : 80;
    }
}
