package io.livepush.publisher.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.encoder.EncodedVideoFrame;
import io.livepush.encoder.audio.EncodedAudioFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The drop rules of SPECS.md (700 ms disposable, 900 ms P frames, >= 5 packets) and the outage bound. */
class MediaSendQueueTest {
    private static final long FRAME_US = 33_333;

    /** A slice NAL: IDR (type 5) for keyframes, else type 1 with nal_ref_idc 2, or 0 when disposable. */
    private static MediaPacket video(int frame, boolean key, boolean disposable) {
        byte header = (byte) (key ? 0x65 : disposable ? 0x01 : 0x41);
        long dts = frame * FRAME_US;
        return MediaPacket.of(new EncodedVideoFrame(List.of(new byte[] {header, 1, 2}), dts, dts, key));
    }

    private static MediaPacket audio(long ptsUs) {
        return MediaPacket.of(new EncodedAudioFrame(new byte[] {1, 2, 3}, ptsUs, 1024));
    }

    private static List<MediaPacket> drain(MediaSendQueue q) throws InterruptedException {
        List<MediaPacket> out = new ArrayList<>();
        MediaPacket p;
        while ((p = q.take(1, TimeUnit.MILLISECONDS)) != null) {
            out.add(p);
        }
        return out;
    }

    @Test
    void disposableFramesGoPastSevenHundredMillisecondsAndReferenceFramesStay() throws Exception {
        MediaSendQueue q = new MediaSendQueue(900);
        q.offer(video(0, true, false));
        for (int i = 1; i <= 24; i++) {
            q.offer(video(i, false, i % 2 == 0));
        }
        // 23 frames after the first inter frame = 767 ms > 700: the disposable half went, no reference frame.
        List<MediaPacket> left = drain(q);
        assertTrue(left.stream().noneMatch(MediaPacket::isDisposable), "disposable frames left");
        assertEquals(1 + 12, left.size());
        assertEquals(12, q.droppedVideoFrames());
    }

    @Test
    void pastNineHundredMillisecondsEveryInterFrameGoesUntilTheNextKeyframeButAudioAndKeyframesStay() throws Exception {
        MediaSendQueue q = new MediaSendQueue(900);
        q.offer(video(0, true, false));
        for (int i = 1; i <= 29; i++) {
            q.offer(video(i, false, false));
            q.offer(audio(i * FRAME_US));
        }
        assertFalse(q.offer(video(30, false, false)), "refused until the next keyframe");
        assertTrue(q.offer(audio(30 * FRAME_US)));
        assertTrue(q.offer(video(31, true, false)), "a keyframe ends the drop");
        assertTrue(q.offer(video(32, false, false)));
        List<MediaPacket> left = drain(q);
        assertEquals(31, left.stream().filter(p -> !p.isVideo()).count() + 1, "every audio frame kept");
        assertEquals(List.of(0L, 31 * FRAME_US, 32 * FRAME_US),
                left.stream().filter(MediaPacket::isVideo).map(MediaPacket::dtsUs).toList());
    }

    @Test
    void fewerThanFivePacketsAreNeverDropped() throws Exception {
        MediaSendQueue q = new MediaSendQueue(200);
        q.offer(video(0, false, false));
        q.offer(video(30, false, false));
        q.offer(video(60, false, false));
        q.offer(video(90, false, false));
        assertEquals(4, drain(q).size());
    }

    @Test
    void duringAnOutageOnlyTheNewestKeyframeOnwardsIsKeptAudioIncluded() throws Exception {
        MediaSendQueue q = new MediaSendQueue(10_000);
        for (int i = 0; i < 150; i++) {
            q.offer(video(i, i % 60 == 0, false));
            q.offer(audio(i * FRAME_US));
            q.trimForOutage();
        }
        List<MediaPacket> left = drain(q);
        assertTrue(left.get(0).isKeyframe(), "starts at a keyframe");
        assertEquals(120 * FRAME_US, left.get(0).dtsUs());
        assertEquals(30, left.stream().filter(MediaPacket::isVideo).count());
        assertEquals(120, q.droppedAudioDuringOutage());
    }

    @Test
    void anOutageWithoutAQueuedKeyframeKeepsOnlyTwoSecondsOfAudioAndWaitsForTheNextKeyframe() throws Exception {
        MediaSendQueue q = new MediaSendQueue(10_000);
        for (int i = 1; i <= 90; i++) {
            q.offer(video(i, false, false));
            q.offer(audio(i * FRAME_US));
        }
        q.trimForOutage();
        assertFalse(q.offer(video(91, false, false)), "inter frames wait for a keyframe");
        List<MediaPacket> left = drain(q);
        assertTrue(left.stream().noneMatch(MediaPacket::isVideo));
        assertEquals(61, left.size(), "audio of the last 2 s");
    }
}
