package id.smartcity.eventstore.conformance;

import com.mongodb.client.MongoDatabase;
import id.smartcity.eventstore.testing.EmbeddedMongo;
import org.junit.jupiter.api.AfterEach;

/** The conformance cases on the embedded server (mongo-java-server), the ledger's default. */
class EmbeddedServerConformanceTest extends EventStorageEngineConformance {
    private final EmbeddedMongo mongo = new EmbeddedMongo();

    @Override
    protected MongoDatabase emptyDatabase() {
        return mongo.database();
    }

    @AfterEach
    void stopServer() {
        mongo.close();
    }
}
