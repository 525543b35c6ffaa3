package io.livepush.publisher.rtmp.message;

/**
 * The chunk stream ids LivePush sends each kind of message on (Adobe RTMP 1.0, §5.3.1.1 "Chunk Basic Header").
 *
 * <p>The spec fixes only id 2 (protocol control messages, §5.4); the others are a convention shared with FFmpeg
 * and OBS: commands on 3, audio on 4, data (metadata) on 5, video on 6. Separate chunk streams for audio and video
 * keep each stream's timestamps monotonic, so header compression (types 1-3) works well on both.
 */
public final class ChunkStreamIds {

    /** Lowest valid chunk stream id; 0 and 1 are basic-header escape values (§5.3.1.1). */
    public static final int MIN = 2;
    /** Highest chunk stream id the 3-byte basic header can carry: 65599. */
    public static final int MAX = 65599;

    /** Protocol control messages (types 1, 2, 3, 5, 6) and user control messages (type 4), §5.4. */
    public static final int PROTOCOL_CONTROL = 2;
    /** AMF0 command messages (type 20). */
    public static final int COMMAND = 3;
    /** Audio messages (type 8). */
    public static final int AUDIO = 4;
    /** AMF0 data messages (type 18), e.g. {@code @setDataFrame onMetaData}. */
    public static final int DATA = 5;
    /** Video messages (type 9). */
    public static final int VIDEO = 6;

    private ChunkStreamIds() {
    }
}
