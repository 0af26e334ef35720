package id.smartcity.app;

import id.smartcity.app.cli.LedgerCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The ledger of Gerakan Menuju 100 Smart City: an HTTP server, or with a command, the auditor's command line. */
@SpringBootApplication(scanBasePackages = "id.smartcity")
@ConfigurationPropertiesScan("id.smartcity")
public class SmartCityLedgerApplication {

    public static void main(String[] args) {
        // Axon's update checker phones home; this ledger runs offline.
        System.setProperty("axoniq.update-checker.disabled", "true");
        // Axon's console module prints an advertisement box on every start unless this is set.
        System.setProperty("disable-axoniq-console-message", "true");
        if (LedgerCli.isCommand(args)) {
            System.exit(LedgerCli.run(args));
        }
        SpringApplication.run(SmartCityLedgerApplication.class, args);
    }
}
