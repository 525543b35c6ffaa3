package io.livepush.publisher.flv;

import java.util.Arrays;
import java.util.Objects;

/**
 * One tag read from an FLV file (FLV v10.1 spec, E.4.1): its type, its 32-bit timestamp in
 * milliseconds (Timestamp plus TimestampExtended) and its body (the AUDIODATA, VIDEODATA or
 * SCRIPTDATA bytes). Equality compares the body's contents.
 *
 * @param type the tag type
 * @param timestampMs the DTS in milliseconds, 0..2^32-1
 * @param body the tag body; owned by this record, do not modify
 */
public record FlvTag(FlvTagType type, long timestampMs, byte[] body) {
    /**
     * Checks the fields.
     *
     * @param type the tag type
     * @param timestampMs the DTS in milliseconds, 0..2^32-1
     * @param body the tag body; owned by this record, do not modify
     * @throws NullPointerException for a null type or body
     */
    public FlvTag {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlvTag t && t.type == type && t.timestampMs == timestampMs && Arrays.equals(t.body, body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, timestampMs) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "FlvTag[" + type + " @" + timestampMs + " ms, " + body.length + " bytes]";
    }
}
