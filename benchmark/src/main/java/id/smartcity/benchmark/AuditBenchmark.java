package id.smartcity.benchmark;

import id.smartcity.ledger.audit.AuditLog;
import id.smartcity.ledger.audit.Verification;
import id.smartcity.ledger.eventstore.MongoEventStorageEngine;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Verify (hash chain and Merkle tree) and export over a synthetic ledger of N events, with the processors stopped so
 * that nothing else competes. Prints events per second and the heap used.
 */
public final class AuditBenchmark {
    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String backend = args.length > 1 ? args[1] : "MEMORY";
        Path dataDir = Ledgers.freshDataDir("ledger-audit");
        try (ConfigurableApplicationContext app = Ledgers.start(backend, dataDir)) {
            app.getBean(EventProcessingConfiguration.class).eventProcessors().values()
                    .forEach(EventProcessor::shutDown);
            MongoEventStorageEngine store = app.getBean(MongoEventStorageEngine.class);
            long start = System.nanoTime();
            RebuildBenchmark.append(store, events);
            report("append", store.headPosition(), start);

            AuditLog audit = app.getBean(AuditLog.class);
            for (int round = 1; round <= 2; round++) {
                start = System.nanoTime();
                Verification verification = audit.verify(null, position -> { });
                report("verify (round " + round + ", " + (verification.ok() ? "OK" : "BROKEN") + ")",
                        verification.verified(), start);
                start = System.nanoTime();
                CountingWriter sink = new CountingWriter();
                long exported = audit.export(1, sink, position -> { });
                report("export (round " + round + ", " + (sink.characters >> 20) + " MB of NDJSON)", exported, start);
            }
        }
    }

    private static void report(String what, long events, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "%-40s %,d events in %.1f s: %,.0f events/s (heap used %d MB)%n", what, events,
                seconds, events / seconds, (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }

    /** Counts what an export writes, as a file would receive it. */
    private static final class CountingWriter extends Writer {
        long characters;

        @Override
        public void write(char[] buffer, int offset, int length) {
            characters += length;
        }

        @Override
        public void write(String text) {
            characters += text.length();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
