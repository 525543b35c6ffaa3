package io.livepush.publisher.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.encoder.EncodedVideoFrame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recording reports an SEI-carrying frame it never wrote, and writes the ones it had time for. */
class RecordingOutputSeiLossTest {
    @TempDir
    Path dir;

    private static MediaPacket keyframeWithSei(long dtsUs, String payload) {
        EncodedVideoFrame au = new EncodedVideoFrame(List.of(new byte[] {0x65, 1, 2}), dtsUs, dtsUs, true);
        return MediaPacket.of(au, List.of(payload.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    @Test
    void aFrameWithSeiStillQueuedWhenTheRecordingStopsIsReportedUnsentAtClose() throws Exception {
        List<String> lost = new ArrayList<>();
        RecordingOutput out = new RecordingOutput(dir.resolve("r.flv"), false, Map.of(), null, e -> { },
                (p, reason) -> lost.add(reason + " " + new String(p.seiPayloads().get(0),
                        java.nio.charset.StandardCharsets.US_ASCII)));
        // Never started: nothing writes, as when the disk stalls past the drain time.
        out.queue().offer(keyframeWithSei(0, "late"));
        out.drainAndStop(1);
        assertEquals(List.of("UNSENT_AT_CLOSE late"), lost);
        assertEquals(0, out.queue().size());
    }

    @Test
    void aFrameWithSeiWrittenBeforeTheRecordingStopsIsNotReported() throws Exception {
        List<String> lost = new ArrayList<>();
        Path file = dir.resolve("w.flv");
        RecordingOutput out = new RecordingOutput(file, false, Map.of(), null, e -> { },
                (p, reason) -> lost.add(reason.toString()));
        out.start();
        out.queue().offer(keyframeWithSei(0, "kept"));
        out.drainAndStop(2000);
        assertEquals(List.of(), lost);
        assertTrue(Files.size(file) > 13 + 11 + 3, "header, the frame's tag and its NAL unit");
    }
}
