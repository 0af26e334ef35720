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
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Commands on one region. Each answers 201 with the event it became, or a problem detail naming the rule. */
@RestController
@RequestMapping("/api/regions/{code}")
@Tag(name = "Commands", description = "Record the programme's steps for a region (role OPERATOR)")
class RegionCommandController {
    private final CommandExecution commands;

    RegionCommandController(CommandExecution commands) {
        this.commands = commands;
    }

    private static URI region(String code) {
        return URI.create("/api/regions/" + code);
    }

    @PostMapping("/selections")
    @Operation(summary = "Select a region into a cohort as a new participant")
    ResponseEntity<Object> select(@PathVariable String code, @Valid @RequestBody CommandRequests.Selection body,
                                  HttpServletRequest request, Principal principal) {
        return commands.execute(request, principal, body, region(code), () -> new SelectRegion(code, body.name(),
                body.kind(), body.cohortYear(), body.selectedOn(),
                body.assessment() == null ? null : body.assessment().toAssessment()));
    }

    @PostMapping("/engagements/{year}/mou")
    @Operation(summary = "Record the MoU of an engagement")
    ResponseEntity<Object> signMoU(@PathVariable String code, @PathVariable int year,
                                   @Valid @RequestBody CommandRequests.MoU body, HttpServletRequest request,
                                   Principal principal) {
        return commands.execute(request, principal, body, region(code), () -> new SignMoU(code, year,
                body.signedOn(), body.place(), body.virtual(), orEmpty(body.signatories()), orEmpty(body.scope())));
    }

    @PostMapping("/engagements/{year}/mentors")
    @Operation(summary = "Assign a mentoring institution and its mentors to an engagement")
    ResponseEntity<Object> assignMentor(@PathVariable String code, @PathVariable int year,
                                        @Valid @RequestBody CommandRequests.Mentor body, HttpServletRequest request,
                                        Principal principal) {
        return commands.execute(request, principal, body, region(code), () -> new AssignMentor(code, year,
                body.institution(), body.mentors(), body.assignedOn()));
    }

    @PostMapping("/engagements/{year}/masterplan")
    @Operation(summary = "Submit the engagement's masterplan")
    ResponseEntity<Object> submitMasterplan(@PathVariable String code, @PathVariable int year,
                                            @Valid @RequestBody CommandRequests.Masterplan body,
                                            HttpServletRequest request, Principal principal) {
        return commands.execute(request, principal, body, region(code), () -> new SubmitMasterplan(code, year,
                body.submittedOn(), body.horizonYears(), body.pillars(), orEmpty(body.quickWins()),
                body.documentSha256()));
    }

    @PostMapping("/engagements/{year}/masterplan/revisions")
    @Operation(summary = "Revise a submitted masterplan")
    ResponseEntity<Object> reviseMasterplan(@PathVariable String code, @PathVariable int year,
                                            @Valid @RequestBody CommandRequests.MasterplanRevision body,
                                            HttpServletRequest request, Principal principal) {
        return commands.execute(request, principal, body, region(code), () -> new ReviseMasterplan(code, year,
                body.revisedOn(), body.horizonYears(), body.pillars(), orEmpty(body.quickWins()),
                body.documentSha256(), body.reason()));
    }

    @PostMapping("/engagements/{year}/withdrawal")
    @Operation(summary = "Withdraw a region from an engagement")
    ResponseEntity<Object> withdraw(@PathVariable String code, @PathVariable int year,
                                    @Valid @RequestBody CommandRequests.Withdrawal body, HttpServletRequest request,
                                    Principal principal) {
        return commands.execute(request, principal, body, region(code), () -> new WithdrawRegion(code, year,
                body.withdrawnOn(), body.reason()));
    }

    @PostMapping("/repeat-mentoring")
    @Operation(summary = "Start another engagement for a region that was assisted before")
    ResponseEntity<Object> repeatMentoring(@PathVariable String code,
                                           @Valid @RequestBody CommandRequests.RepeatMentoring body,
                                           HttpServletRequest request, Principal principal) {
        return commands.execute(request, principal, body, region(code), () -> new RepeatMentoring(code,
                body.cohortYear(), body.startedOn(), body.reason()));
    }

    @PostMapping("/assessments")
    @Operation(summary = "Record a candidate's assessment in a selection round")
    ResponseEntity<Object> assess(@PathVariable String code, @Valid @RequestBody CommandRequests.CandidateAssessment body,
                                  HttpServletRequest request, Principal principal) {
        return commands.execute(request, principal, body, region(code), () -> new AssessCandidate(code, body.name(),
                body.kind(), body.round(), body.assessedOn(), body.scores() == null ? null : body.scores().toScores()));
    }

    @PostMapping("/smart-province-selection")
    @Operation(summary = "Select a province as a Smart Province (80% of its regencies and cities have a masterplan)")
    ResponseEntity<Object> selectSmartProvince(@PathVariable String code,
                                               @Valid @RequestBody CommandRequests.SmartProvinceSelection body,
                                               HttpServletRequest request, Principal principal) {
        return commands.execute(request, principal, body, region(code), () -> new SelectSmartProvince(code,
                body.name(), body.cohortYear(), body.selectedOn(),
                body.attestedMasterplans() == null ? 0 : body.attestedMasterplans(), body.attestationSource()));
    }

    @PostMapping("/engagements/{year}/council")
    @Operation(summary = "Record the Smart City council an engagement formed")
    ResponseEntity<Object> formCouncil(@PathVariable String code, @PathVariable int year,
                                       @Valid @RequestBody CommandRequests.Council body, HttpServletRequest request,
                                       Principal principal) {
        return commands.execute(request, principal, body, region(code), () -> new FormSmartCityCouncil(code, year,
                body.formedOn(), body.members().stream().map(CommandRequests.Member::toMember).toList(),
                body.decree()));
    }

    @PostMapping("/engagements/{year}/implementation-team")
    @Operation(summary = "Record the implementation team an engagement formed")
    ResponseEntity<Object> formTeam(@PathVariable String code, @PathVariable int year,
                                    @Valid @RequestBody CommandRequests.Team body, HttpServletRequest request,
                                    Principal principal) {
        return commands.execute(request, principal, body, region(code), () -> new FormImplementationTeam(code, year,
                body.formedOn(), body.lead(), body.members()));
    }

    @PostMapping("/quick-wins")
    @Operation(summary = "Record a quick win the region delivered")
    ResponseEntity<Object> recordQuickWin(@PathVariable String code, @Valid @RequestBody CommandRequests.QuickWin body,
                                          HttpServletRequest request, Principal principal) {
        return commands.execute(request, principal, body, region(code), () -> new RecordQuickWin(code, body.year(),
                body.title(), body.pillar(), body.deliveredOn()));
    }

    @PostMapping("/evaluations")
    @Operation(summary = "Record the region's yearly implementation evaluation")
    ResponseEntity<Object> recordEvaluation(@PathVariable String code,
                                            @Valid @RequestBody CommandRequests.Evaluation body,
                                            HttpServletRequest request, Principal principal) {
        return commands.execute(request, principal, body, region(code), () -> new RecordEvaluation(code, body.year(),
                body.dimensionScores(), body.pillarScores(), body.weights(), body.rank(), body.note()));
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
