package io.livepush.publisher.inspect;

import io.livepush.encoder.h264.NalUnitType;
import io.livepush.encoder.sei.SeiUserDataUnregistered;
import io.livepush.publisher.flv.FlvFormatException;
import io.livepush.publisher.flv.FlvTagType;
import io.livepush.publisher.flv.FlvVideoTagBody;
import io.livepush.publisher.flv.FlvVideoTagInfo;
import io.livepush.publisher.stream.CaptureTimeSei;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks at a received stream tag by tag, as an ingest sees it, and sums up what a streamer wants
 * to know: keyframe spacing, SEI messages, bitrate, time to the first keyframe, and the
 * capture-to-arrival latency of frames that carry a {@link CaptureTimeSei}.
 *
 * <p>Fed by the local ingest (as tags arrive) or by an FLV file. Not thread-safe: feed it from one
 * thread, or synchronize; {@link #report()} may be called at any time.
 */
public final class StreamInspector {
    private final long startEpochUs;
    private final List<Long> keyframeTimesMs = new ArrayList<>();
    private final List<Long> latenciesUs = new ArrayList<>();
    private final List<byte[]> appSeiPayloads = new ArrayList<>();
    private long videoFrames;
    private long audioFrames;
    private long mediaBytes;
    private long firstTimestampMs = -1;
    private long lastTimestampMs;
    private long firstKeyframeArrivalUs = -1;
    private boolean metaData;
    private boolean avcSequenceHeader;
    private int malformedTags;

    /**
     * @param startEpochUs the Unix epoch time in microseconds the stream was started at, from which
     *     the first keyframe's arrival is measured
     */
    public StreamInspector(long startEpochUs) {
        this.startEpochUs = startEpochUs;
    }

    /**
     * Takes one tag.
     *
     * @param type the tag (RTMP message) type
     * @param timestampMs its timestamp
     * @param body the FLV tag body (an RTMP audio/video/data message payload)
     * @param arrivalEpochUs when it arrived, in Unix epoch microseconds
     */
    public synchronized void onTag(FlvTagType type, long timestampMs, byte[] body, long arrivalEpochUs) {
        if (type == FlvTagType.SCRIPT_DATA) {
            metaData = true;
            return;
        }
        if (type == FlvTagType.AUDIO) {
            if (body.length > 1 && body[1] == 1) {
                audioFrames++;
                count(timestampMs, body.length);
            }
            return;
        }
        FlvVideoTagInfo info;
        try {
            info = FlvVideoTagBody.parse(Unpooled.wrappedBuffer(body));
        } catch (FlvFormatException e) {
            malformedTags++;
            return;
        }
        if (info.avcPacketType() == FlvVideoTagInfo.AVC_SEQUENCE_HEADER) {
            avcSequenceHeader = true;
            return;
        }
        if (info.avcPacketType() != FlvVideoTagInfo.AVC_NALU) {
            return;
        }
        videoFrames++;
        count(timestampMs, body.length);
        if (info.keyframe()) {
            keyframeTimesMs.add(timestampMs);
            if (firstKeyframeArrivalUs < 0) {
                firstKeyframeArrivalUs = arrivalEpochUs;
            }
        }
        for (byte[] nal : info.nalUnits()) {
            if (nal.length > 0 && (nal[0] & 0x1F) == NalUnitType.SEI.value()) {
                readSei(nal, arrivalEpochUs);
            }
        }
    }

    private void readSei(byte[] nal, long arrivalEpochUs) {
        List<SeiUserDataUnregistered> messages;
        try {
            messages = SeiUserDataUnregistered.parseAll(nal);
        } catch (IllegalArgumentException e) {
            malformedTags++;
            return;
        }
        for (SeiUserDataUnregistered m : messages) {
            var captureUs = CaptureTimeSei.read(m);
            if (captureUs.isPresent()) {
                latenciesUs.add(arrivalEpochUs - captureUs.get());
            } else {
                appSeiPayloads.add(m.payload());
            }
        }
    }

    private void count(long timestampMs, int bytes) {
        if (firstTimestampMs < 0) {
            firstTimestampMs = timestampMs;
        }
        lastTimestampMs = Math.max(lastTimestampMs, timestampMs);
        mediaBytes += bytes;
    }

    /** @return the application SEI payloads seen so far (not the capture-time ones), in order */
    public synchronized List<byte[]> appSeiPayloads() {
        return List.copyOf(appSeiPayloads);
    }

    /** @return what was seen so far */
    public synchronized StreamReport report() {
        double durationS = firstTimestampMs < 0 ? 0 : (lastTimestampMs - firstTimestampMs) / 1000.0;
        List<Long> spacing = new ArrayList<>();
        for (int i = 1; i < keyframeTimesMs.size(); i++) {
            spacing.add(keyframeTimesMs.get(i) - keyframeTimesMs.get(i - 1));
        }
        return new StreamReport(metaData, avcSequenceHeader, videoFrames, audioFrames, durationS,
                durationS > 0 ? mediaBytes * 8 / durationS / 1000.0 : 0, List.copyOf(keyframeTimesMs), spacing,
                firstKeyframeArrivalUs < 0 ? -1 : (firstKeyframeArrivalUs - startEpochUs) / 1000,
                appSeiPayloads.size(), latenciesUs.size(), Percentiles.of(latenciesUs, 50) / 1000.0,
                Percentiles.of(latenciesUs, 95) / 1000.0, malformedTags);
    }
}
