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
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * The peer's read model: one row per region in a JDBC table, written by the tracking processor in its batch's
 * transaction (the token commits with the rows). It counts the events each row was built from, so that a replay can
 * be checked to have applied every event once.
 */
@ProcessingGroup(RegionTable.PROCESSOR)
public final class RegionTable {
    static final String PROCESSOR = "regions";
    private static final String TABLE = "peer_region";

    private final ConnectionProvider connections;

    public RegionTable(ConnectionProvider connections) {
        this.connections = connections;
    }

    void createTable() throws SQLException {
        update("CREATE TABLE IF NOT EXISTS " + TABLE + " (code VARCHAR(20) NOT NULL PRIMARY KEY, name VARCHAR(200),"
                + " cohort_year INTEGER, selected_on DATE, mou_signed_on DATE, mentors INTEGER NOT NULL,"
                + " masterplan_submitted_on DATE, masterplan_revision INTEGER NOT NULL, events INTEGER NOT NULL)");
    }

    @EventHandler
    void on(RegionSelected event) throws SQLException {
        update("INSERT INTO " + TABLE + " (code, name, cohort_year, selected_on, mentors, masterplan_revision, events)"
                + " VALUES (?, ?, ?, ?, 0, 0, 1)", event.code(), event.name(), event.cohortYear(), event.selectedOn());
    }

    @EventHandler
    void on(MoUSigned event) throws SQLException {
        region("mou_signed_on = ?", event.code(), event.signedOn());
    }

    @EventHandler
    void on(MentorAssigned event) throws SQLException {
        region("mentors = mentors + 1", event.code());
    }

    @EventHandler
    void on(MasterplanSubmitted event) throws SQLException {
        region("masterplan_submitted_on = ?", event.code(), event.submittedOn());
    }

    @EventHandler
    void on(MasterplanRevised event) throws SQLException {
        region("masterplan_revision = ?", event.code(), event.revision());
    }

    @ResetHandler
    void reset() throws SQLException {
        update("DELETE FROM " + TABLE);
    }

    /** Events applied to the table, summed over its rows. */
    public long events() throws SQLException {
        try (Connection connection = connections.getConnection(); Statement statement = connection.createStatement();
             ResultSet answer = statement.executeQuery("SELECT COALESCE(SUM(events), 0) FROM " + TABLE)) {
            answer.next();
            return answer.getLong(1);
        }
    }

    private void region(String change, String code, Object... values) throws SQLException {
        Object[] parameters = new Object[values.length + 1];
        System.arraycopy(values, 0, parameters, 0, values.length);
        parameters[values.length] = code;
        if (update("UPDATE " + TABLE + " SET " + change + ", events = events + 1 WHERE code = ?", parameters) != 1) {
            throw new IllegalStateException("No row for region " + code + ": an event came before its selection");
        }
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
