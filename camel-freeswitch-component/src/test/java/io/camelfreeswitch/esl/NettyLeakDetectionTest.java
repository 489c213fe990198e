package io.camelfreeswitch.esl;

import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The leak hook used by every ESL test really sees a leaked buffer (else a green run would prove nothing). */
@ExtendWith(NettyLeakDetection.class)
class NettyLeakDetectionTest {

    @Test
    void anUnreleasedBufferIsReported() {
        leakOne();
        await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> !NettyLeakDetection.drainLeaks().isEmpty());
    }

    private static void leakOne() {
        PooledByteBufAllocator.DEFAULT.buffer(64).writeLong(1L);
    }

    @Test
    void aReleasedBufferIsNot() {
        PooledByteBufAllocator.DEFAULT.buffer(64).release();
        assertThat(NettyLeakDetection.drainLeaks()).isEmpty();
    }
}
