package id.smartcity.app.mongo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says what is wrong with the data folder and what to do, instead of a stack trace. */
class EmbeddedStoreFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedStoreDamagedException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedStoreDamagedException cause) {
        return new FailureAnalysis(cause.getMessage() + ". Nothing in it was changed.",
                "Keep a copy of " + cause.file() + ". Read the events out with `java -jar smartcity-ledger-exec.jar"
                        + " export --data-dir <folder> > events.ndjson`; `verify` checks them; `import` loads them into"
                        + " an empty folder.", cause);
    }
}
