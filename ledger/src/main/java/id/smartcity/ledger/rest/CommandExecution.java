package id.smartcity.ledger.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.smartcity.api.LedgerMetadata;
import id.smartcity.eventstore.AppendedEvent;
import id.smartcity.eventstore.MongoEventStorageEngine;
import id.smartcity.ledger.rest.CommandDispatcher.CommandOrigin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Runs one HTTP command: origin metadata, the idempotency key, dispatch, and the 201 answer. */
@Component
class CommandExecution {
    private final CommandDispatcher dispatcher;
    private final IdempotencyStore idempotency;
    private final ObjectMapper json;
    private final MongoEventStorageEngine eventStore;
    private final Counter accepted;
    private final Duration claimTimeout;

    CommandExecution(CommandDispatcher dispatcher, IdempotencyStore idempotency, ObjectMapper json,
                     MongoEventStorageEngine eventStore, ObjectProvider<MeterRegistry> meters,
                     IdempotencyProperties properties) {
        this.dispatcher = dispatcher;
        this.idempotency = idempotency;
        this.json = json;
        this.eventStore = eventStore;
        this.claimTimeout = properties.claimTimeout();
        this.accepted = Counter.builder("ledger.commands").tag("outcome", "accepted").tag("code", "ACCEPTED")
                .description("Commands answered, by outcome and rule code")
                .register(meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /**
     * Who sent the request and under which headers, each checked for its form before anything runs or is stored
     * ({@link RequestHeaders}): a key or client name out of form would be kept in every event.
     */
    static CommandOrigin origin(HttpServletRequest request, Principal principal) {
        String key = RequestHeaders.Rule.IDEMPOTENCY_KEY_FORM.of(request);
        String client = RequestHeaders.Rule.CLIENT_APPLICATION_FORM.of(request);
        // The correlation filter, where there is one, has checked and settled the id for the whole request already.
        Object settled = request.getAttribute("correlationId");
        String correlation = settled != null ? settled.toString()
                : RequestHeaders.Rule.CORRELATION_ID_FORM.of(request);
        return new CommandOrigin(principal == null ? "anonymous" : principal.getName(),
                client == null ? "unknown" : client,
                correlation == null ? UUID.randomUUID().toString() : correlation, key);
    }

    /** The command was read by the gate already; it is also what an idempotency key's fingerprint covers. */
    ResponseEntity<Object> execute(HttpServletRequest request, Principal principal, URI location, Object command) {
        return idempotently(request, principal, command, origin -> {
            List<AppendedEvent> events = dispatcher.dispatch(command, origin);
            accepted.increment();
            return ResponseEntity.created(location).body(Accepted.of(events));
        }, events -> ResponseEntity.created(location).body(Accepted.of(events)));
    }

    /**
     * Answers a request once; the same key and body again get that answer, another body with the key is refused.
     * {@code fromEvents} gives the answer from the events alone, for a retry whose first attempt stored its events and
     * stopped before answering (a crash): in the same shape as the first answer would have been.
     */
    ResponseEntity<Object> idempotently(HttpServletRequest request, Principal principal, Object body,
                                        Function<CommandOrigin, ResponseEntity<Object>> handler,
                                        Function<List<AppendedEvent>, ResponseEntity<Object>> fromEvents) {
        CommandOrigin origin = origin(request, principal);
        if (origin.idempotencyKey() == null) {
            return handler.apply(origin);
        }
        IdempotencyStore.Claim claim = idempotency.claim(origin.principal(), origin.idempotencyKey(),
                fingerprint(request, body), claimTimeout);
        if (claim instanceof IdempotencyStore.Replay replay) {
            return ResponseEntity.status(replay.status()).header("Idempotent-Replayed", "true").body(replay.body());
        }
        IdempotencyStore.Claimed claimed = (IdempotencyStore.Claimed) claim;
        String id = claimed.id();
        ResponseEntity<Object> answer;
        try {
            answer = claimed.takenOver() ? storedBefore(origin).map(fromEvents).orElseGet(() -> handler.apply(origin))
                    : handler.apply(origin);
        } catch (RuntimeException e) {
            idempotency.release(id);
            throw e;
        }
        if (answer.getStatusCode().is2xxSuccessful()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> stored = json.convertValue(answer.getBody(), Map.class);
            idempotency.complete(id, answer.getStatusCode().value(), stored);
        } else {
            idempotency.release(id);
        }
        return answer;
    }

    /** The holder of a claim that went stale may have stored its events and died before answering. */
    private Optional<List<AppendedEvent>> storedBefore(CommandOrigin origin) {
        List<AppendedEvent> events = eventStore.eventsWithMetadata(Map.of(
                LedgerMetadata.IDEMPOTENCY_KEY, origin.idempotencyKey(), LedgerMetadata.PRINCIPAL, origin.principal()));
        return events.isEmpty() ? Optional.empty() : Optional.of(events);
    }

    private String fingerprint(HttpServletRequest request, Object body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(json.writeValueAsBytes(body));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
