package id.smartcity.app.security;

import id.smartcity.app.files.OwnerOnly;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import id.smartcity.app.startup.DataFolderNotWritableException;
import id.smartcity.app.startup.PasswordHashNotBcryptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Builds the users from configuration; generates (and keeps) a password for each user configured without one. */
final class LedgerUsers {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerUsers.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** What BCryptPasswordEncoder accepts: version, cost, then 22 characters of salt and 31 of hash. */
    private static final Pattern BCRYPT = Pattern.compile("(\\{bcrypt})?\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    private LedgerUsers() {
    }

    static List<UserDetails> from(SecurityProperties properties) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        Map<String, String> generated = null;
        List<UserDetails> users = new ArrayList<>();
        List<String> withoutHash = new ArrayList<>();
        for (Map.Entry<String, SecurityProperties.User> entry : new TreeMap<>(properties.users()).entrySet()) {
            String name = entry.getKey();
            String hash = entry.getValue().passwordHash();
            if (hash != null && !hash.isBlank() && !BCRYPT.matcher(hash).matches()) {
                throw new PasswordHashNotBcryptException(name);
            }
            if (hash == null || hash.isBlank()) {
                if (generated == null) {
                    generated = load(properties.generatedCredentials());
                }
                String password = generated.computeIfAbsent(name, key -> newPassword());
                withoutHash.add(name);
                hash = bcrypt.encode(password);
            }
            users.add(User.withUsername(name)
                    .password(hash.startsWith("{bcrypt}") ? hash : "{bcrypt}" + hash)
                    .roles(entry.getValue().roles().stream().map(Enum::name).toArray(String[]::new))
                    .build());
        }
        if (generated != null) {
            store(properties.generatedCredentials(), generated);
            LOG.warn("Users without a configured password hash got generated passwords, kept in {} (owner-only). "
                    + "In production set LEDGER_<USER>_PASSWORD_HASH to a bcrypt hash (`java -jar "
                    + "smartcity-ledger-exec.jar hash-password`) for {}.",
                    properties.generatedCredentials().toAbsolutePath().normalize(), String.join(", ",
                            withoutHash));
        }
        return users;
    }

    private static String newPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, String> load(Path file) {
        Map<String, String> credentials = new TreeMap<>();
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            properties.stringPropertyNames().forEach(name -> credentials.put(name, properties.getProperty(name)));
        }
        return credentials;
    }

    /**
     * Written to a new file that is owner-only from its creation, then moved over the old one: the passwords are
     * never in a file another local user may read, whatever mode an older file had.
     */
    private static void store(Path file, Map<String, String> credentials) {
        Properties properties = new Properties();
        properties.putAll(credentials);
        try {
            Path parent = OwnerOnly.folder(file.toAbsolutePath().getParent(),
                    entry -> entry.getFileName().toString().startsWith(file.getFileName().toString()));
            Path written = OwnerOnly.temporaryFile(parent, file.getFileName().toString());
            try {
                try (Writer writer = Files.newBufferedWriter(written)) {
                    properties.store(writer, "Generated passwords of the Smart City ledger (development only)");
                }
                Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(written);
            }
        } catch (IOException e) {
            throw new DataFolderNotWritableException(file.toAbsolutePath().normalize().getParent(), e);
        }
    }
}
