package id.smartcity.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The live heap a step adds, less what was live when the step began. Two ways to see it: after each garbage
 * collection the step causes anyway ({@link #start()}: an upper bound, since after a young collection the old
 * generation still holds whatever garbage was promoted to it), or by a full collection every few seconds
 * ({@link #sampling}: exactly what stays reachable, at the price of the collections; for a small heap).
 */
final class HeapWatch implements NotificationListener {
    private final long baseline;
    private final AtomicLong peak = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final Thread sampler;
    private final Duration sampleEvery;
    private final ServerProcess server;
    private final AtomicLong serverPeak = new AtomicLong(-1);
    private volatile boolean stopped;
    private final long ledgerCpuStart;
    private final double serverCpuStart;

    private HeapWatch(Duration sampleEvery, ServerProcess server) {
        this.server = server;
        this.sampleEvery = sampleEvery;
        System.gc();
        baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        this.serverCpuStart = server == null ? Double.NaN : server.cpuSeconds();
        this.ledgerCpuStart = ledgerCpuNanos();
        peak.set(baseline);
        if (sampleEvery == null) {
            sampler = null;
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (collector instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(this, null, null);
                    emitters.add(emitter);
                }
            }
        } else {
            sampler = new Thread(() -> sample(sampleEvery), "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }
    }

    static HeapWatch start() {
        return new HeapWatch(null, null);
    }

    /** A full collection every {@code every}; also the resident memory of {@code server}, the server's process. */
    static HeapWatch sampling(Duration every, ServerProcess server) {
        return new HeapWatch(every, server);
    }

    private void sample(Duration every) {
        while (!stopped) {
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.gc();
            peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            serverPeak.accumulateAndGet(server.residentMegabytes(), Math::max);
        }
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
        peak.accumulateAndGet(used, Math::max);
    }

    private static long ledgerCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Stops watching; describes the peak live heap above the baseline (and, for a server process, the CPU split). */
    String stop() {
        double ledgerCpu = (ledgerCpuNanos() - ledgerCpuStart) / 1e9;
        double serverCpu = server == null ? Double.NaN : server.cpuSeconds() - serverCpuStart;
        stopped = true;
        if (sampler != null) {
            sampler.interrupt();
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        System.gc();
        peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(this);
            } catch (ListenerNotFoundException e) {
                // not registered: nothing to remove
            }
        }
        if (sampler == null) {
            return String.format(Locale.ROOT, "live heap +%d MB (peak after GC, above %d MB before)",
                    Math.max(0, peak.get() - baseline) >> 20, baseline >> 20);
        }
        return String.format(Locale.ROOT, "ledger's live heap +%d MB (peak of full-GC samples every %d s, above %d"
                + " MB before); server process resident %,d MB at most; CPU: ledger %.1f s, server %.1f s",
                Math.max(0, peak.get() - baseline) >> 20, sampleEvery.toSeconds(), baseline >> 20,
                Math.max(serverPeak.get(), server.residentMegabytes()), ledgerCpu, serverCpu);
    }
}
