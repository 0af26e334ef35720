package id.smartcity.benchmark;

import id.smartcity.benchmark.peer.EmbeddedH2;
import id.smartcity.benchmark.peer.PeerApplication;
import id.smartcity.benchmark.peer.PeerDatabase;
import id.smartcity.benchmark.peer.PeerSettings;
import id.smartcity.benchmark.peer.PostgresCluster;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A peer measured as the ledger is, in the same run: the gateway appends of {@link AppendBenchmark} (1 and 16
 * clients, the same commands), then the same synthetic log ({@link SyntheticLog}) appended to each scale, a raw read of
 * its event table as the ceiling, and a rebuild of its read model from the start of the log.
 */
final class PeerBenchmark {
    private final Consumer<BenchmarkSuite.Row> rows;
    private final PeerSettings settings = PeerSettings.likeTheLedger();

    PeerBenchmark(Consumer<BenchmarkSuite.Row> rows) {
        this.rows = rows;
    }

    /** {@code name}: {@code h2} or {@code postgresql}; without PostgreSQL installed, a row says it was skipped. */
    void run(String name, List<Integer> scales, int regions, boolean append, boolean replay) throws Exception {
        PeerDatabase database = switch (name) {
            case "h2" -> EmbeddedH2.create(Ledgers.freshDataDir("peer-h2"), settings.connections());
            case "postgresql" -> PostgresCluster.binaries().isPresent()
                    ? PostgresCluster.start(settings.connections()) : null;
            default -> throw new IllegalArgumentException("no peer " + name + ": h2 or postgresql");
        };
        if (database == null) {
            rows.accept(new BenchmarkSuite.Row("peer: axon-jdbc-postgresql", "skipped: PostgreSQL not installed"
                    + " (initdb and pg_ctl are not on the PATH)", "", Double.NaN, "", null, null, "", ""));
            return;
        }
        try (database; PeerApplication peer = PeerApplication.start(database, settings)) {
            String label = "peer: " + database.name();
            String described = database.describe();
            System.out.println(label + " on " + described);
            if (append) {
                for (AppendBenchmark.Result result : new AppendBenchmark().runGateway(peer.commandGateway(),
                        regions)) {
                    rows.accept(new BenchmarkSuite.Row(label, "append, gateway, " + result.clients() + " client"
                            + (result.clients() == 1 ? "" : "s"), result.commands() + " commands",
                            result.perSecond(), "commands/s", null, null, "", String.format(Locale.ROOT,
                            "p50 %.1f ms, p99 %.1f ms; %s", result.p50(), result.p99(), described)));
                }
            }
            peer.stopProjection();
            long synthetic = 0;
            for (int scale : scales) {
                long missing = scale - peer.storedEvents();
                if (missing > 0) {
                    long start = System.nanoTime();
                    SyntheticLog.append(peer.storageEngine(), missing, synthetic);
                    synthetic += missing;
                    record(label, "fill (engine appends, commits of 1,000)", scale, missing / seconds(start),
                            "events/s", null, null, "");
                }
                double rawRead = peer.rawRead();
                record(label, "raw read of the event table (ceiling)", scale, rawRead, "rows/s", null, null, "");
                if (replay) {
                    long events = peer.storedEvents();
                    HeapWatch heap = HeapWatch.start();
                    long start = System.nanoTime();
                    peer.replay();
                    record(label, "replay: reset the tracking processor (one read model, a JDBC table)", scale,
                            events / seconds(start), "events/s", rawRead, "rows/s (raw read)", heap.stop() + "; "
                                    + described);
                }
                peer.stopProjection();
            }
        }
    }

    private void record(String label, String figure, int scale, double value, String unit, Double ceiling,
                        String ceilingUnit, String notes) {
        rows.accept(new BenchmarkSuite.Row(label, figure, String.format(Locale.ROOT, "%,d events", scale), value,
                unit, ceiling, ceilingUnit, "", notes));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
