package io.livepush.publisher.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.publisher.rtmp.handshake.RtmpClientHandshakeHandler;
import io.livepush.publisher.rtmp.handshake.RtmpServerHandshakeHandler;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Both sides of the RTMP handshake (Adobe RTMP 1.0 §5.2) fed hostile peers: wrong versions, short,
 * long and random packets, split anywhere. Each either completes, waits for more (its deadline then
 * ends it) or fails with a protocol error and closes: never another exception or a hang.
 * Longer: {@code -Dfuzz.iterations=1000000}.
 */
class HandshakeFuzzTest {
    private static final int BLOCK = 1536;

    /** A valid peer's bytes: version 3, two 1536-byte blocks, then the start of the chunk stream. */
    static byte[] sample(long seed) {
        byte[] b = new byte[1 + 2 * BLOCK + 16];
        new java.util.SplittableRandom(seed).nextBytes(b);
        b[0] = 3;
        return b;
    }

    private static int fuzz(Supplier<ChannelHandler> handler, long seed) {
        FuzzInputs fuzz = new FuzzInputs(seed);
        byte[] sample = sample(seed);
        int refused = 0;
        for (int i = 0; i < FuzzInputs.iterations(); i++) {
            byte[] input = fuzz.mutate(sample);
            EmbeddedChannel ch = new EmbeddedChannel(handler.get());
            try {
                for (byte[] piece : fuzz.split(input)) {
                    if (ch.isOpen()) {
                        ch.writeInbound(Unpooled.wrappedBuffer(piece));
                    }
                }
                ch.checkException();
            } catch (Throwable t) {
                refused++;
                DecoderOutcome.requireProtocolError(t, handler.get().getClass().getSimpleName(), seed, i, input);
            } finally {
                Object m;
                while ((m = ch.readOutbound()) != null) {
                    ReferenceCountUtil.release(m);
                }
                try {
                    ch.finishAndReleaseAll();
                } catch (Throwable t) {
                    DecoderOutcome.requireProtocolError(t, "handshake", seed, i, input);
                }
            }
        }
        return refused;
    }

    @Test
    void theServerSideRefusesHostileClientsWithProtocolErrorsOnly() {
        int refused = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> fuzz(() -> new RtmpServerHandshakeHandler(Duration.ofSeconds(5)), FuzzInputs.seed()));
        assertTrue(refused > 0, "no hostile client was refused: the fuzzer tests nothing");
    }

    @Test
    void theClientSideRefusesHostileServersWithProtocolErrorsOnly() {
        int refused = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> fuzz(() -> new RtmpClientHandshakeHandler(Duration.ofSeconds(5)), FuzzInputs.seed() + 1));
        assertTrue(refused > 0, "no hostile server was refused: the fuzzer tests nothing");
    }
}
