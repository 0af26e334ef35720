package id.smartcity.app.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data file read without changing it: whole, cut short, or no H2 store at all. */
class H2FileHeaderTest {
    @TempDir
    Path folder;

    @Test
    void aWholeFileReadsAtTheVersionItsHeaderNames() throws Exception {
        Path file = folder.resolve("ledger.mv");
        long early = written(file);

        assertThat(H2FileHeader.cutShort(file)).isEmpty();
        assertThat(H2FileHeader.namedVersion(file)).isGreaterThan(1);
        assertThat(Files.size(file)).isGreaterThan(early);
    }

    @Test
    void aFileCutShortIsNamedWithBothVersionsAndLeftAsItWas() throws Exception {
        Path file = folder.resolve("ledger.mv");
        long early = written(file);
        try (RandomAccessFile cut = new RandomAccessFile(file.toFile(), "rw")) {
            cut.setLength(early);
        }
        byte[] before = Files.readAllBytes(file);
        long named = H2FileHeader.namedVersion(file);

        assertThat(H2FileHeader.cutShort(file)).hasValueSatisfying(what -> assertThat(what)
                .contains("the file's header names version " + named)
                .contains("it was cut short (" + early + " bytes)"));
        assertThat(Files.readAllBytes(file)).as("read, not written").isEqualTo(before);
    }

    @Test
    void aFileThatIsNoStoreIsRefused() throws Exception {
        Path junk = folder.resolve("junk.mv");
        byte[] noise = new byte[4096];
        new Random(5).nextBytes(noise);
        Files.write(junk, noise);
        Path zeros = Files.write(folder.resolve("zeros.mv"), new byte[4096]);
        Path headerOnly = folder.resolve("header.mv");
        Files.write(headerOnly, "H:2,block:26a70,blockSize:1000,chunk:9d,format:3,version:6f9,fletcher:0".getBytes());

        assertThatThrownBy(() -> H2FileHeader.cutShort(junk)).isInstanceOf(H2FileHeader.NotAStore.class)
                .hasMessageContaining("it has no H2 header (4096 bytes)");
        assertThatThrownBy(() -> H2FileHeader.cutShort(zeros)).isInstanceOf(H2FileHeader.NotAStore.class);
        assertThatThrownBy(() -> H2FileHeader.cutShort(headerOnly)).isInstanceOf(H2FileHeader.NotAStore.class)
                .hasMessageContaining("H2 cannot read it");
    }

    /** A store committed once early and many times after; answers the file's size after the early commit. */
    private static long written(Path file) throws Exception {
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        MVMap<Long, String> map = store.openMap("events");
        map.put(0L, "first");
        store.commit();
        long early = Files.size(file);
        for (long i = 1; i <= 40; i++) {
            map.put(i, "x".repeat(20_000) + i);
            store.commit();
        }
        store.close();
        return early;
    }
}
