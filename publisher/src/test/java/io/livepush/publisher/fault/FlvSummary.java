package io.livepush.publisher.fault;

import io.livepush.publisher.flv.FlvReader;
import io.livepush.publisher.flv.FlvTag;
import io.livepush.publisher.flv.FlvTagType;
import io.livepush.publisher.flv.FlvVideoTagBody;
import io.livepush.publisher.flv.FlvVideoTagInfo;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: what an FLV file (a recording) holds, read with LivePush's own FLV reader: the
 * order of its first tags, frame counts and the largest gap between audio frames.
 *
 * @param firstTags the kinds of the first tags: {@code meta}, {@code avc-header}, {@code aac-header},
 *     {@code key}, {@code inter}, {@code aac}
 * @param videoFrames coded video frames
 * @param keyframes coded keyframes
 * @param audioFrames raw AAC frames
 * @param maxAudioGapMs the largest step between consecutive audio timestamps
 * @param lastTimestampMs the last tag's timestamp
 */
record FlvSummary(List<String> firstTags, int videoFrames, int keyframes, int audioFrames, long maxAudioGapMs,
        long lastTimestampMs) {

    static FlvSummary read(Path file) throws IOException {
        List<String> first = new ArrayList<>();
        int video = 0;
        int keys = 0;
        int audio = 0;
        long lastAudio = -1;
        long maxGap = 0;
        long last = 0;
        try (FlvReader r = FlvReader.open(file)) {
            FlvTag t;
            while ((t = r.next()) != null) {
                String kind;
                if (t.type() == FlvTagType.SCRIPT_DATA) {
                    kind = "meta";
                } else if (t.type() == FlvTagType.VIDEO) {
                    FlvVideoTagInfo info = FlvVideoTagBody.parse(Unpooled.wrappedBuffer(t.body()));
                    if (info.avcPacketType() == FlvVideoTagInfo.AVC_SEQUENCE_HEADER) {
                        kind = "avc-header";
                    } else {
                        kind = info.keyframe() ? "key" : "inter";
                        video++;
                        keys += info.keyframe() ? 1 : 0;
                    }
                } else {
                    if (t.body().length > 1 && t.body()[1] == 0) {
                        kind = "aac-header";
                    } else {
                        kind = "aac";
                        audio++;
                        if (lastAudio >= 0) {
                            maxGap = Math.max(maxGap, t.timestampMs() - lastAudio);
                        }
                        lastAudio = t.timestampMs();
                    }
                }
                if (first.size() < 12) {
                    first.add(kind);
                }
                last = t.timestampMs();
            }
        }
        return new FlvSummary(first, video, keys, audio, maxGap, last);
    }

    /**
     * @return true when both sequence headers come before the first coded video frame and that frame is a
     *     keyframe (nginx-rtmp writes its own copy of the headers when it opens a recording, so repeats are fine)
     */
    boolean startsWithHeadersThenKeyframe() {
        int key = firstTags.indexOf("key");
        int inter = firstTags.indexOf("inter");
        if (key < 0 || (inter >= 0 && inter < key)) {
            return false;
        }
        List<String> before = firstTags.subList(0, key);
        return before.contains("avc-header") && before.contains("aac-header");
    }
}
