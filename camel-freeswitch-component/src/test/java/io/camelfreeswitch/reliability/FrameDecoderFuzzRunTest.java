package io.camelfreeswitch.reliability;

import io.camelfreeswitch.esl.NettyLeakDetection;
import net.jqwik.engine.SourceOfRandomness;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The long fuzz run: {@code -Dfuzz.tries=1000000} draws that many inputs from the same jqwik generators as
 * {@link FrameDecoderFuzzPropertiesTest} and feeds each to a fresh decoder. Seeded ({@code -Dfuzz.seed=...}); the seed
 * is printed so a failure can be replayed. A hang fails through the timeout; a leaked buffer through the leak hook.
 */
@ExtendWith(NettyLeakDetection.class)
class FrameDecoderFuzzRunTest {

    @Test
    @Timeout(value = 3, unit = TimeUnit.HOURS)
    void everyGeneratedInputEndsInFramesOrTheDecodersOwnException() {
        int tries = Integer.getInteger("fuzz.tries", 10_000);
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("[fuzz] decoder fuzz run: tries=" + tries + " seed=" + seed
                + " (replay with -Dfuzz.seed=" + seed + ")");
        // paranoid leak detection records a stack trace per buffer access, which would make a million inputs take
        // days; SIMPLE still tracks a sample of the buffers and reports any leak, which the extension turns into a
        // failure (the jqwik properties run under paranoid detection)
        ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);
        try {
            run(tries, seed);
        } finally {
            ResourceLeakDetector.setLevel(level);
        }
    }

    private static void run(int tries, long seed) {
        SourceOfRandomness.create(Long.toString(seed)); // jqwik's sampling draws from this thread's seeded random
        java.util.Iterator<FrameFuzzInputs.Input> generated = FrameFuzzInputs.inputs().sampleStream().iterator();
        long rejected = 0;
        long frames = 0;
        long bytes = 0;
        for (int i = 0; i < tries; i++) {
            FrameFuzzInputs.Input input = generated.next();
            DecoderFeeder.Outcome outcome;
            try {
                outcome = DecoderFeeder.feed(input.bytes(), input.chunkSizes(), FrameFuzzInputs.MAX_HEADER_BLOCK,
                        FrameFuzzInputs.MAX_BODY);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("input #" + i + " (seed " + seed + ") raised " + e + ": " + input, e);
            }
            assertThat(outcome.bodyBytes()).isLessThanOrEqualTo(input.bytes().length);
            rejected += outcome.rejection() != null ? 1 : 0;
            frames += outcome.frames().size();
            bytes += input.bytes().length;
        }
        System.out.println("[fuzz] inputs=" + tries + " bytes=" + bytes + " framesDecoded=" + frames
                + " rejectedWithEslDecoderException=" + rejected + " otherExceptions=0 seed=" + seed);
        assertThat(rejected).as("the generator must reach the error paths").isPositive();
        assertThat(frames).as("the generator must reach the happy path").isPositive();
    }
}
