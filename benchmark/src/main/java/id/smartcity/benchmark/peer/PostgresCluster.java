package id.smartcity.benchmark.peer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * A throwaway PostgreSQL cluster of the installed server (Debian's {@code initdb} and {@code pg_ctl} on the PATH):
 * made in a folder of its own, listening on a free loopback port only, with the server's defaults (fsync and
 * synchronous commit on); stopped and deleted on close, or when the JVM exits before that. Run as root, the cluster
 * belongs to the {@code postgres} user, since PostgreSQL refuses to run as root.
 */
public final class PostgresCluster implements PeerDatabase {
    private final Path folder;
    private final Path data;
    private final List<String> asOwner;
    private final Path binaries;
    private final JdbcConnectionPool pool;
    private final Thread stopAtExit;

    private PostgresCluster(Path folder, List<String> asOwner, Path binaries, JdbcConnectionPool pool) {
        this.folder = folder;
        this.data = folder.resolve("data");
        this.asOwner = asOwner;
        this.binaries = binaries;
        this.pool = pool;
        this.stopAtExit = new Thread(() -> stop("immediate"), "postgres-cluster-stop");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** The folder holding {@code initdb} and {@code pg_ctl}, if the PATH has one. */
    public static Optional<Path> binaries() {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path folder = Path.of(entry.isEmpty() ? "." : entry);
            if (Files.isExecutable(folder.resolve("initdb")) && Files.isExecutable(folder.resolve("pg_ctl"))) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    /** A new cluster in a new folder of the temporary directory (one the postgres user can reach, run as root). */
    public static PostgresCluster start(int connections) throws IOException, InterruptedException {
        Path binaries = binaries().orElseThrow(() -> new IllegalStateException("initdb and pg_ctl are not on the"
                + " PATH"));
        Path folder = Files.createTempDirectory("peer-postgresql");
        List<String> asOwner = List.of();
        if ("root".equals(System.getProperty("user.name"))) {
            UserPrincipal postgres = folder.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("postgres");
            Files.setOwner(folder, postgres);
            asOwner = List.of(runuser(), "-u", "postgres", "--");
        }
        int port = freePort();
        Path data = folder.resolve("data");
        // --no-sync: the new cluster's files are not flushed by initdb, a throwaway cluster's only saving; the server
        // then runs with its defaults, fsync on.
        run(folder, asOwner, binaries.resolve("initdb").toString(), "-A", "trust", "-U", "ledger", "-E", "UTF8",
                "--no-locale", "--no-sync", "-D", data.toString());
        run(folder, asOwner, binaries.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                folder.resolve("server.log").toString(), "-w", "-t", "120", "start", "-o", "-p " + port + " -k "
                        + folder + " -c listen_addresses=127.0.0.1");
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        source.setServerNames(new String[] {"127.0.0.1"});
        source.setPortNumbers(new int[] {port});
        source.setDatabaseName("postgres");
        source.setUser("ledger");
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(connections);
        return new PostgresCluster(folder, asOwner, binaries, pool);
    }

    @Override
    public String name() {
        return "axon-jdbc-postgresql";
    }

    /** The version and the durability settings as the server reports them. */
    @Override
    public String describe() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet answer = statement.executeQuery("SELECT current_setting('server_version'),"
                     + " current_setting('fsync'), current_setting('synchronous_commit')")) {
            answer.next();
            return "PostgreSQL " + answer.getString(1) + ", fsync " + answer.getString(2) + ", synchronous_commit "
                    + answer.getString(3);
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
        return PostgresEventTableFactory.INSTANCE;
    }

    @Override
    public TokenTableFactory tokenTables() {
        return PostgresTokenTableFactory.INSTANCE;
    }

    @Override
    public void close() {
        pool.dispose();
        stop("fast");
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException e) {
            // the JVM is already exiting: the hook stops nothing that is not already stopped
        }
        EmbeddedH2.delete(folder);
    }

    private void stop(String mode) {
        if (!Files.exists(data.resolve("postmaster.pid"))) {
            return;
        }
        try {
            run(folder, asOwner, binaries.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", mode, "-w",
                    "stop");
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("Stopping the PostgreSQL cluster in " + folder + " failed: " + e);
        }
    }

    private static void run(Path folder, List<String> asOwner, String... command) throws IOException,
            InterruptedException {
        List<String> line = new ArrayList<>(asOwner);
        line.addAll(List.of(command));
        Path log = folder.resolve("commands.log");
        Process process = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", line) + " did not finish in 3 minutes");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed with exit " + process.exitValue()
                    + ": " + tail(log));
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" / ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String runuser() {
        for (String candidate : List.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("running as root, and there is no runuser to start PostgreSQL as postgres");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
