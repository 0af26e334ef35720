package id.smartcity.ledger.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.smartcity.api.AssessCandidate;
import id.smartcity.api.AssignMentor;
import id.smartcity.api.FormImplementationTeam;
import id.smartcity.api.FormSmartCityCouncil;
import id.smartcity.api.GrantAward;
import id.smartcity.api.RecordEvaluation;
import id.smartcity.api.RecordQuickWin;
import id.smartcity.api.SelectSmartProvince;
import id.smartcity.api.RecordPublishedFigure;
import id.smartcity.api.RepeatMentoring;
import id.smartcity.api.ReviseMasterplan;
import id.smartcity.api.SelectRegion;
import id.smartcity.api.SignMoU;
import id.smartcity.api.SubmitMasterplan;
import id.smartcity.api.WithdrawRegion;
import id.smartcity.ledger.eventstore.AppendReceipts;
import id.smartcity.ledger.eventstore.AppendedEvent;
import id.smartcity.ledger.rest.CommandDispatcher.CommandOrigin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Backfills history: NDJSON, one command per line ({@code {"command":"SelectRegion", ...fields}}). Every line passes
 * the same rules as over the single-command endpoints, and the batch is all or nothing: the lines run in one unit of
 * work, whose events reach the event store as one commit, or not at all.
 */
@RestController
@Tag(name = "Commands")
class ImportController {
    static final int MAX_LINES = 5000;
    private static final Map<String, Class<?>> COMMANDS = Stream.of(SelectRegion.class, SignMoU.class,
                    AssignMentor.class, RepeatMentoring.class, SubmitMasterplan.class, ReviseMasterplan.class,
                    WithdrawRegion.class, RecordPublishedFigure.class, AssessCandidate.class,
                    SelectSmartProvince.class, FormSmartCityCouncil.class, FormImplementationTeam.class,
                    RecordQuickWin.class, RecordEvaluation.class, GrantAward.class)
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    private final CommandExecution commands;
    private final CommandDispatcher dispatcher;
    private final ObjectReader lines;

    ImportController(CommandExecution commands, CommandDispatcher dispatcher, ObjectMapper json) {
        this.commands = commands;
        this.dispatcher = dispatcher;
        this.lines = json.reader().with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    @PostMapping(path = "/api/imports", consumes = {"application/x-ndjson", "application/jsonl", "text/plain"})
    @Operation(summary = "Import commands, one JSON object per line; all lines are stored or none")
    ResponseEntity<Object> importCommands(@RequestBody String body, HttpServletRequest request, Principal principal) {
        List<NumberedLine> numbered = new ArrayList<>();
        String[] raw = body.split("\r?\n");
        for (int i = 0; i < raw.length; i++) {
            if (!raw[i].isBlank()) {
                numbered.add(new NumberedLine(i + 1, raw[i]));
            }
        }
        if (numbered.isEmpty() || numbered.size() > MAX_LINES) {
            return ResponseEntity.unprocessableEntity().body(Problems.of(HttpStatus.UNPROCESSABLE_ENTITY,
                    "IMPORT_SIZE", "An import holds 1 to " + MAX_LINES + " commands",
                    "This import holds " + numbered.size() + " commands"));
        }
        return commands.idempotently(request, principal, body, origin -> run(numbered, origin),
                events -> created(describe(numbered), events));
    }

    private ResponseEntity<Object> run(List<NumberedLine> numbered, CommandOrigin origin) {
        List<Map<String, Object>> report = new ArrayList<>();
        boolean refused = false;
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try (AppendReceipts.Receipt receipt = AppendReceipts.open()) {
            for (NumberedLine line : numbered) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("line", line.number());
                try {
                    Object command = parse(line.text(), entry);
                    dispatcher.send(command, origin);
                    entry.put("status", "accepted");
                } catch (LineMalformed malformed) {
                    refused = true;
                    entry.put("status", "refused");
                    entry.put("code", "MALFORMED_LINE");
                    entry.put("detail", malformed.getMessage());
                } catch (RuntimeException e) {
                    refused = true;
                    ProblemDetail problem = LedgerProblemHandler.describe(e);
                    entry.put("status", "refused");
                    entry.put("code", problem.getProperties().get(Problems.CODE));
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
    private List<Map<String, Object>> describe(List<NumberedLine> numbered) {
        List<Map<String, Object>> report = new ArrayList<>(numbered.size());
        for (NumberedLine line : numbered) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("line", line.number());
            parse(line.text(), entry);
            entry.put("status", "accepted");
            report.add(entry);
        }
        return report;
    }

    private Object parse(String text, Map<String, Object> entry) {
        JsonNode node;
        try {
            node = lines.readTree(text);
        } catch (JsonProcessingException e) {
            throw new LineMalformed("Not a JSON object");
        }
        if (!(node instanceof ObjectNode object) || !object.path("command").isTextual()) {
            throw new LineMalformed("A line is a JSON object with a \"command\" field");
        }
        String name = object.remove("command").textValue();
        entry.put("command", name);
        if (object.has("code")) {
            entry.put("region", object.path("code").asText(null));
        }
        Class<?> type = COMMANDS.get(name);
        if (type == null) {
            throw new LineMalformed("Unknown command '" + name + "'; known: " + COMMANDS.keySet().stream().sorted()
                    .toList());
        }
        try {
            return lines.treeToValue(object, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new LineMalformed(LedgerProblemHandler.unreadable(new RuntimeException(e)));
        }
    }

    private record NumberedLine(int number, String text) {
    }

    private static final class LineMalformed extends RuntimeException {
        LineMalformed(String message) {
            super(message, null, false, false);
        }
    }
}
