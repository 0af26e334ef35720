package id.smartcity.app.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * A failed start-up in one line, the cause and what to do, instead of Spring Boot's block; the stack trace only at
 * debug level (logging.level.id.smartcity.app.startup=DEBUG). Spring Boot's own reporter is silenced in
 * application.yml.
 */
public final class OneLineFailureReporter implements FailureAnalysisReporter {
    private static final Logger LOG = LoggerFactory.getLogger(OneLineFailureReporter.class);

    @Override
    public void report(FailureAnalysis analysis) {
        LOG.debug("The ledger did not start", analysis.getCause());
        String action = analysis.getAction() == null ? "" : " " + analysis.getAction();
        LOG.error("The ledger did not start: {}", (analysis.getDescription() + action).replaceAll("\\s+", " ").strip());
    }
}
