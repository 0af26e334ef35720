package id.smartcity.app.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.connection.ClusterDescription;
import id.smartcity.app.startup.MongoUnreachableException;
import java.time.Duration;
import java.util.stream.Collectors;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Holds the MongoDB client back until a writable server answers, for {@code startUpWait} at most, then stops the
 * start-up with what the driver saw of each server. Without it, every bean that uses MongoDB waits out the driver's
 * own server selection in turn and the cause ends up deep in a stack trace.
 */
final class MongoStartUpWait implements BeanPostProcessor {
    private final Duration wait;

    MongoStartUpWait(Duration wait) {
        this.wait = wait;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof MongoClient client) {
            awaitWritable(client);
        }
        return bean;
    }

    private void awaitWritable(MongoClient client) {
        long deadline = System.nanoTime() + wait.toNanos();
        ClusterDescription cluster = client.getClusterDescription();
        while (!cluster.hasWritableServer()) {
            if (System.nanoTime() > deadline) {
                throw new MongoUnreachableException(describe(cluster), wait);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MongoUnreachableException(describe(cluster), wait);
            }
            cluster = client.getClusterDescription();
        }
    }

    /** Each server with its type, and why the driver could not reach it; never the URI's credentials. */
    private static String describe(ClusterDescription cluster) {
        return cluster.getServerDescriptions().stream().map(server -> server.getAddress() + " " + server.getType()
                        + (server.getException() == null ? "" : " (" + rootMessage(server.getException()) + ")"))
                .collect(Collectors.joining(", "));
    }

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root == exception ? String.valueOf(exception.getMessage())
                : exception.getMessage() + ": " + root.getMessage();
    }
}
