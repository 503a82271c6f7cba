package dev.tradeloop.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * What the garbage collector did in this JVM between {@link #start} and {@link #toString}: collections,
 * their total pause, and the heap's peak use (the sum of the heap pools' peaks) against its maximum.
 */
final class GcFigures {

    private final long collections;
    private final long millis;

    private GcFigures(long collections, long millis) {
        this.collections = collections;
        this.millis = millis;
    }

    /** From now on: the heap pools' peaks are reset. */
    static GcFigures start() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        return new GcFigures(collections(), millis());
    }

    /** "collections | pause ms | peak heap MB of max MB", for a table row. */
    @Override
    public String toString() {
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        long max = Runtime.getRuntime().maxMemory();
        return String.format("%d | %d | %d of %d", collections() - collections, millis() - millis, peak >> 20,
                max >> 20);
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long millis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
