package id.smartcity.app.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class EmbeddedMongoPropertiesTest {

    private static EmbeddedMongoProperties withCache(DataSize cache) {
        return new EmbeddedMongoProperties(EmbeddedMongoProperties.Backend.H2, Path.of("data"), "127.0.0.1", 0,
                "smartcity", Duration.ofMinutes(30), Duration.ofSeconds(1), false, true, cache);
    }

    @Test
    void theH2CacheIsAsSetButNeverBelowH2sOwnDefaultNorAboveHalfTheHeap() {
        long heap = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        assertThat(withCache(DataSize.ofMegabytes(heap / 4)).h2CacheMegabytes())
                .isEqualTo((int) Math.max(16, heap / 4));
        assertThat(withCache(DataSize.ofKilobytes(1)).h2CacheMegabytes()).isEqualTo(16);
        assertThat(withCache(DataSize.ofTerabytes(10_000)).h2CacheMegabytes()).isEqualTo((int) Math.max(16, heap / 2));
    }

    @Test
    void aCacheOfNothingOrLessIsRefusedAndOneByteIsAccepted() {
        for (DataSize refused : new DataSize[] {DataSize.ofBytes(0), DataSize.ofMegabytes(-5)}) {
            assertThatThrownBy(() -> withCache(refused)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("LEDGER_H2_CACHE_SIZE").hasMessageContaining("positive");
        }
        assertThat(withCache(DataSize.ofBytes(1)).h2CacheMegabytes()).isEqualTo(16);
    }

    @Test
    void unsetTheH2CacheIsAnEighthOfTheHeap() {
        long eighth = Runtime.getRuntime().maxMemory() / 8 / (1024 * 1024);
        assertThat(withCache(null).h2CacheMegabytes()).isEqualTo((int) Math.max(16, eighth));
    }
}
