package io.livepush.encoder.audio;

/** The audio codecs an {@link AudioEncoder} can produce. */
public enum AudioCodec {
    /**
     * MPEG-4 AAC Low Complexity (ISO/IEC 14496-3, audio object type 2): 1024 samples per frame,
     * what RTMP/FLV carries (SoundFormat 10).
     */
    AAC_LC(2, 1024),
    /**
     * Opus (RFC 6716) at 48 kHz in 20 ms frames of 960 samples; carried by WebRTC and Enhanced RTMP
     * (FourCC {@code Opus}), not by legacy FLV. It has no MPEG-4 audio object type (0 here).
     */
    OPUS(0, 960);

    private final int audioObjectType;
    private final int frameSamples;

    AudioCodec(int audioObjectType, int frameSamples) {
        this.audioObjectType = audioObjectType;
        this.frameSamples = frameSamples;
    }

    /** @return the MPEG-4 audio object type (ISO/IEC 14496-3 1.5.1.1), 2 for AAC-LC, 0 for Opus */
    public int audioObjectType() {
        return audioObjectType;
    }

    /** @return samples per channel in one encoded frame */
    public int frameSamples() {
        return frameSamples;
    }
}
