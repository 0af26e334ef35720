package id.smartcity.app;

import id.smartcity.app.cli.CommandLine;
import id.smartcity.projections.admin.ProjectionAdmin;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** The ledger of Gerakan Menuju 100 Smart City: an HTTP server, or with a command, a command line. */
@SpringBootApplication(scanBasePackages = "id.smartcity")
@ConfigurationPropertiesScan("id.smartcity")
public class SmartCityLedgerApplication {

    public static void main(String[] args) throws InterruptedException {
        // Axon's update checker phones home; this ledger runs offline.
        System.setProperty("axoniq.update-checker.disabled", "true");
        if (!CommandLine.isCommand(args)) {
            SpringApplication.run(SmartCityLedgerApplication.class, args);
            return;
        }
        int exitCode;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SmartCityLedgerApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .properties("logging.level.root=WARN", "spring.main.banner-mode=off")
                .run(args)) {
            exitCode = CommandLine.run(args, context.getBean(ProjectionAdmin.class), System.out);
        }
        System.exit(exitCode);
    }
}
