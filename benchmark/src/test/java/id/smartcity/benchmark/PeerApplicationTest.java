package id.smartcity.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.smartcity.api.AssignMentor;
import id.smartcity.api.Pillar;
import id.smartcity.api.RegionKind;
import id.smartcity.api.SelectRegion;
import id.smartcity.api.SignMoU;
import id.smartcity.api.SubmitMasterplan;
import id.smartcity.benchmark.peer.EmbeddedH2;
import id.smartcity.benchmark.peer.PeerApplication;
import id.smartcity.benchmark.peer.PeerDatabase;
import id.smartcity.benchmark.peer.PeerSettings;
import id.smartcity.benchmark.peer.PostgresCluster;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peer the benchmark compares the ledger with does the work it is credited with: a command's event is committed
 * when the gateway returns, a refused command stores nothing, and a replay applies every stored event to its read
 * model once.
 */
class PeerApplicationTest {
    private static final PeerSettings SETTINGS = new PeerSettings(100, 50, 4, Duration.ofMinutes(1));
    private static final int SYNTHETIC = 240;

    @TempDir
    Path folder;

    @Test
    void onEmbeddedH2() throws Exception {
        try (PeerDatabase database = EmbeddedH2.create(folder.resolve("h2"), SETTINGS.connections())) {
            commandsAndReplay(database);
        }
    }

    @Test
    void onPostgreSql() throws Exception {
        assumeTrue(PostgresCluster.binaries().isPresent(), "PostgreSQL is not installed");
        try (PeerDatabase database = PostgresCluster.start(SETTINGS.connections())) {
            commandsAndReplay(database);
        }
    }

    private static void commandsAndReplay(PeerDatabase database) throws Exception {
        try (PeerApplication peer = PeerApplication.start(database, SETTINGS)) {
            CommandGateway gateway = peer.commandGateway();
            String code = "32.73";
            List<Object> commands = List.of(
                    new SelectRegion(code, "Kota Bandung", RegionKind.CITY, 2019, LocalDate.of(2019, 2, 22), null),
                    new SignMoU(code, 2019, LocalDate.of(2019, 5, 15), "Jakarta", false, List.of("Wali Kota"),
                            List.of("masterplan guidance")),
                    new AssignMentor(code, 2019, "ITB", List.of("Mentor A"), LocalDate.of(2019, 6, 1)),
                    new AssignMentor(code, 2019, "Universitas Padjadjaran", List.of("Mentor B"),
                            LocalDate.of(2019, 6, 2)),
                    new SubmitMasterplan(code, 2019, LocalDate.of(2019, 11, 1), 10, List.of(Pillar.GOVERNANCE),
                            List.of("public wifi"), "3f".repeat(32)));
            for (int i = 0; i < commands.size(); i++) {
                gateway.sendAndWait(commands.get(i));
                assertThat(committedEventsOf(database, code)).as("committed when the gateway returned")
                        .isEqualTo(i + 1);
            }
            assertThatThrownBy(() -> gateway.sendAndWait(commands.get(1))).hasMessageContaining("MoU already");
            assertThat(committedEventsOf(database, code)).as("a refused command stores nothing").isEqualTo(5);

            peer.stopProjection();
            SyntheticLog.append(peer.storageEngine(), SYNTHETIC, 0);
            assertThat(peer.storedEvents()).isEqualTo(5 + SYNTHETIC);
            peer.replay();
            assertThat(peer.projectedEvents()).as("every event applied once").isEqualTo(5 + SYNTHETIC);
            peer.replay();
            assertThat(peer.projectedEvents()).as("again after a second reset").isEqualTo(5 + SYNTHETIC);
            assertThat(peer.rawRead()).isPositive();
        }
    }

    /** Read on a connection of its own: what another client of the database sees. */
    private static long committedEventsOf(PeerDatabase database, String code) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?")) {
            statement.setString(1, code);
            try (ResultSet answer = statement.executeQuery()) {
                answer.next();
                return answer.getLong(1);
            }
        }
    }
}
