package id.smartcity.eventstore.conformance;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The conformance cases on MongoDB 7, where a Docker engine runs (skipped where none does, as on CI here). */
@Testcontainers(disabledWithoutDocker = true)
class MongoDb7ConformanceTest extends EventStorageEngineConformance {
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7");

    private MongoClient client;

    @Override
    protected MongoDatabase emptyDatabase() {
        if (client == null) {
            client = MongoClients.create(MONGO.getConnectionString());
        }
        // A database of its own per case: the cases must not see each other's events.
        return client.getDatabase("conformance-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }
}
