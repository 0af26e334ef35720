package id.smartcity.benchmark.peer;

import javax.sql.DataSource;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;

/** A database the peer application runs on, with Axon's schema factories for it; closing it throws it away. */
public interface PeerDatabase extends AutoCloseable {
    /** The peer's name in the table, for example {@code axon-jdbc-h2}. */
    String name();

    /** The database and how durable a commit is on it, for the notes of the table. */
    String describe();

    DataSource dataSource();

    EventTableFactory eventTables();

    TokenTableFactory tokenTables();

    @Override
    void close();
}
