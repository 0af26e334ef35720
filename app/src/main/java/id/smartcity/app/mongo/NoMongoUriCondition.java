package id.smartcity.app.mongo;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when no MongoDB URI is configured, or it is blank (as {@code ${MONGODB_URI:}} gives when unset). */
class NoMongoUriCondition extends SpringBootCondition {
    static final String URI = "spring.data.mongodb.uri";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String uri = context.getEnvironment().getProperty(URI);
        return uri == null || uri.isBlank()
                ? ConditionOutcome.match("no " + URI + " configured")
                : ConditionOutcome.noMatch(URI + " is configured");
    }
}
