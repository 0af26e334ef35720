package id.smartcity.ledger.rest;

import id.smartcity.api.LedgerMetadata;
import id.smartcity.eventstore.AppendReceipt;
import id.smartcity.eventstore.AppendedEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Sends a command with who, from where and why, and answers with the positions its events got. A command that lost a
 * race with another instance (its aggregate changed underneath) is tried again on fresh state a few times.
 */
@Component
public class CommandDispatcher {
    private static final int ATTEMPTS = 3;

    private final CommandGateway gateway;

    public CommandDispatcher(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * Sends the command in a unit of work of its own, commits it, and answers with the positions its events got
     * (their receipt travels on that unit of work, never beside it).
     */
    public List<AppendedEvent> dispatch(Object command, CommandOrigin origin) {
        for (int attempt = 1; ; attempt++) {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            AppendReceipt receipt = AppendReceipt.attachTo(unitOfWork);
            try {
                send(command, origin);
            } catch (RuntimeException e) {
                unitOfWork.rollback(e);
                throw e;
            }
            try {
                // The events are appended here; a commit that fails has rolled its unit of work back.
                unitOfWork.commit();
                return receipt.events();
            } catch (ConcurrencyException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Sends within whatever unit of work is current: an import runs all its lines in one. */
    void send(Object command, CommandOrigin origin) {
        try {
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(origin.metaData()));
        } catch (CommandExecutionException | CompletionException e) {
            throw unwrap(e);
        }
    }

    static RuntimeException unwrap(RuntimeException e) {
        Throwable cause = e;
        while ((cause instanceof CommandExecutionException || cause instanceof CompletionException
                || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException runtime ? runtime : e;
    }

    /** Who sent a command, from which application, under which correlation and idempotency key. */
    public record CommandOrigin(String principal, String client, String correlationId, String idempotencyKey) {
        MetaData metaData() {
            MetaData metaData = MetaData.from(Map.of(LedgerMetadata.PRINCIPAL, principal, LedgerMetadata.CLIENT, client,
                    LedgerMetadata.CORRELATION_ID, correlationId));
            return idempotencyKey == null ? metaData
                    : metaData.and(LedgerMetadata.IDEMPOTENCY_KEY, idempotencyKey);
        }
    }
}
