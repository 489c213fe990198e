package io.camelfreeswitch.esl;

import io.camelfreeswitch.testing.PitListingRuns;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Fails a test when Netty reports a leaked ByteBuf. Netty only reports a leak when the garbage collector has
 * collected an unreleased buffer and a later allocation polls the reference queue, so after each test we collect
 * garbage and allocate a few buffers before looking. Surefire runs with {@code leakDetection.level=paranoid}, so
 * every buffer is tracked.
 */
public final class NettyLeakDetection implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {
    private static final ConcurrentLinkedQueue<String> LEAKS = new ConcurrentLinkedQueue<>();
    /**
     * Full collections per look; more rounds give the reference handler more chances to queue a leaked buffer. The
     * pit profile runs one: its tests run once per mutant, and these collections were most of their time.
     */
    private static final int GC_ROUNDS = Integer.getInteger("camel-freeswitch.test.leakCheckGcRounds", 3);
    private static volatile boolean installed;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        install();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (PitListingRuns.listingRun()) {
            return; // nothing runs that could leak
        }
        collectAndPoll();
        LEAKS.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (PitListingRuns.listingRun()) {
            return;
        }
        collectAndPoll();
        List<String> leaks = new ArrayList<>(LEAKS);
        LEAKS.clear();
        if (!leaks.isEmpty()) {
            throw new AssertionError("Netty reported " + leaks.size() + " leaked buffer(s):\n"
                    + String.join("\n----\n", leaks));
        }
    }

    @SuppressWarnings("unchecked")
    private static synchronized void install() throws ReflectiveOperationException {
        if (installed) {
            return;
        }
        if (ResourceLeakDetector.getLevel().ordinal() < ResourceLeakDetector.Level.ADVANCED.ordinal()) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        }
        Class<?> abstractByteBuf = Class.forName("io.netty.buffer.AbstractByteBuf");
        Field field = abstractByteBuf.getDeclaredField("leakDetector");
        field.setAccessible(true);
        ResourceLeakDetector<ByteBuf> detector = (ResourceLeakDetector<ByteBuf>) field.get(null);
        detector.setLeakListener((resourceType, records) -> LEAKS.add(resourceType + ": " + records));
        installed = true;
    }

    private static void collectAndPoll() {
        for (int round = 0; round < GC_ROUNDS; round++) {
            System.gc();
            System.runFinalization();
            for (ByteBufAllocator allocator : new ByteBufAllocator[] {PooledByteBufAllocator.DEFAULT,
                    UnpooledByteBufAllocator.DEFAULT, ByteBufAllocator.DEFAULT}) {
                allocator.buffer(16).release();
                allocator.directBuffer(16).release();
                allocator.heapBuffer(16).release();
            }
        }
    }

    /** Leaks reported so far (used by the test proving this extension works). */
    static List<String> drainLeaks() {
        collectAndPoll();
        List<String> leaks = new ArrayList<>(LEAKS);
        LEAKS.clear();
        return leaks;
    }
}
