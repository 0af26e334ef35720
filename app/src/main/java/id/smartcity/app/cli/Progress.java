package id.smartcity.app.cli;

import java.util.function.LongConsumer;

/** A progress bar with events per second on standard error, redrawn at most five times a second. */
final class Progress implements LongConsumer {
    private static final int WIDTH = 30;
    private final String task;
    private final long total;
    private final long start = System.nanoTime();
    private long lastDrawn;
    private long position;

    Progress(String task, long total) {
        this.task = task;
        this.total = total;
    }

    @Override
    public void accept(long reached) {
        position = reached;
        long now = System.nanoTime();
        if (now - lastDrawn > 200_000_000L) {
            lastDrawn = now;
            draw();
        }
    }

    void done() {
        draw();
        System.err.println();
    }

    private void draw() {
        double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-9);
        int filled = total == 0 ? WIDTH : (int) (WIDTH * Math.min(1.0, (double) position / total));
        System.err.printf("\r%-7s [%s%s] %,d/%,d events, %,.0f events/s ", task, "#".repeat(filled),
                " ".repeat(WIDTH - filled), position, total, position / seconds);
    }
}
