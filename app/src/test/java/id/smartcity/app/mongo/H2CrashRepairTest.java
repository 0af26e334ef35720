package id.smartcity.app.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state the issue found in folders killed under H2's background commit: a document in the data map whose index
 * entries (all, or some) never reached disk. Made here by removing index entries from a healthy file.
 */
class H2CrashRepairTest {
    @TempDir
    Path dataDir;

    @Test
    void completesADocumentThatACrashLeftWithoutAnyIndexEntry() {
        writeFourEventsThenCutTheLastOutOf("_id_", "eventId_unique");
        assertThat(insertFourthAgainTheOldWay()).as("the failure the issue reports").contains("already existed");

        EmbeddedMongoServer server = EmbeddedMongoServer.start(properties(false));
        try (MongoClient client = MongoClients.create(server.connectionString("smartcity"))) {
            MongoCollection<Document> events = client.getDatabase("smartcity").getCollection("events");

            assertThat(events.countDocuments()).isEqualTo(4);
            assertThat(events.find(Filters.eq("eventId", "e4")).first()).isNotNull().extracting(d -> d.get("_id"))
                    .isEqualTo(4L);
            assertThatThrownBy(() -> events.insertOne(new Document("_id", 4L).append("eventId", "e4")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            events.insertOne(new Document("_id", 5L).append("eventId", "e5"));
            assertThat(events.countDocuments()).isEqualTo(5);
        } finally {
            server.close();
        }
        assertNothingToRepair();
    }

    @Test
    void completesADocumentThatReachedSomeOfItsIndexesOnly() {
        writeFourEventsThenCutTheLastOutOf("eventId_unique");

        EmbeddedMongoServer server = EmbeddedMongoServer.start(properties(false));
        try (MongoClient client = MongoClients.create(server.connectionString("smartcity"))) {
            MongoCollection<Document> events = client.getDatabase("smartcity").getCollection("events");

            assertThat(events.find(Filters.eq("eventId", "e4")).first()).isNotNull();
            assertThatThrownBy(() -> events.insertOne(new Document("_id", 9L).append("eventId", "e4")))
                    .as("the unique index holds the completed document").isInstanceOf(MongoWriteException.class);
        } finally {
            server.close();
        }
    }

    @Test
    void leavesAHealthyFolderAlone() {
        writeFourEventsThenCutTheLastOutOf();

        assertNothingToRepair();
    }

    @Test
    void refusesToStartOnDamageThatCannotBeCompletedAndSaysWhatToDo() {
        writeFourEventsThenCutTheLastOutOf("_id_", "eventId_unique");
        // The unique index gives the cut-off document's key to another document: no crash leaves that.
        MVStore store = openRaw();
        store.openMap("smartcity.events._index_eventId_unique").put(new KeyValue("e4"), 3L);
        store.commit();
        store.close();

        assertThatThrownBy(() -> EmbeddedMongoServer.start(properties(false)))
                .isInstanceOf(EmbeddedStoreDamagedException.class)
                .hasMessageContaining("smartcity.events: the document 4 cannot be put back into index eventId_unique,"
                        + " which gives its key to the document 3");
        EmbeddedMongoServer salvage = EmbeddedMongoServer.start(properties(true));
        try (MongoClient client = MongoClients.create(salvage.connectionString("smartcity"))) {
            assertThat(client.getDatabase("smartcity").getCollection("events").find().into(new java.util.ArrayList<>()))
                    .as("opened with what could be completed, to read what it holds").hasSize(4);
            assertThat(client.getDatabase("smartcity").getCollection("events").find(Filters.eq("_id", 4L)).first())
                    .as("found through its _id index, which could be completed").isNotNull();
        } finally {
            salvage.close();
        }
    }

    /** Four documents with a unique index, then the fourth's entries removed from the named index maps. */
    private void writeFourEventsThenCutTheLastOutOf(String... indexes) {
        H2Backend backend = new H2Backend(file());
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> events = client.getDatabase("smartcity").getCollection("events");
            events.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true).name("eventId_unique"));
            for (long position = 1; position <= 4; position++) {
                events.insertOne(new Document("_id", position).append("eventId", "e" + position));
            }
        } finally {
            server.shutdown();
        }
        MVStore store = openRaw();
        for (String index : indexes) {
            MVMap<Object, Object> map = store.openMap("smartcity.events._index_" + index);
            List<Object> entries = map.entrySet().stream().filter(entry -> entry.getValue().equals(4L))
                    .map(java.util.Map.Entry::getKey).toList();
            assertThat(entries).hasSize(1);
            entries.forEach(map::remove);
        }
        store.commit();
        store.close();
    }

    private void assertNothingToRepair() {
        MVStore store = openRaw();
        try {
            assertThat(H2CrashRepair.find(store)).isEmpty();
        } finally {
            store.close();
        }
    }

    private String insertFourthAgainTheOldWay() {
        H2Backend backend = new H2Backend(file());
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            client.getDatabase("smartcity").getCollection("events")
                    .insertOne(new Document("_id", 4L).append("eventId", "e4"));
            return "inserted";
        } catch (RuntimeException e) {
            return e.getMessage();
        } finally {
            server.shutdownNow();
        }
    }

    private MVStore openRaw() {
        return new MVStore.Builder().fileName(file()).open();
    }

    private String file() {
        return dataDir.resolve("ledger.mv").toString();
    }

    private EmbeddedMongoProperties properties(boolean openDamaged) {
        return new EmbeddedMongoProperties(EmbeddedMongoProperties.Backend.H2, dataDir, "127.0.0.1", 0, "smartcity",
                Duration.ofMinutes(30), Duration.ofSeconds(1), openDamaged, true, null);
    }
}
