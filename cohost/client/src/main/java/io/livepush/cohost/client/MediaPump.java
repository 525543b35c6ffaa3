package io.livepush.cohost.client;

import io.livepush.capture.AudioFrame;
import io.livepush.capture.AudioSource;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoSource;
import io.livepush.capture.stamp.FrameStamp;
import io.livepush.capture.stamp.Stamp;
import io.livepush.cohost.protocol.SeiDataMessage;
import io.livepush.cohost.rtc.PublishingLeg;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Reads a participant's sources into its {@link PublishingLeg}: {@code livepush-cohost-video-N}
 * reads the video source and {@code livepush-cohost-audio-N} the audio source, each pushing what it
 * read and releasing it. SEI payloads queued with {@link #queueSei} go out on the data channel just
 * before the next video frame, tagged with the frame number stamped in that frame (or -1 when it
 * carries no readable {@link FrameStamp}). {@link #close()} stops and joins both threads; the sources
 * stay open (the caller owns them).
 */
final class MediaPump implements AutoCloseable {
    private final PublishingLeg leg;
    private final VideoSource video;
    private final AudioSource audio;
    private final Consumer<Exception> onFailure;
    private final Queue<byte[]> sei = new ConcurrentLinkedQueue<>();
    private final Thread videoThread;
    private final Thread audioThread;
    private volatile boolean running = true;

    MediaPump(PublishingLeg leg, VideoSource video, AudioSource audio, int serial, Consumer<Exception> onFailure) {
        this.leg = leg;
        this.video = video;
        this.audio = audio;
        this.onFailure = onFailure;
        this.videoThread = new Thread(this::pumpVideo, "livepush-cohost-video-" + serial);
        this.audioThread = audio == null ? null : new Thread(this::pumpAudio, "livepush-cohost-audio-" + serial);
        videoThread.setDaemon(true);
        videoThread.start();
        if (audioThread != null) {
            audioThread.setDaemon(true);
            audioThread.start();
        }
    }

    void queueSei(byte[] payload) {
        sei.add(payload);
    }

    private void pumpVideo() {
        try {
            while (running) {
                VideoFrame frame = video.read();
                if (frame == null) {
                    return;
                }
                try {
                    if (!sei.isEmpty()) {
                        long n = stampedFrameNumber(frame);
                        byte[] p;
                        while ((p = sei.poll()) != null) {
                            leg.sendData(new SeiDataMessage(n, p).encode());
                        }
                    }
                    leg.pushVideo(frame);
                } finally {
                    frame.release();
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (running) {
                onFailure.accept(e);
            }
        }
    }

    private void pumpAudio() {
        try {
            while (running) {
                AudioFrame frame = audio.read();
                if (frame == null) {
                    return;
                }
                leg.pushAudio(frame);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (running) {
                onFailure.accept(e);
            }
        }
    }

    /** @return the frame number of a default-size stamp at the top-left corner, or -1 */
    static long stampedFrameNumber(VideoFrame frame) {
        if (frame.width() < FrameStamp.width(FrameStamp.DEFAULT_CELL_SIZE)
                || frame.height() < FrameStamp.height(FrameStamp.DEFAULT_CELL_SIZE)) {
            return -1;
        }
        Optional<Stamp> s = FrameStamp.read(frame.plane(0), frame.stride(0), frame.width(), frame.height(), 0, 0);
        return s.map(Stamp::frameNumber).orElse(-1L);
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : new Thread[] {videoThread, audioThread}) {
            if (t != null && t != Thread.currentThread()) {
                t.interrupt();
                try {
                    t.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
