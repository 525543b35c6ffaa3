package io.livepush.publisher.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.livepush.encoder.EncodedVideoFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of {@link MediaSendQueue} that drops a packet carrying SEI payloads reports it, with the rule. */
class MediaSendQueueSeiLossTest {
    private static final long FRAME_US = 33_333;
    private static final byte[] SEI = {'s', 'e', 'i'};

    private final List<String> lost = new ArrayList<>();
    private final MediaSendQueue.SeiLoss record = (p, reason) -> lost.add(reason + " " + p.dtsUs() / FRAME_US + " "
            + new String(p.seiPayloads().get(0), java.nio.charset.StandardCharsets.US_ASCII));

    /** A reference (nal_ref_idc 2) or disposable (0) slice, or an IDR; frame 5 carries the payload. */
    private static MediaPacket video(int frame, boolean key, boolean disposable) {
        byte header = (byte) (key ? 0x65 : disposable ? 0x01 : 0x41);
        long dts = frame * FRAME_US;
        EncodedVideoFrame au = new EncodedVideoFrame(List.of(new byte[] {header, 1, 2}), dts, dts, key);
        return MediaPacket.of(au, frame == 5 ? List.of(SEI) : List.of());
    }

    @Test
    void aDisposableFrameWithSeiDroppedPastTheDisposableThresholdIsReportedAsCongestion() {
        MediaSendQueue q = new MediaSendQueue(900, record);
        q.offer(video(0, true, false));
        for (int i = 1; i <= 24; i++) {
            q.offer(video(i, false, i % 5 == 0));
        }
        assertEquals(List.of("CONGESTION 5 sei"), lost);
    }

    @Test
    void aFrameWithSeiRefusedWhileWaitingForAKeyframeIsReportedAsCongestion() {
        MediaSendQueue q = new MediaSendQueue(100, record);
        q.offer(video(0, true, false));
        for (int i = 1; i <= 4; i++) {
            q.offer(video(i, false, false)); // 5 packets spanning > 100 ms: inter frames go, wait for a keyframe
        }
        assertFalse(q.offer(video(5, false, false)));
        assertEquals(List.of("CONGESTION 5 sei"), lost);
    }

    @Test
    void aFrameWithSeiTrimmedDuringAnOutageIsReportedAsOutage() {
        MediaSendQueue q = new MediaSendQueue(10_000, record);
        for (int i = 0; i <= 6; i++) {
            q.offer(video(i, i == 0 || i == 6, false));
        }
        assertEquals(6, q.trimForOutage(), "everything before the newest keyframe");
        assertEquals(List.of("OUTAGE 5 sei"), lost);
    }

    @Test
    void aFrameWithSeiRefusedAfterAnOutageTrimUntilTheNextKeyframeIsReportedAsOutage() {
        MediaSendQueue q = new MediaSendQueue(10_000, record);
        q.offer(video(3, false, false));
        q.offer(video(4, false, false));
        assertEquals(2, q.trimForOutage(), "no keyframe queued: inter frames go, the queue waits for one");
        assertFalse(q.offer(video(5, false, false)));
        assertEquals(List.of("OUTAGE 5 sei"), lost);
    }

    @Test
    void aFrameWithSeiLeftQueuedWhenTheOutputIsDoneIsReportedAsUnsentAtClose() {
        MediaSendQueue q = new MediaSendQueue(10_000, record);
        for (int i = 0; i <= 7; i++) {
            q.offer(video(i, i == 0, false));
        }
        q.close();
        assertEquals(8, q.discardRemaining());
        assertEquals(0, q.size());
        assertEquals(List.of("UNSENT_AT_CLOSE 5 sei"), lost);
    }

    @Test
    void framesWithoutSeiAreDroppedWithoutAReport() {
        MediaSendQueue q = new MediaSendQueue(900, record);
        q.offer(video(0, true, false));
        for (int i = 6; i <= 40; i++) {
            q.offer(video(i, false, false));
        }
        q.trimForOutage();
        q.discardRemaining();
        assertEquals(List.of(), lost);
    }
}
