package id.smartcity.eventstore;

import com.mongodb.client.MongoCursor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * A cursor read by a thread of its own, a few batches ahead of the reader: while the reader hashes, deserializes or
 * projects one batch, the server prepares and the driver decodes the next, on the other core. At most
 * {@code batches} batches wait, so the memory stays bounded however long the cursor is. The cursor is opened, used
 * and closed by that thread only (a driver cursor is not thread-safe), and a query that fails reaches the reader like
 * any other failure.
 */
final class ReadAhead implements Iterator<Document>, AutoCloseable {
    private static final List<Document> END = Collections.emptyList();
    private static final long OFFER_WAIT_MILLIS = 100;
    /** A reader that took nothing for this long has been dropped without closing: the thread then ends. */
    private static final long ABANDONED_AFTER_NANOS = TimeUnit.MINUTES.toNanos(10);
    private final BlockingQueue<List<Document>> ready;
    private final int batchSize;
    private final Thread reader;
    private volatile boolean closed;
    private volatile RuntimeException failure;
    private Iterator<Document> current = Collections.emptyIterator();
    private boolean ended;

    ReadAhead(Supplier<MongoCursor<Document>> query, int batchSize, int batches) {
        this.batchSize = batchSize;
        this.ready = new ArrayBlockingQueue<>(batches);
        this.reader = new Thread(() -> read(query), "event-log-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Supplier<MongoCursor<Document>> query) {
        try (MongoCursor<Document> cursor = query.get()) {
            List<Document> batch = new ArrayList<>(batchSize);
            while (!closed && cursor.hasNext()) {
                batch.add(cursor.next());
                // Handing over what the driver already has, before it asks the server for more, keeps the reader busy.
                if (batch.size() >= batchSize || cursor.available() == 0) {
                    hand(batch);
                    batch = new ArrayList<>(batchSize);
                }
            }
            hand(batch);
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            hand(END);
        }
    }

    private void hand(List<Document> batch) {
        if (batch.isEmpty() && batch != END) {
            return;
        }
        long since = System.nanoTime();
        try {
            while (!closed && !ready.offer(batch, OFFER_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() - since > ABANDONED_AFTER_NANOS) {
                    closed = true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (ended) {
                return false;
            }
            List<Document> batch;
            try {
                batch = ready.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading the event log", e);
            }
            if (batch == END) {
                ended = true;
                if (failure != null) {
                    throw failure;
                }
                return false;
            }
            current = batch.iterator();
        }
        return true;
    }

    @Override
    public Document next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

    /** Whether the reading thread still runs. */
    boolean reading() {
        return reader.isAlive();
    }

    /** Stops the reading thread, which closes the cursor; waits briefly for it (one batch from the server at most). */
    @Override
    public void close() {
        closed = true;
        ready.clear();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
