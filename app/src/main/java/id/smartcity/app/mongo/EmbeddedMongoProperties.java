package id.smartcity.app.mongo;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The in-process MongoDB used when no MongoDB URI is configured.
 *
 * @param backend  H2 keeps the data in {@code dataDir} across restarts; MEMORY forgets it (tests)
 * @param dataDir  where the H2 backend keeps its file
 * @param host     the address it listens on
 * @param port     its port; 0 picks a free one
 * @param database the database the ledger uses
 * @param h2Retention how long the H2 file keeps pages that a newer version replaced: the longest a single read of the
 *                    store may take (a scan of 1,000,000 events failed with "Chunk not found" at H2's 45 s)
 * @param h2CommitInterval how often what the event store did not commit itself (read models, tokens) is committed to
 *                         the H2 file: H2's own background commit is off (ADR 3)
 * @param openDamaged open a file whose start-up check finds damage no crash leaves, with what could be repaired, to
 *                    read what it holds (the command line's verify, digest and export: a salvage path), instead of
 *                    refusing to start
 * @param h2CompactOnStart at start-up, rewrite the H2 file with only its live pages when most of it is pages that
 *                         newer versions replaced (ADR 3)
 * @param h2CacheSize how much of the H2 file's pages the store keeps decoded in the heap; when not set, an eighth of
 *                    the maximum heap and at least H2's own default, 16 MB (ADR 11 has what each size measured)
 */
@ConfigurationProperties("ledger.mongo.embedded")
public record EmbeddedMongoProperties(@DefaultValue("H2") Backend backend, @DefaultValue("./data") Path dataDir,
                                      @DefaultValue("127.0.0.1") String host, @DefaultValue("0") int port,
                                      @DefaultValue("smartcity") String database,
                                      @DefaultValue("30m") Duration h2Retention,
                                      @DefaultValue("1s") Duration h2CommitInterval,
                                      @DefaultValue("false") boolean openDamaged,
                                      @DefaultValue("true") boolean h2CompactOnStart,
                                      DataSize h2CacheSize) {
    public enum Backend { H2, MEMORY }

    public EmbeddedMongoProperties {
        if (h2CacheSize != null && h2CacheSize.toBytes() <= 0) {
            throw new IllegalArgumentException("ledger.mongo.embedded.h2-cache-size (LEDGER_H2_CACHE_SIZE) must be a"
                    + " positive size such as 512MB, or unset for an eighth of the heap; it is " + h2CacheSize);
        }
    }

    /**
     * The H2 cache in megabytes: as set, but at most half the maximum heap (the cache lives there and H2's size is an
     * estimate), or an eighth of the maximum heap; never less than H2's own 16.
     */
    public int h2CacheMegabytes() {
        long heap = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        long megabytes = h2CacheSize != null ? Math.min(h2CacheSize.toMegabytes(), heap / 2) : heap / 8;
        return (int) Math.max(16, Math.min(Integer.MAX_VALUE, megabytes));
    }
}
