package id.smartcity.eventstore.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/** A throwaway in-process MongoDB wire-protocol server (memory backend) and a real driver talking to it. */
public final class EmbeddedMongo implements AutoCloseable {
    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;

    public EmbeddedMongo() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    public MongoDatabase database() {
        return client.getDatabase("ledger");
    }

    /** An event store on this server, with the ledger's serializer. */
    public id.smartcity.eventstore.MongoEventStorageEngine engine() {
        return id.smartcity.eventstore.MongoEventStorageEngine.builder().database(database())
                .eventSerializer(id.smartcity.eventstore.EventSerialization.serializer())
                .snapshotSerializer(id.smartcity.eventstore.EventSerialization.serializer()).build();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
