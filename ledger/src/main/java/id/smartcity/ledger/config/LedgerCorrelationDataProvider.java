package id.smartcity.ledger.config;

import id.smartcity.api.LedgerMetadata;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Carries who, from where and why from the command onto every event it causes; the command itself is the cause. Only
 * commands cause messages here: for an event being projected Axon asks too (once per event and read model, for the
 * result it wraps), and answering from its metadata cost a replay a tenth of its time, deserializing it for nothing.
 */
public class LedgerCorrelationDataProvider implements CorrelationDataProvider {
    private static final String[] CARRIED = {LedgerMetadata.PRINCIPAL, LedgerMetadata.CLIENT,
            LedgerMetadata.CORRELATION_ID, LedgerMetadata.IDEMPOTENCY_KEY};

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (!(message instanceof CommandMessage<?>)) {
            return Map.of();
        }
        Map<String, Object> data = new HashMap<>();
        for (String key : CARRIED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        data.putIfAbsent(LedgerMetadata.CORRELATION_ID, message.getIdentifier());
        data.put(LedgerMetadata.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
