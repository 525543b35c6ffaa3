package io.livepush.publisher.rtmp.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.publisher.rtmp.message.RtmpMessage;
import io.livepush.publisher.rtmp.message.SetChunkSize;
import io.netty.buffer.AbstractByteBuf;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ResourceLeakDetector;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Netty's leak detector at PARANOID (every buffer tracked) sees no buffer of the chunk encoder collected unreleased.
 * A buffer dropped on purpose first shows that the detector reports in this JVM, so a silent pass means something.
 */
class RtmpChunkEncoderLeakTest {

    private final List<String> leaks = new CopyOnWriteArrayList<>();
    private ResourceLeakDetector.Level level;
    private ResourceLeakDetector<?> detector;

    @BeforeEach
    void paranoid() throws ReflectiveOperationException {
        level = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        // The detector every ByteBuf reports to; its listener sees each leak it finds.
        Field f = AbstractByteBuf.class.getDeclaredField("leakDetector");
        f.setAccessible(true);
        detector = (ResourceLeakDetector<?>) f.get(null);
        detector.setLeakListener((type, records) -> leaks.add(type));
        collectAndPoll();
        leaks.clear();
    }

    @AfterEach
    void restore() {
        detector.setLeakListener(null);
        ResourceLeakDetector.setLevel(level);
    }

    /** Runs the collector, then allocates so that the detector polls its queue of collected buffers. */
    private static void collectAndPoll() {
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int j = 0; j < 64; j++) {
                ByteBufAllocator.DEFAULT.directBuffer(16).release();
            }
        }
    }

    @Test
    void aBufferDroppedWithoutReleaseIsReported() {
        dropOne();
        collectAndPoll();
        assertFalse(leaks.isEmpty(), "the detector reports a dropped buffer in this JVM");
    }

    private static void dropOne() {
        PooledByteBufAllocator.DEFAULT.directBuffer(64).writeLong(1);
    }

    @Test
    void encodingSlicedAndCopiedMessagesLeaksNothing() {
        EmbeddedChannel channel = new EmbeddedChannel(new RtmpChunkEncoder());
        long bytes = 0;
        for (int i = 0; i < 400; i++) {
            if (i == 200) {
                channel.writeOutbound(new SetChunkSize(4096).toMessage(ByteBufAllocator.DEFAULT));
            }
            int size = i % 4 == 0 ? 60_000 : i % 4 == 1 ? 300 : 2_000 + i;
            ByteBuf payload = i % 3 == 0 ? ByteBufAllocator.DEFAULT.heapBuffer(size) : ByteBufAllocator.DEFAULT.directBuffer(size);
            payload.writeZero(size);
            channel.writeOutbound(new RtmpMessage(i % 2 == 0 ? 6 : 4, i % 2 == 0 ? 9 : 8, 33L * i, 1, payload));
            for (ByteBuf out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
                bytes += out.readableBytes();
                out.release();
            }
        }
        assertFalse(channel.finish());
        assertTrue(bytes > 400 * 300);
        collectAndPoll();
        assertEquals(List.of(), leaks);
    }
}
