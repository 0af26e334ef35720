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
 */
@ConfigurationProperties("ledger.security")
public record SecurityProperties(Map<String, User> users,
                                 @DefaultValue("./data/generated-credentials.properties") Path generatedCredentials) {

    public SecurityProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
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

    public enum Role { OPERATOR, REPORTER, AUDITOR, ADMIN }
}
