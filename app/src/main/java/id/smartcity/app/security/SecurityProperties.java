package id.smartcity.app.security;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the ledger. Passwords appear only as bcrypt hashes; a user without one gets a generated password,
 * written once to {@code generatedCredentials} (readable by the owner only) so that a developer can use it.
 *
 * @param users                users by name
 * @param generatedCredentials where generated passwords are kept across restarts
 * @param signInThrottle       how many failed sign-ins are allowed, per user name and per client address
 */
@ConfigurationProperties("ledger.security")
public record SecurityProperties(@DefaultValue("BASIC") Mode mode, Map<String, User> users,
                                 @DefaultValue("./data/generated-credentials.properties") Path generatedCredentials,
                                 @DefaultValue Jwt jwt, @DefaultValue Throttle signInThrottle) {

    public SecurityProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
    }

    /** BASIC: HTTP Basic against the users here. JWT: an OAuth2 resource server trusting one issuer's tokens. */
    public enum Mode { BASIC, JWT }

    /**
     * @param issuer     the only issuer whose tokens are accepted ({@code iss})
     * @param publicKey  where the issuer's RSA public key is (PEM); without it, the keys are discovered at the issuer
     * @param rolesClaim the claim holding the roles (OPERATOR, REPORTER, AUDITOR, ADMIN)
     * @param maxLifetime the furthest in the future a token's {@code exp} may be: a token without {@code exp}, or
     *                    one valid for longer, is refused, so that a leaked token is worth little for long. The
     *                    audiences accepted are Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.audiences}
     *                    (required in JWT mode)
     */
    public record Jwt(String issuer, org.springframework.core.io.Resource publicKey,
                      @DefaultValue("roles") String rolesClaim,
                      @DefaultValue("1h") java.time.Duration maxLifetime) {
    }

    /**
     * @param passwordHash a bcrypt hash ({@code {bcrypt}$2a$...} or {@code $2a$...}); blank to generate a password
     * @param roles        OPERATOR, REPORTER, AUDITOR, ADMIN
     */
    public record User(String passwordHash, List<Role> roles) {
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /**
     * Failed HTTP Basic sign-ins allowed in each period; beyond them sign-ins are refused (429, Retry-After) without
     * the password being checked. Behind a reverse proxy set {@code server.forward-headers-strategy} so that the client
     * address is the caller's, not the proxy's.
     *
     * @param failuresPerUser    failures of one user name a period
     * @param failuresPerAddress failures from one client address a period (guessing across many names)
     * @param per                the period
     * @param tracked            user names and addresses remembered at most (each, the oldest forgotten first)
     */
    public record Throttle(@DefaultValue("10") int failuresPerUser, @DefaultValue("50") int failuresPerAddress,
                           @DefaultValue("1m") java.time.Duration per, @DefaultValue("10000") int tracked) {
    }

    public enum Role { OPERATOR, REPORTER, AUDITOR, ADMIN }
}
