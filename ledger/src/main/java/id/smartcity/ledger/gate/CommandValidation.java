package id.smartcity.ledger.gate;

import id.smartcity.api.Limits;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Checks every command against the limits its record declares, on the command bus, so that no way in (a single HTTP
 * command, an import line, the dashboard, anything added later) can skip them. Sizes are checked first and alone
 * ({@link Limits.Checked}): an oversized list is refused before its elements are looked at, so the cost is linear in
 * the body and the answer names at most {@link #MAX_REPORTED} fields.
 */
public final class CommandValidation implements MessageDispatchInterceptor<CommandMessage<?>> {
    static final int MAX_REPORTED = 20;
    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

    private final Validator validator;

    public CommandValidation() {
        this.validator = FACTORY.getValidator();
    }

    /** Builds the constraints of a command type now rather than on its first use. */
    public void prepare(Class<?> type) {
        validator.getConstraintsForClass(type);
    }

    /** Throws {@link CommandRefused.Invalid} when the command breaks a limit of its shape. */
    public void check(Object command) {
        Set<ConstraintViolation<Object>> violations = validator.validate(command, Limits.Checked.class);
        if (!violations.isEmpty()) {
            throw new CommandRefused.Invalid(violations.stream()
                    .map(violation -> new CommandRefused.FieldError(violation.getPropertyPath().toString(),
                            violation.getMessage(), violation.getConstraintDescriptor().getAnnotation()
                            .annotationType().getSimpleName()))
                    .sorted(Comparator.comparing(CommandRefused.FieldError::field))
                    .limit(MAX_REPORTED).toList());
        }
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, message) -> {
            check(message.getPayload());
            return message;
        };
    }
}
