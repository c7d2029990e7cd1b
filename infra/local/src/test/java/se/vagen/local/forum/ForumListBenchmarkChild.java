package se.vagen.local.forum;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.micronaut.context.ApplicationContext;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import se.vagen.aws.LazyBeans;
import se.vagen.forum.ForumListRun;
import se.vagen.forum.ForumListSummary;
import se.vagen.forum.ForumWeek;

/**
 * The forum-list generation of the benchmark, alone in its own JVM (started by {@link ForumListBenchmark} with
 * {@code -Xmx512m}) so its heap is measured without DynamoDB Local or the loader beside it. Configuration comes
 * as {@code -Dvagen.*} system properties; prints one line {@code RESULT k=v ...}.
 */
public final class ForumListBenchmarkChild {

    private ForumListBenchmarkChild() {
    }

    public static void main(String[] args) throws Exception {
        ForumWeek week = ForumWeek.parse(args[0]).orElseThrow();
        Map<String, Object> properties = new HashMap<>();
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("vagen.")) {
                properties.put(k.toString(), v);
            }
        });
        AtomicLong peakAfterGc = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                            .mapToLong(MemoryUsage::getUsed).sum();
                    peakAfterGc.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        AtomicLong peakUsed = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        try (ApplicationContext context = LazyBeans.lazy(ApplicationContext.builder()
                .environments("function", "benchmark").deduceEnvironment(false).properties(properties)).start()) {
            ForumListRun run = context.getBean(ForumListRun.class);
            long start = System.nanoTime();
            ForumListSummary summary = run.generate(week, "benchmark", Instant.now());
            long millis = (System.nanoTime() - start) / 1_000_000;
            sampler.interrupt();
            System.out.printf("RESULT rows=%d millis=%d peakHeapUsed=%d peakHeapAfterGc=%d maxHeap=%d consumedRcu=%.1f "
                            + "itemBytes=%d items=%d queries=%d requestFloorRcu=%.1f atRisk=%d%n",
                    summary.total(), millis, peakUsed.get(), peakAfterGc.get(), Runtime.getRuntime().maxMemory(),
                    CapacityMeter.CONSUMED.sum(), CapacityMeter.ITEM_BYTES.get(), CapacityMeter.ITEMS.get(),
                    CapacityMeter.QUERIES.get(), CapacityMeter.REQUEST_FLOOR_HALF_UNITS.get() / 2.0,
                    summary.countsByStatus().get("AT_RISK"));
        }
    }
}
