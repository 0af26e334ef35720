package id.smartcity.ledger.rest;

import id.smartcity.eventstore.AppendReceipt;
import id.smartcity.eventstore.AppendedEvent;
import id.smartcity.ledger.gate.CommandGate;
import id.smartcity.ledger.gate.CommandRefused;
import id.smartcity.ledger.rest.CommandDispatcher.CommandOrigin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Backfills history: NDJSON, one command per line ({@code {"command":"SelectRegion", ...fields}}), lines ended by LF
 * or CRLF. Every line is read by the same strict parser and checked by the same limits and rules as a single command
 * ({@link CommandGate}); a line that holds anything but one JSON object (a second object, a bare CR, text after it) is
 * refused with its number, never cut short. The batch is all or nothing: the lines run in one unit of work, whose
 * events reach the event store as one commit, or not at all.
 */
@RestController
@Tag(name = "Commands")
class ImportController {
    static final int MAX_LINES = 5000;
    /** The longest line of the shipped history has under 500 bytes; a single command's body may have 1 MiB. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final CommandExecution commands;
    private final CommandDispatcher dispatcher;

    ImportController(CommandExecution commands, CommandDispatcher dispatcher) {
        this.commands = commands;
        this.dispatcher = dispatcher;
    }

    /** Not text/plain: an HTML form of any other site can send that, with the browser's cached credentials. */
    @PostMapping(path = "/api/imports", consumes = {"application/x-ndjson", "application/jsonl"})
    @Operation(summary = "Import commands, one JSON object per line; all lines are stored or none")
    ResponseEntity<Object> importCommands(@RequestBody byte[] body, HttpServletRequest request, Principal principal) {
        List<NumberedLine> numbered = lines(body);
        if (numbered.isEmpty() || numbered.size() > MAX_LINES) {
            return ResponseEntity.unprocessableEntity().body(Problems.of(HttpStatus.UNPROCESSABLE_ENTITY,
                    "IMPORT_SIZE", "An import holds 1 to " + MAX_LINES + " commands",
                    "This import holds " + numbered.size() + " commands"));
        }
        return commands.idempotently(request, principal, body, origin -> run(numbered, origin),
                events -> created(stored(numbered), events));
    }

