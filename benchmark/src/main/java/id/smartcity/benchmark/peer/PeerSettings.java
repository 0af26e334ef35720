package id.smartcity.benchmark.peer;

import java.time.Duration;

/**
 * How the peer application is set up. The defaults are the ledger's own (application.yml): the store reads pages of
 * 1,000 events and the tracking processor handles batches of 1,000 in one segment, so that a difference in the table
 * is the engines', not a tuning left out on one side.
 *
 * @param readBatch        events the JDBC storage engine reads per query (Axon's default is 100)
 * @param processorBatch   events the tracking processor handles per transaction (Axon's default is 1)
 * @param connections      connections in the pool: 16 clients, the processor and the store's own reader
 * @param catchUpTimeout   how long a replay may take before it is given up as stuck
 */
public record PeerSettings(int readBatch, int processorBatch, int connections, Duration catchUpTimeout) {
    public static PeerSettings likeTheLedger() {
        return new PeerSettings(1000, 1000, 24, Duration.ofHours(1));
    }
}
