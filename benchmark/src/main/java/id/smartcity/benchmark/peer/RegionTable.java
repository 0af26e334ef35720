package id.smartcity.benchmark.peer;

import id.smartcity.api.MasterplanRevised;
import id.smartcity.api.MasterplanSubmitted;
import id.smartcity.api.MentorAssigned;
import id.smartcity.api.MoUSigned;
import id.smartcity.api.RegionSelected;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The peer's read model: one row per region in a JDBC table. Each event handler adds its statement to a JDBC batch,
 * written once per processor batch, in that batch's transaction (the token commits with the rows), as the ledger
 * writes its read models once per batch: one round trip per statement kind, not one per event. It counts the events
 * each row was built from, so that a replay can be checked to have applied every event once.
 */
@ProcessingGroup(RegionTable.PROCESSOR)
public final class RegionTable {
    static final String PROCESSOR = "regions";
    private static final String TABLE = "peer_region";
    private static final String PENDING = RegionTable.class.getName() + ".pending";
    /** In this order, so that a region's row exists before the batch's updates to it. */
    private static final String INSERT = "INSERT INTO " + TABLE + " (code, name, cohort_year, selected_on, mentors,"
            + " masterplan_revision, events) VALUES (?, ?, ?, ?, 0, 0, 1)";
    private static final List<String> STATEMENTS = List.of(INSERT, update("mou_signed_on = ?"),
            update("mentors = mentors + 1"), update("masterplan_submitted_on = ?"), update("masterplan_revision = ?"));

    private final ConnectionProvider connections;

    public RegionTable(ConnectionProvider connections) {
        this.connections = connections;
    }

    private static String update(String change) {
        return "UPDATE " + TABLE + " SET " + change + ", events = events + 1 WHERE code = ?";
    }

    void createTable() throws SQLException {
        execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (code VARCHAR(20) NOT NULL PRIMARY KEY,"
                + " name VARCHAR(200), cohort_year INTEGER, selected_on DATE, mou_signed_on DATE,"
                + " mentors INTEGER NOT NULL, masterplan_submitted_on DATE, masterplan_revision INTEGER NOT NULL,"
                + " events INTEGER NOT NULL)");
    }

    @EventHandler
    void on(RegionSelected event) {
        pending().add(INSERT, event.code(), event.name(), event.cohortYear(), event.selectedOn());
    }

    @EventHandler
    void on(MoUSigned event) {
        pending().add(STATEMENTS.get(1), event.signedOn(), event.code());
    }

    @EventHandler
    void on(MentorAssigned event) {
        pending().add(STATEMENTS.get(2), event.code());
    }

    @EventHandler
    void on(MasterplanSubmitted event) {
        pending().add(STATEMENTS.get(3), event.submittedOn(), event.code());
    }

    @EventHandler
    void on(MasterplanRevised event) {
        pending().add(STATEMENTS.get(4), event.revision(), event.code());
    }

    @ResetHandler
    void reset() throws SQLException {
        execute("DELETE FROM " + TABLE);
    }

    /** Events applied to the table, summed over its rows. */
    public long events() throws SQLException {
        try (Connection connection = connections.getConnection(); Statement statement = connection.createStatement();
             ResultSet answer = statement.executeQuery("SELECT COALESCE(SUM(events), 0) FROM " + TABLE)) {
            answer.next();
            return answer.getLong(1);
        }
    }

    /** The statements of the processor's batch in progress, written when its unit of work prepares to commit. */
    private Pending pending() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            Pending pending = new Pending();
            batch.onPrepareCommit(unitOfWork -> pending.write());
            return pending;
        });
    }

    private final class Pending {
        private final Map<String, List<Object[]>> rows = new HashMap<>();

        void add(String sql, Object... parameters) {
            rows.computeIfAbsent(sql, key -> new ArrayList<>()).add(parameters);
        }

        void write() {
            try (Connection connection = connections.getConnection()) {
                for (String sql : STATEMENTS) {
                    List<Object[]> batch = rows.get(sql);
                    if (batch != null) {
                        write(connection, sql, batch);
                    }
                }
            } catch (SQLException e) {
                throw new JdbcException("Could not write the read model", e);
            }
        }

        private void write(Connection connection, String sql, List<Object[]> batch) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Object[] parameters : batch) {
                    for (int i = 0; i < parameters.length; i++) {
                        statement.setObject(i + 1, parameters[i]);
                    }
                    statement.addBatch();
                }
                for (int count : statement.executeBatch()) {
                    if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
                        throw new IllegalStateException("A row of " + TABLE + " missing or doubled: " + sql);
                    }
                }
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }
}
