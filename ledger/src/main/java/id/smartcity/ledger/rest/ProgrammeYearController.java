package id.smartcity.ledger.rest;

import id.smartcity.api.GrantAward;
import id.smartcity.api.PublishedMetric;
import id.smartcity.api.RecordPublishedFigure;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commands about a programme year rather than one region: what the ministry published (for the reconciliation) and
 * the awards it granted.
 */
@RestController
@Tag(name = "Commands")
class ProgrammeYearController {
    private final CommandExecution commands;

    ProgrammeYearController(CommandExecution commands) {
        this.commands = commands;
    }

    record Figure(@NotNull Integer year, @NotNull PublishedMetric metric, @NotNull Long value,
                  @NotBlank @Size(max = 500) String source, LocalDate publishedOn, @Size(max = 2000) String note) {
    }

    @PostMapping("/api/published-figures")
    @Operation(summary = "Record a figure the ministry published, with its source")
    ResponseEntity<Object> record(@Valid @RequestBody Figure body, HttpServletRequest request, Principal principal) {
        return commands.execute(request, principal, body, URI.create("/api/reports/reconciliation"),
                () -> new RecordPublishedFigure(body.year(), body.metric(), body.value(), body.source(),
                        body.publishedOn(), body.note()));
    }

    @PostMapping("/api/awards")
    @Operation(summary = "Grant a year's award in a category to a region that took part")
    ResponseEntity<Object> grantAward(@Valid @RequestBody CommandRequests.Award body, HttpServletRequest request,
                                      Principal principal) {
        return commands.execute(request, principal, body, URI.create("/api/reports/awards"),
                () -> new GrantAward(body.year(), body.category(), body.code(), body.citation()));
    }
}
