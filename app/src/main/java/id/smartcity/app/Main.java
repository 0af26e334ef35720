package id.smartcity.app;

import id.smartcity.app.cli.LedgerCli;
import org.springframework.boot.SpringApplication;

/**
 * The jar's entry point: with a command, the auditor's command line; without, the ledger's HTTP server. Apart from
 * the application class, which the command line boots for its reads, so that neither imports the other.
 */
public final class Main {
    private Main() {
    }

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
