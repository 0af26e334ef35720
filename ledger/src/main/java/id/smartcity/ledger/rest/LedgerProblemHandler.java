package id.smartcity.ledger.rest;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import id.smartcity.eventstore.LedgerIntegrityException;
import id.smartcity.ledger.gate.CommandRefused;
import id.smartcity.ledger.rules.Rule;
import id.smartcity.ledger.rules.RuleViolation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every refusal as a problem detail with a stable code; 400 malformed, 404 unknown, 409 conflict, 422 rule broken. */
@RestControllerAdvice
class LedgerProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerProblemHandler.class);

    /** The problem a refused command gives, for the HTTP answer and for each line of an import alike. */
    static ProblemDetail describe(RuntimeException e) {
        if (e instanceof RuleViolation violation) {
            return ruleBroken(violation);
        }
        if (e instanceof AggregateNotFoundException notFound) {
            return unknownRegion(notFound);
        }
        if (e instanceof ConcurrencyException concurrency) {
            return concurrentChange(concurrency);
        }
        if (e instanceof CommandRefused.Malformed malformed) {
            return malformed(malformed);
        }
        if (e instanceof CommandRefused.Invalid invalid) {
            return invalid(invalid);
        }
        throw e;
    }

    @ExceptionHandler(RuleViolation.class)
    static ProblemDetail ruleBroken(RuleViolation violation) {
        Rule rule = violation.rule();
        HttpStatus status = rule.kind() == Rule.Kind.CONFLICT ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
        return Problems.of(status, rule.name(), rule.description(), violation.getMessage());
    }

    /** Not the JSON of the command: the problem names the strictness rule it broke (DUPLICATE_FIELD, ...). */
    @ExceptionHandler(CommandRefused.Malformed.class)
    static ProblemDetail malformed(CommandRefused.Malformed malformed) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The request is malformed",
                malformed.getMessage());
        problem.setProperty("rule", malformed.rule());
        return problem;
    }

    /** The command breaks limits of its shape: each field (a bounded number of them) with the constraint broken. */
    @ExceptionHandler(CommandRefused.Invalid.class)
    static ProblemDetail invalid(CommandRefused.Invalid invalid) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
                "The request lacks or misshapes fields", invalid.getMessage());
        problem.setProperty("rule", invalid.rule());
        problem.setProperty("errors", invalid.errors().stream().map(error -> Map.of("field", error.field(),
                "message", error.message(), "rule", error.rule())).toList());
        return problem;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    static ProblemDetail unknownRegion(AggregateNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "UNKNOWN_REGION", "The region has no history in the ledger",
                "No region " + e.getAggregateIdentifier() + " was ever selected");
    }

    @ExceptionHandler(ConcurrencyException.class)
    static ProblemDetail concurrentChange(ConcurrencyException e) {
        return Problems.of(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                "The region changed while the command was handled", e.getMessage() + "; send the command again");
    }

    @ExceptionHandler(IdempotencyKeyException.class)
    ResponseEntity<ProblemDetail> idempotencyKey(IdempotencyKeyException e) {
        if (e.reason() == IdempotencyKeyException.Reason.REUSED) {
            return ResponseEntity.unprocessableEntity().body(Problems.of(HttpStatus.UNPROCESSABLE_ENTITY,
                    "IDEMPOTENCY_KEY_REUSED", "An idempotency key names one request", e.getMessage()));
        }
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(Problems.of(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_PROGRESS",
                        "The first request with this key has not been answered yet", e.getMessage()));
    }

    @ExceptionHandler(RequestHeaders.Refused.class)
    ProblemDetail headerOutOfForm(RequestHeaders.Refused e) {
        return e.problem();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.typeMismatch(e.getName(), e.getValue(), e.getRequiredType());
    }

    @ExceptionHandler(LedgerIntegrityException.class)
    ProblemDetail integrityAlarm(LedgerIntegrityException e) {
        // The sequencer logged the alarm once; a stack trace per refused command would bury it.
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "LEDGER_INTEGRITY_ALARM",
                "The ledger records nothing while its stored log does not match its head",
                e.getMessage() + "; an auditor should run verify");
    }

    @ExceptionHandler(EventStoreException.class)
    ProblemDetail storeUnavailable(EventStoreException e) {
        LOG.error("Event store failure", e);
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "STORE_UNAVAILABLE", "The ledger could not store the events",
                e.getMessage());
    }

    /**
     * Whatever no handler above expected is the ledger's failure, not the caller's: logged here with its stack trace
     * (the log line still carries the request's correlation id), answered as a problem without one. The ledger uses
     * no method security, so no AccessDeniedException reaches here (it would have to pass through to Spring Security).
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Problems.of(
                        HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "The body is larger than the ledger takes",
                        "At most " + tooLarge.limit() + " bytes"));
            }
        }
        LOG.error("Unexpected failure answering {}", request.getDescription(false), e);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "INTERNAL_SERVER_ERROR", "The ledger failed to answer",
                "The ledger failed to answer this request; its log tells why, under the answer's X-Correlation-Id"));
    }

    /** A path nothing answers: the same problem for an unknown endpoint as for a missing file. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(@NonNull NoResourceFoundException e,
                                                                    @NonNull HttpHeaders headers,
                                                                    @NonNull HttpStatusCode status,
                                                                    @NonNull WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).headers(headers).body(Problems.of(HttpStatus.NOT_FOUND,
                "UNKNOWN_PATH", "Nothing is served at this path", "No endpoint or file answers "
                        + e.getHttpMethod() + " at this path"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(LedgerProblemHandler::fieldError).toList();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
                "The request lacks or misshapes fields", errors.stream()
                        .map(error -> error.containsKey("rule") ? error.get("message")
                                : error.get("field") + " " + error.get("message"))
                        .collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    /** A value that could not be converted is described by the form it must have, not by the converter's message. */
    private static Map<String, String> fieldError(FieldError error) {
        if (error.isBindingFailure() && error.contains(TypeMismatchException.class)) {
            TypeMismatchException mismatch = error.unwrap(TypeMismatchException.class);
            return Map.of("field", error.getField(), "message", Problems.mismatch(error.getField(),
                    error.getRejectedValue(), mismatch.getRequiredType()), "rule", "PARAMETER_FORM");
        }
        return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Problems.of(
                        HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "The body is larger than the ledger takes",
                        "At most " + tooLarge.limit() + " bytes"));
            }
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The request is malformed",
                unreadable(e));
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    /** Says which field was wrong and how, without echoing parser internals. */
    static String unreadable(Throwable e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'";
        }
        if (cause instanceof InvalidFormatException invalid) {
            String allowed = invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                    ? ": expected one of " + Arrays.toString(invalid.getTargetType().getEnumConstants()) : "";
            return "Field '" + path(invalid) + "' cannot be '" + invalid.getValue() + "'" + allowed;
        }
        if (cause instanceof MismatchedInputException mismatched) {
            return "Field '" + path(mismatched) + "' has the wrong type";
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "Field '" + path(mapping) + "' is invalid";
        }
        return "The body is not valid JSON for this request";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                : "[" + reference.getIndex() + "]").collect(Collectors.joining("."));
    }

    /** Spring MVC's own refusals (405, 406, 415, ...) get a code too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(@NonNull Exception e, Object body,
                                                             @NonNull HttpHeaders headers,
                                                             @NonNull HttpStatusCode status,
                                                             @NonNull WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey(Problems.CODE))) {
            problem.setProperty(Problems.CODE, Problems.codeFor(status));
        }
        return response;
    }
}
