package io.livepush.publisher.stream;

import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoSource;
import io.livepush.encoder.EncodedVideoFrame;
import io.livepush.encoder.VideoEncoder;
import io.livepush.encoder.sei.SeiRepeat;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The video half of a {@link LiveStream}: a capture thread ({@code livepush-video-capture}) reads the
 * source and hands frames to an encoder thread ({@code livepush-video-encoder}) through a queue of
 * {@value #HANDOFF_FRAMES} frames; encoded access units go to the send queue.
 *
 * <p>When the encoder falls behind by more than the handoff queue and one frame interval, a raw
 * frame is released and counted as dropped, so latency never builds up before the encoder: the
 * newest, unless it is the frame that starts the next GOP (then the oldest queued one goes). The encoder is used only on
 * the encoder thread, except for the thread-safe calls of {@link VideoEncoder}. {@link #stop}
 * joins both threads and releases every frame still queued.
 *
 * <p>Each encoded access unit is matched against the {@link SeiLedger}, and the payloads it carries
 * travel with its packet. When the source has ended and the last frame is encoded, the payloads
 * still waiting are handed to {@code unsentAtSourceEnd} and further ones are refused.
 */
final class VideoTrack {
    private static final Logger LOG = LoggerFactory.getLogger(VideoTrack.class);
    static final int HANDOFF_FRAMES = 3;

    private final VideoSource source;
    private final VideoEncoder encoder;
    private final MediaClock clock;
    private final boolean seiTimestamps;
    private final MediaFanOut sendQueue;
    private final BlockingDeque<VideoFrame> handoff = new LinkedBlockingDeque<>(HANDOFF_FRAMES);
    private final AtomicLong framesIn = new AtomicLong();
    private final AtomicLong framesEncoded = new AtomicLong();
    private final AtomicLong droppedBeforeEncode = new AtomicLong();
    private volatile boolean sourceEnded;
    private final long frameIntervalUs;
    private final PipelineWorker capture;
    private final PipelineWorker encoderWorker;
    private final SeiLedger seiLedger;
    private final Consumer<List<byte[]>> unsentAtSourceEnd;

    /**
     * @param seiLedger the payloads sent through the stream, matched against each encoded frame
     * @param unsentAtSourceEnd told, on the encoder thread, which payloads no frame carried once the source ended
     */
    VideoTrack(VideoSource source, VideoEncoder encoder, MediaClock clock, boolean seiTimestamps,
            MediaFanOut sendQueue, Consumer<Throwable> onFailure, SeiLedger seiLedger,
            Consumer<List<byte[]>> unsentAtSourceEnd) {
        this.seiLedger = seiLedger;
        this.unsentAtSourceEnd = unsentAtSourceEnd;
        this.source = source;
        this.encoder = encoder;
        this.clock = clock;
        this.seiTimestamps = seiTimestamps;
        this.sendQueue = sendQueue;
        this.frameIntervalUs = source.format().frameIntervalUs();
        this.capture = new PipelineWorker("livepush-video-capture", this::captureLoop, onFailure);
        this.encoderWorker = new PipelineWorker("livepush-video-encoder", this::encodeLoop, onFailure);
    }

    void start() {
        encoderWorker.start();
        capture.start();
    }

    private void captureLoop(PipelineWorker self) throws Exception {
        while (self.running()) {
            VideoFrame frame = source.read();
            if (frame == null) {
                sourceEnded = true;
                return;
            }
            framesIn.incrementAndGet();
            // Wait at most one frame interval for the encoder, then drop: a live source must not
            // build latency up in front of a slow encoder.
            if (!handoff.offer(frame, frameIntervalUs, TimeUnit.MICROSECONDS)) {
                dropOneKeepingTheGopStart(frame);
            }
        }
    }

    /**
     * The encoder is behind and a frame must go. Normally the newest one; but when the newest is the
     * frame that starts the next GOP (and no older queued frame does), the oldest queued frame goes
     * instead, so the IDR still lands on the first frame {@code >= gop} after the last one and the
     * GOP never grows because the machine was busy. Only this thread inserts, so the removal always
     * makes room.
     */
    private void dropOneKeepingTheGopStart(VideoFrame newest) {
        droppedBeforeEncode.incrementAndGet();
        if (!encoder.isKeyframeDue(newest.ptsUs())) {
            newest.release();
            return;
        }
        VideoFrame oldest = handoff.pollFirst();
        if (oldest != null && encoder.isKeyframeDue(oldest.ptsUs())) {
            handoff.offerFirst(oldest);
            newest.release();
            return;
        }
        if (oldest != null) {
            oldest.release();
        }
        if (!handoff.offerLast(newest)) {
            newest.release();
        }
    }

    private void encodeLoop(PipelineWorker self) throws Exception {
        while (self.running()) {
            VideoFrame frame = handoff.poll(50, TimeUnit.MILLISECONDS);
            if (frame == null) {
                if (sourceEnded && !capture.isAlive() && handoff.isEmpty()) {
                    unsentAtSourceEnd.accept(seiLedger.close(LiveStream.SEI_AFTER_SOURCE_END));
                    return;
                }
                continue;
            }
            try {
                if (seiTimestamps) {
                    encoder.sendSei(CaptureTimeSei.message(clock.wallClockUs(frame.ptsUs())), SeiRepeat.once());
                }
                long t0 = System.nanoTime();
                EncodedVideoFrame au = encoder.encode(frame);
                if (au != null) {
                    if (framesEncoded.get() == 0) {
                        LOG.debug("first video frame encoded in {} ms ({}, {} bytes)", (System.nanoTime() - t0) / 1_000_000,
                                au.keyframe() ? "keyframe" : "not a keyframe", au.payloadSize());
                    }
                    framesEncoded.incrementAndGet();
                    sendQueue.offer(MediaPacket.of(au, seiLedger.carried(au)));
                }
            } finally {
                frame.release();
            }
        }
    }

    /** @return true when the source has ended and every frame was encoded */
    boolean finished() {
        return sourceEnded && !encoderWorker.isAlive();
    }

    /**
     * @return true once the source has ended and no captured frame waits for the encoder (the one being
     *     encoded, if any, has already taken its SEI)
     */
    boolean sourceEndedWithNoFrameQueued() {
        return sourceEnded && handoff.isEmpty();
    }

    long framesIn() {
        return framesIn.get();
    }

    long framesEncoded() {
        return framesEncoded.get();
    }

    long droppedBeforeEncode() {
        return droppedBeforeEncode.get();
    }

    /** Stops both threads within {@code timeoutMs} and releases queued frames. */
    void stop(long timeoutMs) {
        long deadline = PipelineWorker.deadline(timeoutMs);
        capture.stop(deadline);
        encoderWorker.stop(deadline);
        VideoFrame f;
        while ((f = handoff.poll()) != null) {
            f.release();
        }
    }

    boolean encoderThreadAlive() {
        return encoderWorker.isAlive();
    }
}
