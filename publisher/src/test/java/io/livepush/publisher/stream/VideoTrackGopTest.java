package io.livepush.publisher.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.source.FrameRate;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.encoder.EncodedVideoFrame;
import io.livepush.encoder.VideoEncoder;
import io.livepush.encoder.gop.GopController;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@link VideoTrack} with an encoder too slow for the source: frames must be dropped, but never the
 * one that starts the next GOP, so keyframes stay exactly one GOP apart on the 30 fps grid.
 */
class VideoTrackGopTest {
    @Test
    void aSlowEncoderNeverMakesTheKeyframeLateBecauseTheGopStartIsNeverDropped() throws Exception {
        GopController gop = new GopController(500_000);
        List<Long> idrs = new CopyOnWriteArrayList<>();
        VideoEncoder encoder = mock(VideoEncoder.class);
        when(encoder.isKeyframeDue(anyLong())).thenAnswer(i -> gop.isKeyframeDue(i.getArgument(0)));
        when(encoder.encode(any())).thenAnswer(i -> {
            VideoFrame f = i.getArgument(0);
            boolean idr = gop.shouldForceIdr(f.ptsUs());
            gop.onEncoded(f.ptsUs(), idr);
            if (idr) {
                idrs.add(f.ptsUs());
            }
            Thread.sleep(55); // slower than the 33 ms frame interval: the track has to drop
            return new EncodedVideoFrame(List.of(new byte[] {idr ? (byte) 0x65 : (byte) 0x41}), f.ptsUs(), f.ptsUs(), idr);
        });
        MediaClock clock = new MediaClock();
        TestPatternSource source = TestPatternSource.builder().size(64, 64).frameRate(FrameRate.of(30)).clock(clock)
                .realtime(true).build();
        List<Throwable> failures = new ArrayList<>();
        VideoTrack track = new VideoTrack(source, encoder, clock, false,
                new MediaFanOut(List.of(new MediaSendQueue(10_000))), failures::add, new SeiLedger(), unsent -> { });
        track.start();
        Thread.sleep(3200);
        track.stop(1000);
        source.close();

        assertTrue(failures.isEmpty(), failures.toString());
        assertTrue(track.droppedBeforeEncode() > 20, "the encoder was slow enough to force drops: " + track.droppedBeforeEncode());
        assertTrue(idrs.size() >= 5, "keyframes: " + idrs);
        for (int i = 1; i < idrs.size(); i++) {
            // 15 frames of 33 333.3 us: the grid puts the GOP start exactly 500 ms (+-1 us) after the last.
            assertEquals(500_000, idrs.get(i) - idrs.get(i - 1), 1, "keyframe spacing at " + idrs);
        }
    }
}
