package id.smartcity.app.mongo;

import com.mongodb.ConnectionString;
import id.smartcity.eventstore.Durability;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * With no MongoDB URI configured (neither {@code MONGODB_URI} nor {@code spring.data.mongodb.uri}), starts the
 * embedded server and points Spring's MongoDB client at it. A URI, or a Testcontainers service connection, wins.
 */
@AutoConfiguration(before = {MongoAutoConfiguration.class, MongoDataAutoConfiguration.class})
@Conditional(NoMongoUriCondition.class)
@ConditionalOnMissingBean(MongoConnectionDetails.class)
@EnableConfigurationProperties(EmbeddedMongoProperties.class)
public class EmbeddedMongoAutoConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMongoServer embeddedMongoServer(EmbeddedMongoProperties properties) {
        return EmbeddedMongoServer.start(properties);
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongoServer server,
                                                          EmbeddedMongoProperties properties) {
        ConnectionString connectionString = new ConnectionString(server.connectionString(properties.database()));
        return () -> connectionString;
    }

    /** The ledger acknowledges a command only after the embedded store has committed it to disk. */
    @Bean
    Durability embeddedMongoDurability(EmbeddedMongoServer server) {
        return server::commit;
    }
}
