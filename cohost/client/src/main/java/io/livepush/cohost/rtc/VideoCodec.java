package io.livepush.cohost.rtc;

/**
 * The video codec a {@link PublishingLeg} offers first. Both are software codecs inside
 * webrtc-java's native library and both negotiate with any WebRTC peer; the receiver decodes
 * whatever was negotiated.
 *
 * <p>{@link #H264} is the default: on loopback at 640x360 it showed both the lower push-to-sink
 * latency (median 4..14 ms against 14..17 ms over three runs) and the lower process CPU
 * (12..15 % of a core against 15..19 %, both legs in one process) of the two (see {@code RtcLoopbackIT}, which prints both), and the mixer's own
 * output is H.264 anyway. The other codecs stay in the offer as fallbacks, so a peer without
 * H.264 negotiates VP8, which every WebRTC implementation must support (RFC 7742).
 */
public enum VideoCodec {
    /** VP8 (libvpx, real-time mode). */
    VP8("VP8"),
    /** H.264 (webrtc's built-in software encoder, constrained baseline). */
    H264("H264");

    private final String rtpName;

    VideoCodec(String rtpName) {
        this.rtpName = rtpName;
    }

    /** @return the codec's RTP payload format name as it appears in SDP {@code a=rtpmap} lines */
    public String rtpName() {
        return rtpName;
    }
}
