package id.smartcity.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash soak's short form, for every build: kills during the write-out of large imports, aimed at the data
 * file's writes. The long form (a hundred kills) is {@code java -jar benchmark/target/smartcity-benchmark.jar
 * crash-soak}.
 */
class CrashSoakTest {
    private static final int KILLS = 2;

    @TempDir
    Path folder;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void theLedgerStartsAndLosesNothingAcknowledgedAfterKillsDuringLargeImports() throws Exception {
        CrashSoak.Result result = new CrashSoak(new CrashSoak.Options(KILLS, 3000, folder.resolve("data"), 7, 2,
                CrashSoak.ledgerFromClassPath())).run();

        System.out.println("crash soak (short): " + result);
        assertThat(result.aimedKills).as("kills during a write-out").isEqualTo(KILLS);
        assertThat(result.storedBeforeTheRetry + result.storedByTheRetry + result.answeredBeforeKill)
                .as("every killed import accounted for").isEqualTo(result.aimedKills + result.otherKills);
        assertThat(result.restarts).isGreaterThanOrEqualTo(KILLS);
        assertThat(result.events).as("the regions and each round's import, once").isEqualTo(CrashSoak.REGIONS + 3000L
                * (result.aimedKills + result.otherKills));
        assertThat(result.clean()).as("%s", result).isTrue();
    }
}
