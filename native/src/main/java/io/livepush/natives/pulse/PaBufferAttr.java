package io.livepush.natives.pulse;

import com.sun.jna.Structure;

/**
 * {@code pa_buffer_attr} ({@code pulse/def.h}): five {@code uint32_t} in bytes, 20 bytes. For a
 * record stream only {@code maxlength} and {@code fragsize} matter; {@code fragsize} is how much
 * the server gathers before it sends, so it sets the capture latency (the default is about 2 s,
 * which makes capture bursty). {@code (uint32_t) -1} lets the server choose.
 */
@Structure.FieldOrder({"maxlength", "tlength", "prebuf", "minreq", "fragsize"})
public class PaBufferAttr extends Structure {
    /** "Let the server choose" for any field. */
    public static final int DEFAULT = -1;

    /** Maximum bytes the server buffers for this stream. */
    public int maxlength = DEFAULT;
    /** Playback only: target buffer length. */
    public int tlength = DEFAULT;
    /** Playback only: pre-buffering. */
    public int prebuf = DEFAULT;
    /** Playback only: minimum request. */
    public int minreq = DEFAULT;
    /** Record only: bytes per fragment the server sends. */
    public int fragsize = DEFAULT;

    /** All fields "server's choice". */
    public PaBufferAttr() {
    }

    /**
     * A record-stream attribute with a small fragment.
     *
     * @param fragsizeBytes bytes per fragment
     * @param maxlengthBytes bytes the server may buffer before it drops (overrun)
     * @return the attribute
     */
    public static PaBufferAttr forRecord(int fragsizeBytes, int maxlengthBytes) {
        PaBufferAttr a = new PaBufferAttr();
        a.fragsize = fragsizeBytes;
        a.maxlength = maxlengthBytes;
        return a;
    }
}
