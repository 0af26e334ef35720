package id.smartcity.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shipped history, history/programme.ndjson: one command per line, and every command becomes one event. */
final class ShippedHistory {
    static final Path FILE = Path.of("..", "history", "programme.ndjson");
    static final long EVENTS = read().lines().filter(line -> !line.isBlank()).count();

    private ShippedHistory() {
    }

    static String read() {
        try {
            return Files.readString(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
