package id.smartcity.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, row 13: the generated passwords are in a file only its owner may read, new or rewritten. */
class LedgerUsersTest {
    @TempDir
    Path folder;

    private static SecurityProperties properties(Path file, String... users) {
        Map<String, SecurityProperties.User> configured = new java.util.HashMap<>();
        for (String user : users) {
            configured.put(user, new SecurityProperties.User(null, List.of(SecurityProperties.Role.REPORTER)));
        }
        return new SecurityProperties(SecurityProperties.Mode.BASIC, configured, file,
                new SecurityProperties.Jwt(null, null, "roles", Duration.ofHours(1)),
                new SecurityProperties.Throttle(10, 50, Duration.ofMinutes(1), 10_000));
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void theGeneratedCredentialsFileIsOwnerOnlyWhenNewAndAfterARestartRewritesIt() throws IOException {
        Path file = folder.resolve("data").resolve("generated-credentials.properties");
        LedgerUsers.from(properties(file, "reporter"));
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(file.getParent())).isEqualTo("rwx------");
        String first = Files.readString(file);
        assertThat(first).contains("reporter=");

        // An older version (or a copy) left it readable by all; the next start rewrites it with a new user.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        LedgerUsers.from(properties(file, "reporter", "auditor"));
        assertThat(mode(file)).isEqualTo("rw-------");
        String second = Files.readString(file);
        assertThat(second).contains("auditor=").contains(first.lines().filter(l -> l.startsWith("reporter="))
                .findFirst().orElseThrow());
        try (var left = Files.list(file.getParent())) {
            assertThat(left).as("no temporary file left behind").hasSize(1);
        }
    }
}
