package id.smartcity.app.cli;

import id.smartcity.projections.admin.ProjectionAdmin;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The same jar as a command line, for operators and auditors: it starts the ledger without HTTP on the configured
 * store (the embedded data folder, or {@code MONGODB_URI}), does one thing and exits.
 * <pre>
 *   java -jar smartcity-ledger-exec.jar projections status
 *   java -jar smartcity-ledger-exec.jar projections rebuild regions
 * </pre>
 */
public final class CommandLine {
    private static final List<String> COMMANDS = List.of("projections");

    private CommandLine() {
    }

    /** Whether the arguments ask for a command rather than the server. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command; answers the process's exit code. */
    public static int run(String[] args, ProjectionAdmin projections, PrintStream out) throws InterruptedException {
        if (args.length >= 2 && args[0].equals("projections") && args[1].equals("status")) {
            status(projections, out);
            return 0;
        }
        if (args.length >= 3 && args[0].equals("projections") && args[1].equals("rebuild")) {
            String name = args[2];
            if (!projections.exists(name)) {
                out.println("No read model '" + name + "'; known: regions, published-figures");
                return 2;
            }
            long start = System.nanoTime();
            projections.rebuild(name);
            boolean done = projections.awaitCaughtUp(name, Duration.ofHours(2));
            double seconds = (System.nanoTime() - start) / 1e9;
            long head = projections.status().stream().filter(status -> status.name().equals(name)).findFirst()
                    .orElseThrow().head();
            out.printf(Locale.ROOT, "%s %s: %d events in %.1f s (%.0f events/s)%n", name,
                    done ? "rebuilt" : "still rebuilding", head, seconds, head / Math.max(seconds, 1e-9));
            status(projections, out);
            return done ? 0 : 1;
        }
        out.println("""
                Usage: java -jar smartcity-ledger-exec.jar <command>
                  projections status            each read model's processor: position, head, lag
                  projections rebuild <name>    drop a read model and replay it from position 1 (regions, published-figures)
                Without a command, the ledger starts as an HTTP server.""");
        return 2;
    }

    private static void status(ProjectionAdmin projections, PrintStream out) {
        out.printf("%-18s %-8s %10s %10s %8s%n", "read model", "running", "position", "head", "lag");
        projections.status().forEach(status -> out.printf("%-18s %-8s %10d %10d %8d%n", status.name(),
                status.running(), status.position(), status.head(), status.lag()));
    }
}
