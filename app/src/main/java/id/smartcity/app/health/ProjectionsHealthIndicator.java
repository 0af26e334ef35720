package id.smartcity.app.health;

import id.smartcity.projections.admin.ProjectionAdmin;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Down when a read model's processor has stopped or its batch keeps failing; each one's position, the head and the lag in the details. */
@Component("projections")
class ProjectionsHealthIndicator extends AbstractHealthIndicator {
    private final ProjectionAdmin projections;

    ProjectionsHealthIndicator(ProjectionAdmin projections, MeterRegistry meters) {
        super("The read models' processors cannot be inspected");
        this.projections = projections;
        for (String name : projections.names()) {
            Gauge.builder("ledger.projection.lag", () -> projections.status().stream()
                            .filter(status -> status.name().equals(name)).mapToLong(ProjectionAdmin.ProcessorStatus::lag)
                            .findFirst().orElse(-1))
                    .tag("processor", name).description("Events the read model is behind the head of the log")
                    .register(meters);
        }
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean allWorking = true;
        for (ProjectionAdmin.ProcessorStatus status : projections.status()) {
            details.put(status.name(), Map.of("running", status.running(), "failing", status.failing(),
                    "position", status.position(), "head", status.head(), "lag", status.lag()));
            allWorking &= status.running() && !status.failing();
        }
        (allWorking ? builder.up() : builder.down()).withDetails(details);
    }
}
