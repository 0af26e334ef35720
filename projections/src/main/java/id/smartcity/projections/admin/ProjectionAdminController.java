package id.smartcity.projections.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@Tag(name = "Administration", description = "Read models and their processors (role ADMIN)")
class ProjectionAdminController {
    private final ProjectionAdmin admin;

    ProjectionAdminController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/api/admin/projections")
    @Operation(summary = "Each processor's position, the head of the log and the lag")
    List<ProjectionAdmin.ProcessorStatus> status() {
        return admin.status();
    }

    @PostMapping("/api/admin/projections/{name}/rebuild")
    @Operation(summary = "Drop a read model and replay it from position 1; wait=true answers once caught up")
    ResponseEntity<Map<String, Object>> rebuild(@PathVariable String name,
                                                @RequestParam(defaultValue = "false") boolean wait,
                                                @RequestParam(defaultValue = "PT10M") Duration timeout)
            throws InterruptedException {
        if (!admin.exists(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No read model " + name);
        }
        long start = System.nanoTime();
        admin.rebuild(name);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("projection", name);
        if (!wait) {
            answer.put("status", "rebuilding");
            return ResponseEntity.accepted().body(answer);
        }
        boolean caughtUp = admin.awaitCaughtUp(name, timeout);
        answer.put("status", caughtUp ? "rebuilt" : "still rebuilding");
        answer.put("seconds", (System.nanoTime() - start) / 1e9);
        return ResponseEntity.status(caughtUp ? HttpStatus.OK : HttpStatus.ACCEPTED).body(answer);
    }
}
