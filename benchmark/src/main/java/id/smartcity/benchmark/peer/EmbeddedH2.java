package id.smartcity.benchmark.peer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Embedded H2 in file mode, in a folder of its own. {@code WRITE_DELAY=0} makes H2 write its store out at every
 * commit, the same call the ledger's embedded H2 backend makes before it acknowledges (MVStore.commit, no fsync);
 * H2's default would acknowledge commits it writes up to half a second later, a promise the ledger does not make.
 */
public final class EmbeddedH2 implements PeerDatabase {
    private final Path folder;
    private final JdbcConnectionPool pool;

    private EmbeddedH2(Path folder, JdbcConnectionPool pool) {
        this.folder = folder;
        this.pool = pool;
    }

    public static EmbeddedH2 create(Path folder, int connections) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + folder.resolve("peer").toAbsolutePath()
                + ";WRITE_DELAY=0", "sa", "");
        pool.setMaxConnections(connections);
        return new EmbeddedH2(folder, pool);
    }

    @Override
    public String name() {
        return "axon-jdbc-h2";
    }

    /** The version and the write delay as the database itself reports them. */
    @Override
    public String describe() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet answer = statement.executeQuery("SELECT H2VERSION(), (SELECT MAX(SETTING_VALUE) FROM"
                     + " INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY')")) {
            answer.next();
            return "H2 " + answer.getString(1) + ", file, WRITE_DELAY=" + answer.getString(2);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public EventTableFactory eventTables() {
        return H2EventTableFactory.INSTANCE;
    }

    @Override
    public TokenTableFactory tokenTables() {
        return GenericTokenTableFactory.INSTANCE;
    }

    @Override
    public void close() {
        // With its last connection closed, H2 closes the database and writes it out.
        pool.dispose();
        delete(folder);
    }

    static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
