package id.smartcity.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The ledger of Gerakan Menuju 100 Smart City: its Spring application ({@link Main} starts it). */
@SpringBootApplication(scanBasePackages = "id.smartcity")
@ConfigurationPropertiesScan("id.smartcity")
public class SmartCityLedgerApplication {
}
