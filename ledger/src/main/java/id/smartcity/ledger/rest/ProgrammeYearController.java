package id.smartcity.ledger.rest;

import id.smartcity.api.GrantAward;
import id.smartcity.api.RecordPublishedFigure;
import id.smartcity.ledger.gate.CommandGate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commands about a programme year rather than one region: what the ministry published (for the reconciliation) and
 * the awards it granted.
 */
@RestController
@RequestMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Commands")
class ProgrammeYearController {
    private final CommandExecution commands;

    ProgrammeYearController(CommandExecution commands) {
        this.commands = commands;
    }

    @PostMapping("/api/published-figures")
    @Operation(summary = "Record a figure the ministry published, with its source")
    ResponseEntity<Object> record(@Schema(implementation = RecordPublishedFigure.class) @RequestBody byte[] body,
                                  HttpServletRequest request, Principal principal) {
        return commands.execute(request, principal, URI.create("/api/reports/reconciliation"),
                CommandGate.read(RecordPublishedFigure.class, body, Map.of()));
    }

    @PostMapping("/api/awards")
    @Operation(summary = "Grant a year's award in a category to a region that took part")
    ResponseEntity<Object> grantAward(@Schema(implementation = GrantAward.class) @RequestBody byte[] body,
                                      HttpServletRequest request, Principal principal) {
        return commands.execute(request, principal, URI.create("/api/reports/awards"),
                CommandGate.read(GrantAward.class, body, Map.of()));
    }
}
