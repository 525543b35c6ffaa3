package io.livepush.example.embed;

import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFormat;
import io.livepush.capture.wav.WavFileSource;
import io.livepush.capture.y4m.Y4mFileSource;
import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.publisher.stream.LiveStream;
import io.livepush.publisher.stream.LiveStreamConfig;
import io.livepush.publisher.stream.LiveStreamListener;
import io.livepush.publisher.stream.SeiDropReason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Streams a Y4M video file and a WAV audio file, in real time, to an RTMP or RTMPS URL (H.264 with
 * a keyframe every 2 s, AAC), with an SEI event {@code {"event":"coupon","n":N}} every few seconds,
 * and exits when the files have been sent: 0 when all went out, 1 when the stream failed. An SEI
 * event that cannot go out (the video file ended first) is printed, never dropped silently.
 *
 * <p>Usage: {@code java -jar livepush-embed-example.jar VIDEO.y4m AUDIO.wav URL [SEI_EVERY_SECONDS]}
 */
public final class StreamFile {
    private StreamFile() {
    }

    /** @param args the Y4M file, the WAV file, the RTMP(S) URL with its key, optionally the SEI interval (default 2 s) */
    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length > 4) {
            throw new IllegalArgumentException(args.length
                    + " arguments given (expected VIDEO.y4m AUDIO.wav URL [SEI_EVERY_SECONDS])");
        }
        long everyMs = Math.round(1000 * Double.parseDouble(args.length == 4 ? args[3] : "2"));
        if (everyMs < 100) {
            throw new IllegalArgumentException("SEI interval " + args[3] + " s is not allowed (expected at least 0.1)");
        }
        MediaClock clock = new MediaClock(); // one clock for both sources: A/V sync by construction
        Y4mFileSource video = Y4mFileSource.builder(Path.of(args[0])).clock(clock).build();
        VideoFormat f = video.format();
        LiveStreamConfig config = LiveStreamConfig.builder(args[2])
                .video(VideoEncoderConfig.builder().size(f.width(), f.height()).fps(f.fps()).gopSeconds(2).build()).build();
        WavFileSource audio = WavFileSource.builder(Path.of(args[1])).format(config.audio().audioFormat())
                .clock(clock).build();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        LiveStreamListener listener = new LiveStreamListener() {
            @Override
            public void onFailed(Throwable cause) {
                failure.complete(cause);
            }

            @Override
            public void onSeiDropped(byte[] payload, SeiDropReason reason, String destination) {
                System.out.println("SEI event not delivered (" + reason + "): " + new String(payload, StandardCharsets.UTF_8));
            }
        };
        try (LiveStream stream = LiveStream.create(config, video, audio, clock, listener)) {
            stream.start().get(10, TimeUnit.SECONDS);
            for (int n = 1; !stream.awaitSourcesEnded(everyMs); n++) {
                try {
                    stream.sendSei(("{\"event\":\"coupon\",\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8));
                    System.out.println("sent SEI event " + n);
                } catch (IllegalStateException e) {
                    // The video file ended while its last frames were still being sent: no frame is left.
                    System.out.println("SEI event " + n + " not sent: " + e.getMessage());
                }
            }
        }
        System.out.println(failure.isDone() ? "stream failed: " + failure.join() : "file sent");
        System.exit(failure.isDone() ? 1 : 0);
    }
}
