package io.livepush.capture.audio;

import io.livepush.capture.AudioFormat;
import io.livepush.capture.AudioFrame;
import io.livepush.capture.AudioSource;
import io.livepush.capture.MediaClock;
import io.livepush.capture.SourceErrorListener;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A microphone (any capture device) through PulseAudio or ALSA, delivering frames in the format
 * asked for, whatever the device's own rate and channel count ({@link AudioConverter}).
 *
 * <pre>{@code
 * try (Microphone mic = Microphone.builder().device("default").format(new AudioFormat(48_000, 2)).clock(clock).build()) {
 *     AudioFrame f = mic.read();   // 20 ms of interleaved s16, pts on the clock
 * }
 * }</pre>
 *
 * <h2>Timestamps</h2>
 * The first sample's time is read from the {@link MediaClock}: the time the first block arrived,
 * minus its length. (The latency servers report for monitors includes the sink's playback buffer,
 * which is not capture delay, so it is not subtracted.) From there timestamps are counted in
 * samples: frame {@code k} has {@code pts = origin + floor(k * samplesPerFrame * 1e6 / rate)}, so
 * they never drift from the sample count.
 *
 * <h2>Gaps, faults and pacing</h2>
 * {@link #read()} returns each frame by its end time plus one frame length at the latest. Samples
 * that have not arrived by then are replaced by silence, so the audio timeline goes on in real time
 * whatever the device does, and samples that come later are delivered after it (a device that runs
 * late by a constant amount is thus absorbed once). When the device or server fails, the microphone keeps delivering silence at real-time
 * pace, reports the failure once per outage through the {@link SourceErrorListener} (on the thread
 * calling {@code read()}), and reconnects in the background; capture resumes on the same timeline.
 * When the reader falls more than {@value #MAX_BACKLOG_FRAMES} frames behind, the oldest samples are
 * dropped and the timeline moves on, as a hardware overrun would.
 *
 * <p>Threads: {@code livepush-mic-capture} does the native reads ({@link CaptureThread}); one
 * thread calls {@code read()}. {@link #close()} may come from any thread; it stops the capture
 * thread, which frees the native stream, and later reads return {@code null}.
 */
public final class Microphone implements AudioSource {
    /** Frames the reader may fall behind before samples are dropped. */
    public static final int MAX_BACKLOG_FRAMES = 5;
    /** Length of each native read, in milliseconds. */
    static final int FRAGMENT_MS = 10;

    private final AudioFormat format;
    private final MediaClock clock;
    private final int samplesPerFrame;
    private final long frameUs;
    private final String deviceName;
    private final AudioBackend backend;
    private final CaptureThread capture;
    private final AtomicReference<Throwable> pendingError = new AtomicReference<>();
    private final SampleBuffer buffer;
    private volatile SourceErrorListener errorListener;
    private volatile boolean closed;
    private boolean started;
    private long originUs;
    private long nextSample;
    private int generation = 1;
    private long silentSamples;
    private long droppedSamples;

    private Microphone(Builder b, DeviceOpener opener, CaptureStream first) {
        this.format = b.format;
        this.clock = b.clock;
        this.samplesPerFrame = b.samplesPerFrame != 0 ? b.samplesPerFrame : b.format.sampleRate() / 50;
        this.frameUs = samplesPerFrame * 1_000_000L / format.sampleRate();
        this.deviceName = first.device();
        this.backend = opener.backend();
        this.buffer = new SampleBuffer(format.channels(), samplesPerFrame * (MAX_BACKLOG_FRAMES + 2));
        this.capture = new CaptureThread(opener::open, first, format, FRAGMENT_MS, clock, this::captureFailed);
        capture.start();
    }

    /** @return a builder: default device, {@link AudioBackend#AUTO}, 48000 Hz stereo, a new clock */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    /** @return the backend in use */
    public AudioBackend backend() {
        return backend;
    }

    /** @return the device name as opened */
    public String device() {
        return deviceName;
    }

    /** @return samples per channel in each frame */
    public int samplesPerFrame() {
        return samplesPerFrame;
    }

    /** @return samples per channel filled with silence because the device had none in time (reader thread's view) */
    public long silentSamples() {
        return silentSamples;
    }

    /** @return samples per channel dropped because they came late or the reader fell behind */
    public long droppedSamples() {
        return droppedSamples;
    }

    @Override
    public void setErrorListener(SourceErrorListener listener) {
        this.errorListener = listener;
    }

    @Override
    public AudioFrame read() throws InterruptedException {
        if (closed) {
            return null;
        }
        reportPendingError();
        if (!started) {
            start();
        }
        long frameEnd = ptsOf(nextSample + samplesPerFrame);
        long deadline = frameEnd + frameUs;
        while (buffer.frames() < samplesPerFrame && !closed) {
            CaptureThread.Block b = capture.poll(deadline - clock.nowUs());
            if (b == null) {
                break;
            }
            take(b);
        }
        if (closed) {
            return null;
        }
        int have = buffer.frames();
        if (have > MAX_BACKLOG_FRAMES * samplesPerFrame) {
            int drop = have - samplesPerFrame;
            buffer.skip(drop);
            droppedSamples += drop;
            nextSample += drop;
        }
        short[] out = new short[samplesPerFrame * format.channels()];
        int got = buffer.take(out, samplesPerFrame);
        if (got < samplesPerFrame) {
            int missing = samplesPerFrame - got;
            silentSamples += missing;
        }
        long pts = ptsOf(nextSample);
        nextSample += samplesPerFrame;
        reportPendingError();
        return new AudioFrame(out, format.sampleRate(), format.channels(), pts);
    }

    private void start() throws InterruptedException {
        long now = clock.nowUs();
        CaptureThread.Block first = capture.poll(2 * frameUs);
        if (first != null) {
            long len = first.samples().length / format.channels() * 1_000_000L / format.sampleRate();
            originUs = Math.max(0, first.endUs() - len);
            take(first);
        } else {
            originUs = now;
        }
        started = true;
    }

    /** Appends a block; a block from a new connection discards what the old one left. */
    private void take(CaptureThread.Block b) {
        short[] s = b.samples();
        if (b.generation() != generation) {
            generation = b.generation();
            droppedSamples += buffer.frames();
            buffer.skip(buffer.frames());
        }
        int frames = s.length / format.channels();
        if (!buffer.put(s, 0, frames)) {
            droppedSamples += frames;
        }
    }

    private long ptsOf(long sample) {
        return originUs + Math.floorDiv(sample * 1_000_000L, format.sampleRate());
    }

    private void captureFailed(Throwable cause) {
        pendingError.set(cause);
    }

    private void reportPendingError() {
        Throwable e = pendingError.getAndSet(null);
        SourceErrorListener l = errorListener;
        if (e != null && l != null) {
            l.onSourceError(this, e);
        }
    }

    /** Stops capture and frees the device; idempotent. Later reads return {@code null}. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            capture.stop(500);
        }
    }

    @Override
    public String toString() {
        return "Microphone[" + backend.name().toLowerCase(java.util.Locale.ROOT) + ":" + deviceName + ", " + format + "]";
    }

    /**
     * Configuration of a {@link Microphone}; setters validate at once. Defaults: the default
     * device, {@link AudioBackend#AUTO}, 48000 Hz stereo, the default Pulse server, the device
     * opened at the output rate (or the nearest it has), 20 ms frames, a new {@link MediaClock}.
     */
    public static final class Builder {
        private String device;
        private AudioBackend backend = AudioBackend.AUTO;
        private AudioFormat format = new AudioFormat(48_000, 2);
        private MediaClock clock;
        private String pulseServer;
        private int deviceRate;
        private int samplesPerFrame;

        private Builder() {
        }

        /**
         * The device: a Pulse source name or an ALSA PCM name; {@code null} or {@code default} for the default.
         *
         * @param device a name from {@link AudioDevices#list()}, or {@code null} for the default; not blank, no control
         *     characters
         * @return this builder
         * @throws IllegalArgumentException for a blank name or one with control characters
         */
        public Builder device(String device) {
            if (device != null && (device.isBlank() || device.chars().anyMatch(Character::isISOControl))) {
                throw new IllegalArgumentException("audio device name '" + device + "' is not allowed (expected a device name"
                        + " from AudioDevices.list(), or null for the default)");
            }
            this.device = device;
            return this;
        }

        /**
         * The sound system; {@link AudioBackend#AUTO} prefers Pulse when a server answers.
         *
         * @param backend the sound system, never null
         * @return this builder
         */
        public Builder backend(AudioBackend backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /**
         * The format frames are delivered in; the device's is converted to it.
         *
         * @param format the delivered sample rate and channel count, never null
         * @return this builder
         */
        public Builder format(AudioFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * The clock timestamps are read from; share it with the video source.
         *
         * @param clock the shared clock, never null
         * @return this builder
         */
        public Builder clock(MediaClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The Pulse server, e.g. {@code unix:/run/user/1000/pulse/native}; {@code null} for the default.
         *
         * @param server a Pulse server address, or {@code null} for the default server
         * @return this builder
         */
        public Builder pulseServer(String server) {
            this.pulseServer = server;
            return this;
        }

        /**
         * Open the device at exactly this rate (and resample to the output rate); 0 (default) opens
         * it at the output rate or, for ALSA, the nearest the device offers.
         *
         * @param rate 0, or the device rate in Hz, 1000..768000
         * @return this builder
         * @throws IllegalArgumentException for another value
         */
        public Builder deviceRate(int rate) {
            if (rate != 0 && (rate < 1000 || rate > 768_000)) {
                throw new IllegalArgumentException("device rate " + rate + " Hz is not allowed (expected 0 or 1000..768000)");
            }
            this.deviceRate = rate;
            return this;
        }

        /**
         * Samples per channel per frame, at most 20 ms worth (default: 20 ms).
         *
         * @param samples samples per channel, 1..(output rate / 50); set {@link #format(AudioFormat)} first
         * @return this builder
         * @throws IllegalArgumentException outside that range
         */
        public Builder samplesPerFrame(int samples) {
            int max = format.sampleRate() / 50;
            if (samples < 1 || samples > max) {
                throw new IllegalArgumentException("samples per frame " + samples + " is not allowed (expected 1.." + max
                        + ", at most 20 ms at " + format.sampleRate() + " Hz)");
            }
            this.samplesPerFrame = samples;
            return this;
        }

        /**
         * Opens the device and starts capturing.
         *
         * @return the microphone
         * @throws IllegalArgumentException when the device does not exist (the message lists the
         *     devices found) or refuses the device rate (the message names the rates it supports)
         * @throws AudioDeviceException when the device cannot be opened for another reason
         */
        public Microphone build() throws AudioDeviceException {
            if (samplesPerFrame > format.sampleRate() / 50) {
                throw new IllegalArgumentException("samples per frame " + samplesPerFrame + " is more than 20 ms at "
                        + format.sampleRate() + " Hz");
            }
            if (clock == null) {
                clock = new MediaClock();
            }
            DeviceOpener opener = new DeviceOpener(device, backend, pulseServer, format, deviceRate, FRAGMENT_MS);
            CaptureStream first = opener.open();
            return new Microphone(this, opener, first);
        }
    }
}
