package id.smartcity.ledger.rest;

import id.smartcity.api.AssessCandidate;
import id.smartcity.api.AssignMentor;
import id.smartcity.api.FormImplementationTeam;
import id.smartcity.api.FormSmartCityCouncil;
import id.smartcity.api.RecordEvaluation;
import id.smartcity.api.RecordQuickWin;
import id.smartcity.api.SelectSmartProvince;
import id.smartcity.api.RepeatMentoring;
import id.smartcity.api.ReviseMasterplan;
import id.smartcity.api.SelectRegion;
import id.smartcity.api.SignMoU;
import id.smartcity.api.SubmitMasterplan;
import id.smartcity.api.WithdrawRegion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.Principal;
import java.util.Map;
import id.smartcity.ledger.gate.CommandGate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Commands on one region. Each answers 201 with the event it became, or a problem detail naming the rule. A body is
 * read by the {@link CommandGate}, as an import line is: the same parser, the same {@code api} record (its fields
 * {@code code} and {@code cohortYear} come from the path), the same limits and rules.
 */
@RestController
@RequestMapping(path = "/api/regions/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Commands", description = "Record the programme's steps for a region (role OPERATOR)")
class RegionCommandController {
    private final CommandExecution commands;

    RegionCommandController(CommandExecution commands) {
        this.commands = commands;
    }

    /**
     * The region's address, its code percent-encoded: a code is checked by the rules, not here, and one with a space
     * or brackets must be refused by them rather than break the answer's Location.
     */
    private static URI region(String code) {
        return UriComponentsBuilder.fromPath("/api/regions/{code}").encode().buildAndExpand(code).toUri();
    }

    @PostMapping("/selections")
    @Operation(summary = "Select a region into a cohort as a new participant")
    ResponseEntity<Object> select(@PathVariable String code, @Schema(implementation = SelectRegion.class) @RequestBody byte[] body,
                                   HttpServletRequest request, Principal principal) {
        return commands.execute(request, principal, region(code),
                CommandGate.read(SelectRegion.class, body, Map.of("code", code)));
    }

    @PostMapping("/engagements/{year}/mou")
    @Operation(summary = "Record the MoU of an engagement")
    ResponseEntity<Object> signMoU(@PathVariable String code, @PathVariable int year,
                                   @Schema(implementation = SignMoU.class) @RequestBody byte[] body,
                                   HttpServletRequest request, Principal principal) {
        return commands.execute(request, principal, region(code),
                CommandGate.read(SignMoU.class, body, Map.of("code", code, "cohortYear", year)));
    }

    @PostMapping("/engagements/{year}/mentors")
    @Operation(summary = "Assign a mentoring institution and its mentors to an engagement")
    ResponseEntity<Object> assignMentor(@PathVariable String code, @PathVariable int year,
                                   @Schema(implementation = AssignMentor.class) @RequestBody byte[] body,
                                   HttpServletRequest request, Principal principal) {
        return commands.execute(request, principal, region(code),
                CommandGate.read(AssignMentor.class, body, Map.of("code", code, "cohortYear", year)));
    }

    @PostMapping("/engagements/{year}/masterplan")
    @Operation(summary = "Submit the engagement's masterplan")
    ResponseEntity<Object> submitMasterplan(@PathVariable String code, @PathVariable int year,
                                   @Schema(implementation = SubmitMasterplan.class) @RequestBody byte[] body,
                                   HttpServletRequest request, Principal principal) {
        return commands.execute(request, principal, region(code),
                CommandGate.read(SubmitMasterplan.class, body, Map.of("code", code, "cohortYear", year)));
    }

    @PostMapping("/engagements/{year}/masterplan/revisions")
    @Operation(summary = "Revise a submitted masterplan")
    ResponseEntity<Object> reviseMasterplan(@PathVariable String code, @PathVariable int year,
                                   @Schema(implementation = ReviseMasterplan.class) @RequestBody byte[] body,
                                   HttpServletRequest request, Principal principal) {
        return commands.execute(request, principal, region(code),
                CommandGate.read(ReviseMasterplan.class, body, Map.of("code", code, "cohortYear", year)));
    }

