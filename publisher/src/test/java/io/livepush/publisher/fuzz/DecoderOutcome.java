package io.livepush.publisher.fuzz;

import io.livepush.publisher.ProtocolException;
import io.netty.handler.codec.DecoderException;

/** Test helper: what a decoder may do with hostile input: accept it, or refuse it with a protocol error. */
final class DecoderOutcome {
    private DecoderOutcome() {
    }

    /**
     * @throws AssertionError naming the case when {@code thrown} is anything but a protocol error (possibly
     *     wrapped by Netty in a {@link DecoderException})
     */
    static void requireProtocolError(Throwable thrown, String what, long seed, int caseNumber, byte[] input) {
        Throwable t = thrown instanceof DecoderException && thrown.getCause() != null ? thrown.getCause() : thrown;
        if (!(t instanceof ProtocolException)) {
            AssertionError e = new AssertionError(what + " threw " + t + " (expected a protocol error) on case "
                    + caseNumber + " of seed " + seed + ", " + input.length + " bytes: "
                    + io.netty.buffer.ByteBufUtil.hexDump(input, 0, Math.min(64, input.length)));
            e.initCause(t);
            throw e;
        }
    }
}
