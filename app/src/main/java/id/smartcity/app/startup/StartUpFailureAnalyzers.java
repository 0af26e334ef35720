package id.smartcity.app.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;

/**
 * What the ledger says when it cannot start, one cause each: what is wrong and what to do, in the words of the
 * settings the README names (registered in META-INF/spring.factories; OneLineFailureReporter prints them).
 */
public final class StartUpFailureAnalyzers {
    private static final String JAR = "java -jar smartcity-ledger-exec.jar";

    private StartUpFailureAnalyzers() {
    }

    public static final class EmbeddedMongoNotStarted
            extends AbstractFailureAnalyzer<EmbeddedMongoNotStartedException> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedMongoNotStartedException cause) {
            return new FailureAnalysis(cause.getMessage() + ".", cause.action(), cause);
        }
    }

    public static final class DataFolderInUse extends AbstractFailureAnalyzer<DataFolderInUseException> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, DataFolderInUseException cause) {
            return new FailureAnalysis(cause.getMessage() + ".",
                    "Stop the ledger that uses it (a command line needs the folder to itself while no server runs"
                            + " on it), or give this one another folder with LEDGER_DATA_DIR.", cause);
        }
    }

    public static final class DataFolderNotWritable extends AbstractFailureAnalyzer<DataFolderNotWritableException> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, DataFolderNotWritableException cause) {
            return new FailureAnalysis(cause.getMessage() + ".", "Let the user running the ledger write there,"
                    + " or set LEDGER_DATA_DIR to a folder it may write.", cause);
        }
    }

    public static final class MongoUnreachable extends AbstractFailureAnalyzer<MongoUnreachableException> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, MongoUnreachableException cause) {
            return new FailureAnalysis(cause.getMessage() + ".", "Start MongoDB (a replica set needs a primary),"
                    + " or correct MONGODB_URI; leave MONGODB_URI empty for the embedded store. The ledger waits"
                    + " LEDGER_MONGO_START_UP_WAIT (" + cause.waited().toSeconds() + " s) at start-up.", cause);
        }
    }

    public static final class PasswordHashNotBcrypt extends AbstractFailureAnalyzer<PasswordHashNotBcryptException> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, PasswordHashNotBcryptException cause) {
            return new FailureAnalysis(cause.getMessage() + " ($2a$, $2b$ or $2y$, a cost and 53 characters), so "
                    + cause.user() + " could never sign in.", "Make one with `" + JAR + " hash-password`"
                    + " (it reads the password from standard input), or leave the setting empty to get a generated"
                    + " password.", cause);
        }
    }

    /** Before Spring Boot's own analyzer of a port in use, to name the setting. */
    public static final class PortInUse extends AbstractFailureAnalyzer<PortInUseException> implements Ordered {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
            return new FailureAnalysis("Port " + cause.getPort() + " is in use by another process.",
                    "Stop that process, or give the ledger another port with PORT.", cause);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
