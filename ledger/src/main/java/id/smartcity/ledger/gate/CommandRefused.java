package id.smartcity.ledger.gate;

import java.util.List;

/**
 * A command refused at the gate, before any rule of the programme looked at it: it could not be read as the command it
 * claims to be ({@link Malformed}), or it breaks a limit of the command's shape ({@link Invalid}). Nothing was stored.
 */
public abstract sealed class CommandRefused extends RuntimeException {
    private final String rule;

    CommandRefused(String rule, String detail) {
        super(detail, null, false, false);
        this.rule = rule;
    }

    /** Which check refused it: {@code DUPLICATE_FIELD}, {@code TRAILING_CONTENT}, {@code Size}, ... */
    public String rule() {
        return rule;
    }

    /** Not the JSON of a command: not JSON, a duplicate key, text after the object, a float for an int, .... */
    public static final class Malformed extends CommandRefused {
        public Malformed(String rule, String detail) {
            super(rule, detail);
        }
    }

    /** A command whose fields break their limits: a name of 5,000 characters, 2,000 mentors, a missing date. */
    public static final class Invalid extends CommandRefused {
        private final List<FieldError> errors;

        Invalid(List<FieldError> errors) {
            super(errors.get(0).rule(), errors.stream().map(error -> error.field() + " " + error.message())
                    .reduce((a, b) -> a + "; " + b).orElse(""));
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** One field that breaks a limit, and the constraint it breaks. */
    public record FieldError(String field, String message, String rule) {
    }
}
