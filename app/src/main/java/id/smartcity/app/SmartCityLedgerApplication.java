package id.smartcity.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The ledger of Gerakan Menuju 100 Smart City. */
@SpringBootApplication(scanBasePackages = "id.smartcity")
@ConfigurationPropertiesScan("id.smartcity")
public class SmartCityLedgerApplication {

    public static void main(String[] args) {
        // Axon's update checker phones home; this ledger runs offline.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(SmartCityLedgerApplication.class, args);
    }
}
