package io.livepush.publisher.rtmp.message;

/**
 * RTMP message type ids (Adobe RTMP 1.0, §5.4 "Protocol Control Messages", §6.2 "User Control Messages",
 * §7.1 "Types of Messages").
 */
public enum RtmpMessageType {
    /** Set Chunk Size, §5.4.1. */
    SET_CHUNK_SIZE(1),
    /** Abort Message, §5.4.2. */
    ABORT(2),
    /** Acknowledgement, §5.4.3. */
    ACKNOWLEDGEMENT(3),
    /** User Control Message, §6.2 / §7.1.7. */
    USER_CONTROL(4),
    /** Window Acknowledgement Size, §5.4.4. */
    WINDOW_ACKNOWLEDGEMENT_SIZE(5),
    /** Set Peer Bandwidth, §5.4.5. */
    SET_PEER_BANDWIDTH(6),
    /** Audio Message, §7.1.5. */
    AUDIO(8),
    /** Video Message, §7.1.5. */
    VIDEO(9),
    /** Data Message, AMF3, §7.1.2. */
    DATA_AMF3(15),
    /** Shared Object Message, AMF3, §7.1.3. */
    SHARED_OBJECT_AMF3(16),
    /** Command Message, AMF3, §7.1.1. */
    COMMAND_AMF3(17),
    /** Data Message, AMF0, §7.1.2. */
    DATA_AMF0(18),
    /** Shared Object Message, AMF0, §7.1.3. */
    SHARED_OBJECT_AMF0(19),
    /** Command Message, AMF0, §7.1.1. */
    COMMAND_AMF0(20),
    /** Aggregate Message, §7.1.6. */
    AGGREGATE(22);

    private final int id;

    RtmpMessageType(int id) {
        this.id = id;
    }

    /** @return the type id on the wire */
    public int id() {
        return id;
    }

    /**
     * Looks up a type id.
     *
     * @param id a type id from a message header
     * @return the type, or {@code null} when the id is not one the spec defines
     */
    public static RtmpMessageType of(int id) {
        for (RtmpMessageType t : values()) {
            if (t.id == id) {
                return t;
            }
        }
        return null;
    }

    /**
     * @param id a type id
     * @return the type name and id for log lines, e.g. {@code VIDEO(9)} or {@code 7} for an unknown id
     */
    static String describe(int id) {
        RtmpMessageType t = of(id);
        return t == null ? Integer.toString(id) : t.name() + "(" + id + ")";
    }
}
