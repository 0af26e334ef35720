package id.smartcity.app.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version the build recorded (spring-boot-maven-plugin's build-info) and the commit it was built from
 * (git-commit-id-maven-plugin), read without Spring: the command line's --version needs no server.
 *
 * @param version the project's version; "unknown" in a build that recorded none (an IDE's)
 * @param commit  the abbreviated commit, with "-dirty" when the work tree had changes; null when built without git
 */
public record LedgerVersion(String version, String commit) {

    public static LedgerVersion current() {
        Properties build = load("META-INF/build-info.properties");
        Properties git = load("git.properties");
        String commit = git.getProperty("git.commit.id.abbrev");
        if (commit != null && Boolean.parseBoolean(git.getProperty("git.dirty"))) {
            commit += "-dirty";
        }
        return new LedgerVersion(build.getProperty("build.version", "unknown"), commit);
    }

    /** "0.1.0 (commit 1a2b3c4)", or the version alone. */
    @Override
    public String toString() {
        return version + (commit == null ? "" : " (commit " + commit + ")");
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = LedgerVersion.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        return properties;
    }
}
