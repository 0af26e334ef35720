package id.smartcity.app.startup;

import com.mongodb.ConnectionString;
import id.smartcity.app.mongo.EmbeddedMongoProperties;
import id.smartcity.app.mongo.EmbeddedMongoServer;
import id.smartcity.app.security.SecurityProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The last line of a start-up, the one an operator looks for: the version, where the ledger listens, where its data
 * and generated passwords are, and which MongoDB it uses (never the URI's credentials).
 */
@Component
@ConditionalOnWebApplication
class StartUpSummary implements ApplicationListener<ApplicationReadyEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(StartUpSummary.class);
    private final ObjectProvider<EmbeddedMongoServer> embedded;
    private final EmbeddedMongoProperties embeddedProperties;
    private final MongoConnectionDetails mongo;
    private final SecurityProperties security;
    private final Environment environment;

    StartUpSummary(ObjectProvider<EmbeddedMongoServer> embedded, EmbeddedMongoProperties embeddedProperties,
                   MongoConnectionDetails mongo, SecurityProperties security, Environment environment) {
        this.embedded = embedded;
        this.embeddedProperties = embeddedProperties;
        this.mongo = mongo;
        this.security = security;
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : -1;
        String host = environment.getProperty("server.address", "localhost");
        List<String> where = new ArrayList<>();
        EmbeddedMongoServer server = embedded.getIfAvailable();
        if (server != null && embeddedProperties.backend() == EmbeddedMongoProperties.Backend.H2) {
            where.add("data in " + absolute(embeddedProperties.dataDir()));
        }
        boolean generated = security.mode() == SecurityProperties.Mode.BASIC && security.users().values().stream()
                .anyMatch(user -> user.passwordHash() == null || user.passwordHash().isBlank());
        if (generated) {
            where.add("generated passwords in " + absolute(security.generatedCredentials()));
        }
        ConnectionString uri = mongo.getConnectionString();
        String database = uri.getDatabase() == null ? "" : "/" + uri.getDatabase();
        where.add("MongoDB: " + (server != null ? "embedded (" + server.describe() + ") on " : "")
                + "mongodb://" + String.join(",", uri.getHosts()) + database
                + (uri.getRequiredReplicaSetName() == null ? ""
                : " (replica set " + uri.getRequiredReplicaSetName() + ")"));
        LOG.info("Smart City ledger {} started in {} s: http://{}:{}/ ; {}", LedgerVersion.current(),
                event.getTimeTaken() == null ? "?" : String.format("%.1f", event.getTimeTaken().toMillis() / 1000.0),
                host, port, String.join("; ", where));
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
