package io.livepush.publisher.flv;

/**
 * The FLV TagType field (FLV v10.1 spec, E.4.1 "FLV Tag"), which is also the RTMP message type id of
 * the same payload (RTMP 1.0 sections 7.1.4 and 7.1.5: audio 8, video 9, AMF0 data 18).
 */
public enum FlvTagType {
    /** 8: an AUDIODATA body (E.4.2). */
    AUDIO(8),
    /** 9: a VIDEODATA body (E.4.3). */
    VIDEO(9),
    /** 18: a SCRIPTDATA body (E.4.4), AMF0 values such as {@code onMetaData}. */
    SCRIPT_DATA(18);

    private final int id;

    FlvTagType(int id) {
        this.id = id;
    }

    /** @return the TagType value, 8, 9 or 18 */
    public int id() {
        return id;
    }

    /**
     * @param id a TagType value (the low 5 bits of the tag's first byte)
     * @return the tag type, or {@code null} if {@code id} is not 8, 9 or 18
     */
    public static FlvTagType ofId(int id) {
        switch (id) {
            case 8:
                return AUDIO;
            case 9:
                return VIDEO;
            case 18:
                return SCRIPT_DATA;
            default:
                return null;
        }
    }
}