    private ResponseEntity<Object> run(List<NumberedLine> numbered, CommandOrigin origin) {
        List<Map<String, Object>> report = new ArrayList<>();
        boolean refused = false;
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        AppendReceipt receipt = AppendReceipt.attachTo(batch);
        try {
            for (NumberedLine line : numbered) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("line", line.number());
                try {
                    if (line.refusal() != null) {
                        throw line.refusal();
                    }
                    Object command = CommandGate.readLine(line.text());
                    describe(command, entry);
                    dispatcher.send(command, origin);
                    entry.put("status", "accepted");
                } catch (CommandRefused.Malformed malformed) {
                    refused = true;
                    entry.put("status", "refused");
                    entry.put("code", "MALFORMED_LINE");
                    entry.put("rule", malformed.rule());
                    entry.put("detail", malformed.getMessage());
                } catch (RuntimeException e) {
                    refused = true;
                    ProblemDetail problem = LedgerProblemHandler.describe(e);
                    entry.put("status", "refused");
                    entry.put("code", problem.getProperties().get(Problems.CODE));
                    if (problem.getProperties().containsKey("rule")) {
                        entry.put("rule", problem.getProperties().get("rule"));
                        entry.put("errors", problem.getProperties().get("errors"));
                    }
                    entry.put("detail", problem.getDetail());
                }
                report.add(entry);
            }
            if (refused) {
                batch.rollback();
                ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "IMPORT_REFUSED",
                        "An import is stored whole or not at all", report.stream()
                                .filter(entry -> "refused".equals(entry.get("status"))).count()
                                + " of " + report.size() + " lines were refused; nothing was stored");
                // The first refused line and the rule it broke, for callers that read no further.
                report.stream().filter(entry -> "refused".equals(entry.get("status"))).findFirst()
                        .ifPresent(first -> {
                            problem.setProperty("line", first.get("line"));
                            problem.setProperty("rule", first.getOrDefault("rule", first.get("code")));
                        });
                problem.setProperty("lines", report);
                return ResponseEntity.unprocessableEntity().body(problem);
            }
            batch.commit();
            return created(report, receipt.events());
        } catch (RuntimeException e) {
            if (batch.isActive()) {
                batch.rollback(e);
            }
            throw CommandDispatcher.unwrap(e);
        }
    }

    /** The 201 answer: each line with the position and event it got. */
    private static ResponseEntity<Object> created(List<Map<String, Object>> report, List<AppendedEvent> events) {
        // Every command of the ledger becomes exactly one event, so line i got the i-th position.
        if (events.size() == report.size()) {
            for (int i = 0; i < report.size(); i++) {
                report.get(i).put("position", events.get(i).position());
                report.get(i).put("eventId", events.get(i).eventId());
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("imported", report.size());
        answer.put("firstPosition", events.isEmpty() ? null : events.get(0).position());
        answer.put("lastPosition", events.isEmpty() ? null : events.get(events.size() - 1).position());
        answer.put("lines", report);
        return ResponseEntity.created(URI.create("/api/imports")).body(answer);
    }

    /** The lines of an import that was stored whole before (its retry after a crash), described without running. */
    private static List<Map<String, Object>> stored(List<NumberedLine> numbered) {
        List<Map<String, Object>> report = new ArrayList<>(numbered.size());
        for (NumberedLine line : numbered) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("line", line.number());
            describe(CommandGate.readLine(line.text()), entry);
            entry.put("status", "accepted");
            report.add(entry);
        }
        return report;
    }

    /** What the report says about a line it could read. */
    private static void describe(Object command, Map<String, Object> entry) {
        entry.put("command", command.getClass().getSimpleName());
        try {
            Object code = command.getClass().getMethod("code").invoke(command);
            if (code != null) {
                entry.put("region", code);
            }
        } catch (ReflectiveOperationException e) {
            // A command about a programme year names no region.
        }
    }

    /**
     * The body's lines, numbered from 1, ended by LF or CRLF. A CR anywhere else would let one line hold two commands
     * for one reader and one for another, so it refuses its line; so do a line too long and bytes that are not UTF-8.
     */
    static List<NumberedLine> lines(byte[] body) {
        List<NumberedLine> numbered = new ArrayList<>();
        int number = 0;
        for (int start = 0; start <= body.length; ) {
            int end = start;
            while (end < body.length && body[end] != '\n') {
                end++;
            }
            number++;
            int last = end > start && body[end - 1] == '\r' ? end - 1 : end;
            numbered.add(line(number, body, start, last));
            start = end + 1;
        }
        numbered.removeIf(line -> line.refusal() == null && line.text().isBlank());
        return numbered;
    }

    private static NumberedLine line(int number, byte[] body, int start, int end) {
        if (end - start > MAX_LINE_BYTES) {
            return new NumberedLine(number, "", new CommandRefused.Malformed("LINE_TOO_LONG", "Line " + number
                    + " has " + (end - start) + " bytes; a line has at most " + MAX_LINE_BYTES));
        }
        for (int i = start; i < end; i++) {
            if (body[i] == '\r') {
                return new NumberedLine(number, "", new CommandRefused.Malformed("BARE_CR", "Line " + number
                        + " holds a carriage return that does not end it: one command per line, lines end with LF"
                        + " or CRLF"));
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, start, end - start)).toString();
            return new NumberedLine(number, text, null);
        } catch (CharacterCodingException e) {
            return new NumberedLine(number, "", new CommandRefused.Malformed("NOT_UTF8", "Line " + number
                    + " is not UTF-8"));
        }
    }

    record NumberedLine(int number, String text, CommandRefused.Malformed refusal) {
    }
}