    @PostMapping("/engagements/{year}/withdrawal")
    @Operation(summary = "Withdraw a region from an engagement")
    ResponseEntity<Object> withdraw(@PathVariable String code, @PathVariable int year,
                                   @Schema(implementation = WithdrawRegion.class) @RequestBody byte[] body,
                                   HttpServletRequest request, Principal principal) {
        return commands.execute(request, principal, region(code),
                CommandGate.read(WithdrawRegion.class, body, Map.of("code", code, "cohortYear", year)));
    }

    @PostMapping("/repeat-mentoring")
    @Operation(summary = "Start another engagement for a region that was assisted before")
    ResponseEntity<Object> repeatMentoring(@PathVariable String code, @Schema(implementation = RepeatMentoring.class) @RequestBody byte[] body,
                                   HttpServletRequest request, Principal principal) {
        return commands.execute(request, principal, region(code),
                CommandGate.read(RepeatMentoring.class, body, Map.of("code", code)));
    }

    @PostMapping("/assessments")
    @Operation(summary = "Record a candidate's assessment in a selection round")
    ResponseEntity<Object> assess(@PathVariable String code, @Schema(implementation = AssessCandidate.class) @RequestBody byte[] body,
                                   HttpServletRequest request, Principal principal) {
        return commands.execute(request, principal, region(code),
                CommandGate.read(AssessCandidate.class, body, Map.of("code", code)));
    }

    @PostMapping("/smart-province-selection")
    @Operation(summary = "Select a province as a Smart Province (80% of its regencies and cities have a masterplan)")
    ResponseEntity<Object> selectSmartProvince(@PathVariable String code, @Schema(implementation = SelectSmartProvince.class) @RequestBody byte[] body,
                                   HttpServletRequest request, Principal principal) {
        return commands.execute(request, principal, region(code),
                CommandGate.read(SelectSmartProvince.class, body, Map.of("code", code)));
    }

    @PostMapping("/engagements/{year}/council")
    @Operation(summary = "Record the Smart City council an engagement formed")
    ResponseEntity<Object> formCouncil(@PathVariable String code, @PathVariable int year,
                                   @Schema(implementation = FormSmartCityCouncil.class) @RequestBody byte[] body,
                                   HttpServletRequest request, Principal principal) {
        return commands.execute(request, principal, region(code),
                CommandGate.read(FormSmartCityCouncil.class, body, Map.of("code", code, "cohortYear", year)));
    }

    @PostMapping("/engagements/{year}/implementation-team")
    @Operation(summary = "Record the implementation team an engagement formed")
    ResponseEntity<Object> formTeam(@PathVariable String code, @PathVariable int year,
                                   @Schema(implementation = FormImplementationTeam.class) @RequestBody byte[] body,
                                   HttpServletRequest request, Principal principal) {
        return commands.execute(request, principal, region(code),
                CommandGate.read(FormImplementationTeam.class, body, Map.of("code", code, "cohortYear", year)));
    }

    @PostMapping("/quick-wins")
    @Operation(summary = "Record a quick win the region delivered")
    ResponseEntity<Object> recordQuickWin(@PathVariable String code, @Schema(implementation = RecordQuickWin.class) @RequestBody byte[] body,
                                   HttpServletRequest request, Principal principal) {
        return commands.execute(request, principal, region(code),
                CommandGate.read(RecordQuickWin.class, body, Map.of("code", code)));
    }

    @PostMapping("/evaluations")
    @Operation(summary = "Record the region's yearly implementation evaluation")
    ResponseEntity<Object> recordEvaluation(@PathVariable String code, @Schema(implementation = RecordEvaluation.class) @RequestBody byte[] body,
                                   HttpServletRequest request, Principal principal) {
        return commands.execute(request, principal, region(code),
                CommandGate.read(RecordEvaluation.class, body, Map.of("code", code)));
    }

}
