package id.smartcity.ledger.audit;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import id.smartcity.eventstore.CanonicalEvent;
import id.smartcity.eventstore.EventLog;
import id.smartcity.eventstore.audit.AuditLog;
import id.smartcity.eventstore.audit.ConsistencyProof;
import id.smartcity.eventstore.audit.Digest;
import id.smartcity.eventstore.audit.InclusionProof;
import id.smartcity.eventstore.audit.Verification;
import id.smartcity.ledger.rest.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The auditor's HTTP interface: the event log, its digest, verification, proofs and export (AUDITOR, ADMIN). */
@RestController
@Tag(name = "Audit", description = "The event log and the proof that it was not altered (roles AUDITOR, ADMIN)")
class AuditController {
    private static final int MAX_LIMIT = 1000;
    private static final int MAX_SCAN = 20_000;

    private final AuditLog audit;
    private final LedgerVerifier verifier;
    private final LastVerification last;
    private final WholeLogReads wholeLog;

    AuditController(AuditLog audit, LedgerVerifier verifier, LastVerification last, WholeLogReads wholeLog) {
        this.audit = audit;
        this.verifier = verifier;
        this.last = last;
        this.wholeLog = wholeLog;
    }

    /** A digest token that does not parse, or a proof outside the log: the auditor's request, not the ledger, is wrong. */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidAuditRequest(IllegalArgumentException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "INVALID_AUDIT_REQUEST", "The audit request cannot be answered",
                e.getMessage());
    }

    /** A parameter of the wrong form (from=x): named with the form it must have, before the handler above sees its cause. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail wrongForm(MethodArgumentTypeMismatchException e) {
        return Problems.typeMismatch(e.getName(), e.getValue(), e.getRequiredType());
    }

    @GetMapping("/api/audit/events")
    @Operation(summary = "Events in global order with payload, metadata and hash, filtered and paged by position")
    Map<String, Object> events(@RequestParam(defaultValue = "1") long from,
                               @RequestParam(defaultValue = "100") int limit,
                               @RequestParam(required = false) String region,
                               @RequestParam(required = false) String type,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                               Instant recordedFrom,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                               Instant recordedTo) {
        int wanted = Math.max(1, Math.min(limit, MAX_LIMIT));
        long head = audit.head();
        List<Map<String, Object>> events = new ArrayList<>();
        long position = Math.max(1, from);
        long scanned = 0;
        boolean filtered = region != null || type != null || recordedFrom != null || recordedTo != null;
        while (events.size() < wanted && position <= head && scanned < MAX_SCAN) {
            // Unfiltered, every event read is answered: read no more than asked for.
            List<Document> page = audit.events(position, filtered ? MAX_LIMIT : wanted - events.size());
            for (Document event : page) {
                position = event.getLong(EventLog.ID) + 1;
                scanned++;
                if (matches(event, region, type, recordedFrom, recordedTo)) {
                    events.add(view(event));
                    if (events.size() == wanted) {
                        break;
                    }
                }
            }
            if (page.isEmpty()) {
                break;
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("head", head);
        answer.put("next", position <= head ? position : null);
        answer.put("events", events);
        return answer;
    }

    private static boolean matches(Document event, String region, String type, Instant from, Instant to) {
        if (region != null && !region.equals(event.getString(EventLog.AGGREGATE_ID))) {
            return false;
        }
        String eventType = event.getString(EventLog.TYPE);
        if (type != null && !(eventType.equals(type) || eventType.endsWith("." + type))) {
            return false;
        }
        Instant recorded = Instant.parse(event.get(EventLog.META, Document.class).getString("recordedAt"));
        return (from == null || !recorded.isBefore(from)) && (to == null || recorded.isBefore(to));
    }

    private static Map<String, Object> view(Document event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("position", event.getLong(EventLog.ID));
        view.put("eventId", event.getString(EventLog.EVENT_ID));
        String type = event.getString(EventLog.TYPE);
        view.put("type", type.substring(type.lastIndexOf('.') + 1));
        view.put("payloadType", type);
        view.put("revision", event.getString(EventLog.REVISION));
        view.put("aggregateType", event.getString(EventLog.AGGREGATE_TYPE));
        view.put("aggregateId", event.getString(EventLog.AGGREGATE_ID));
        view.put("sequence", event.getLong(EventLog.SEQUENCE));
        view.put("timestamp", event.getString(EventLog.TIMESTAMP));
        view.put("payload", event.get(EventLog.PAYLOAD));
        view.put("metadata", event.get(EventLog.META));
        view.put("hash", event.getString(CanonicalEvent.HASH));
        return view;
    }

    @GetMapping(path = "/api/audit/export", produces = "application/x-ndjson")
    @Operation(summary = "Every event from a position as NDJSON (canonical JSON with its hash), streamed; resumable")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "1") long from) {
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            audit.export(from, writer, position -> { });
            writer.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson")).body(body);
    }

    @GetMapping("/api/audit/digest")
    @Operation(summary = "Head position, head hash and Merkle root over all event hashes, to keep outside the system;"
            + " with the outcome of this process's last verification (null before the first), so that a digest of a"
            + " log found broken is never shown as if it were sound")
    DigestAnswer digest() {
        return wholeLog.read(() -> new DigestAnswer(audit.digest(), last.last().orElse(null)));
    }

    /** The digest's own fields, then the last verification's outcome. */
    record DigestAnswer(@JsonUnwrapped Digest digest, LastVerification.Outcome lastVerification) {
    }

    @GetMapping("/api/audit/verify")
    @Operation(summary = "Recompute the chain and the tree, and compare every read model with a replay of the log:"
            + " OK, or the first position where the chain breaks and how, or each read-model document that differs")
    Map<String, Object> verify(@RequestParam(required = false) String digest,
                               @RequestParam(defaultValue = "true") boolean readModels) {
        Digest kept = digest == null ? null : Digest.parse(digest);
        LedgerVerifier.Report report = wholeLog.read(() -> verifier.verify(kept, readModels, position -> { }));
        Verification verification = report.chain();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", report.status());
        answer.put("chain", verification.ok() ? "OK" : "BROKEN");
        answer.put("verified", verification.verified());
        answer.put("readModels", report.readModelsChecked() ? report.readModels() : "not checked");
        if (verification.ok()) {
            answer.put("digest", verification.digest());
        } else {
            answer.put("position", verification.break_().position());
            answer.put("kind", verification.break_().kind());
            answer.put("detail", verification.break_().detail());
        }
        return answer;
    }

    @GetMapping("/api/audit/proof/inclusion")
    @Operation(summary = "The audit path of an event in the tree of the first treeSize events (RFC 6962)")
    InclusionProof inclusion(@RequestParam long position, @RequestParam(required = false) Long treeSize) {
        return wholeLog.read(() -> audit.inclusionProof(position, treeSize == null ? audit.head() : treeSize));
    }

    @GetMapping("/api/audit/proof/consistency")
    @Operation(summary = "The proof that the tree of `from` events is a prefix of the tree of `to` events (RFC 6962)")
    ConsistencyProof consistency(@RequestParam long from, @RequestParam(required = false) Long to) {
        return wholeLog.read(() -> audit.consistencyProof(from, to == null ? audit.head() : to));
    }
}
