package id.smartcity.benchmark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringBootVersion;

/** The versions of what is measured, as the jars on the class path say. */
final class Versions {
    private Versions() {
    }

    static String describe() {
        return "Spring Boot " + SpringBootVersion.getVersion()
                + ", Axon Framework " + of("org.axonframework.config.Configuration")
                + ", MongoDB Java driver " + of("com.mongodb.client.MongoClient")
                + ", mongo-java-server " + of("de.bwaldvogel.mongo.MongoServer")
                + ", H2 " + of("org.h2.mvstore.MVStore");
    }

    /** The version in the manifest, or else in the name of the jar the class came from (name-1.2.3.jar). */
    private static String of(String className) {
        try {
            Class<?> type = Class.forName(className);
            String version = type.getPackage().getImplementationVersion();
            if (version != null) {
                return version;
            }
            String location = String.valueOf(type.getProtectionDomain().getCodeSource().getLocation());
            Matcher matcher = JAR_VERSION.matcher(location);
            return matcher.find() ? matcher.group(1) : "(unknown)";
        } catch (ClassNotFoundException | RuntimeException e) {
            return "(unknown)";
        }
    }

    private static final Pattern JAR_VERSION = Pattern.compile("-(\\d+(?:\\.\\d+)+[\\w.-]*?)\\.jar");
}
