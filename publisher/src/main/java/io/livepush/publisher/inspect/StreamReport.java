package io.livepush.publisher.inspect;

import java.util.List;
import java.util.Locale;

/**
 * What a {@link StreamInspector} saw of a received stream.
 *
 * @param metaData an {@code onMetaData} arrived
 * @param avcSequenceHeader an AVC sequence header arrived
 * @param videoFrames coded video frames
 * @param audioFrames raw AAC frames
 * @param durationSeconds media time from the first to the last frame
 * @param kbps media bitrate over that time
 * @param keyframeTimesMs the timestamp of every keyframe
 * @param keyframeSpacingMs the distance between consecutive keyframes
 * @param firstKeyframeMs from the stream's start to the first keyframe's arrival, or -1
 * @param appSeiMessages application SEI messages (not capture-time ones)
 * @param latencySamples frames that carried a capture time
 * @param latencyP50Ms median capture-to-arrival latency
 * @param latencyP95Ms 95th percentile capture-to-arrival latency
 * @param malformedTags tags that could not be parsed
 */
public record StreamReport(boolean metaData, boolean avcSequenceHeader, long videoFrames, long audioFrames,
        double durationSeconds, double kbps, List<Long> keyframeTimesMs, List<Long> keyframeSpacingMs,
        long firstKeyframeMs, int appSeiMessages, int latencySamples, double latencyP50Ms, double latencyP95Ms,
        int malformedTags) {

    /** @return the smallest keyframe spacing in ms, or 0 with fewer than two keyframes */
    public long minKeyframeSpacingMs() {
        return keyframeSpacingMs.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    /** @return the largest keyframe spacing in ms, or 0 with fewer than two keyframes */
    public long maxKeyframeSpacingMs() {
        return keyframeSpacingMs.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** @return a multi-line human-readable report */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "  media            %.2f s, %d video frames (%.1f fps), %d audio frames%n",
                durationSeconds, videoFrames, durationSeconds > 0 ? (videoFrames - 1) / durationSeconds : 0, audioFrames));
        sb.append(String.format(Locale.ROOT, "  bitrate          %.0f kbps%n", kbps));
        sb.append(String.format(Locale.ROOT, "  onMetaData       %s, AVC sequence header %s%n",
                metaData ? "yes" : "NO", avcSequenceHeader ? "yes" : "NO"));
        sb.append(String.format(Locale.ROOT, "  keyframes        %d at %s ms%n", keyframeTimesMs.size(), keyframeTimesMs));
        sb.append(String.format(Locale.ROOT, "  keyframe spacing min %d ms, max %d ms%n", minKeyframeSpacingMs(),
                maxKeyframeSpacingMs()));
        sb.append(String.format(Locale.ROOT, "  first keyframe   %d ms after start%n", firstKeyframeMs));
        sb.append(String.format(Locale.ROOT, "  SEI messages     %d received%n", appSeiMessages));
        if (latencySamples > 0) {
            sb.append(String.format(Locale.ROOT, "  latency          capture -> ingest p50 %.1f ms, p95 %.1f ms (%d frames)%n",
                    latencyP50Ms, latencyP95Ms, latencySamples));
        }
        if (malformedTags > 0) {
            sb.append(String.format(Locale.ROOT, "  malformed tags   %d%n", malformedTags));
        }
        return sb.toString();
    }
}
