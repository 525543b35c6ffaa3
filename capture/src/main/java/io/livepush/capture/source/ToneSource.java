package io.livepush.capture.source;

import io.livepush.capture.AudioFormat;
import io.livepush.capture.AudioFrame;
import io.livepush.capture.AudioSource;
import io.livepush.capture.MediaClock;
import java.util.Objects;

/**
 * A synthetic microphone: a continuous sine tone, replaced by a louder beep at a different
 * frequency starting at each {@link FlashSchedule} instant, sample-exact, so the A/V sync of a
 * whole pipeline can be measured against the {@link TestPatternSource} flashes on the same clock.
 *
 * <h2>Samples and timestamps</h2>
 * Samples sit on the clock's absolute sample grid: sample {@code s} is at
 * {@code floor(s * 1e6 / rate)} microseconds, computed from {@code s} each time, so timestamps
 * never drift. The first {@link #read()} starts at the first sample at or after
 * {@link MediaClock#nowUs()}; each frame holds {@code samplesPerFrame} samples per channel
 * (default 20 ms; 1024 suits AAC) and its pts is that of its first sample. Both channels of
 * stereo carry the same signal.
 *
 * <h2>Signal</h2>
 * Outside a beep, sample {@code s} is {@code toneAmplitude * sin(phase)}, the phase advancing by
 * {@code 2 pi f / rate} per sample without reset (phase-continuous across frames and across beeps).
 * The beep for instant k starts at sample {@code o = }{@link FlashSchedule#onsetSample} and
 * lasts {@code beepSamples}; its sample {@code o + j} is {@code beepAmplitude * sin(2 pi fb j / rate)},
 * so it starts from zero at exactly the onset sample. Amplitudes are fractions of full scale.
 *
 * <h2>Pacing</h2>
 * Real-time (default): {@code read()} sleeps until the frame's pts. If the caller fell more than
 * {@value #MAX_LAG_FRAMES} frames behind, the samples in between are dropped (as a microphone
 * overrun drops them) and the tone's phase moves on as if they had been played. Not real-time:
 * frames come as fast as they are read.
 *
 * <p>Threads: none of its own; one thread calls {@code read()}; {@link #close()} may come from
 * any thread, after which {@code read()} returns {@code null}.
 */
public final class ToneSource implements AudioSource {
    /** How many frames the caller may fall behind before samples are dropped. */
    public static final int MAX_LAG_FRAMES = 5;

    private final Builder config;
    private final AudioFormat format;
    private final int samplesPerFrame;
    private final long beepSamples;
    private final double toneStep;
    private final double beepStep;
    private volatile boolean closed;
    private boolean started;
    private long nextSample;
    private double phase;
    private long produced;
    private long droppedSamples;

    private ToneSource(Builder b) {
        this.config = b.copy();
        this.format = new AudioFormat(b.sampleRate, b.channels);
        this.samplesPerFrame = b.samplesPerFrame != 0 ? b.samplesPerFrame : b.sampleRate / 50;
        this.beepSamples = Math.round(b.beepDurationUs * (double) b.sampleRate / 1_000_000.0);
        this.toneStep = 2 * Math.PI * b.frequencyHz / b.sampleRate;
        this.beepStep = 2 * Math.PI * b.beepFrequencyHz / b.sampleRate;
        if (b.frequencyHz >= b.sampleRate / 2.0 || b.beepFrequencyHz >= b.sampleRate / 2.0) {
            throw new IllegalArgumentException("tone " + b.frequencyHz + " Hz / beep " + b.beepFrequencyHz
                    + " Hz must be below half the sample rate (" + b.sampleRate / 2 + " Hz)");
        }
    }

    /** @return a builder with the defaults: 48 kHz stereo, 440 Hz, 1000 Hz beeps of 50 ms every second */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this source's configuration, for a variant */
    public Builder toBuilder() {
        return config.copy();
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    /** @return samples per channel in each frame */
    public int samplesPerFrame() {
        return samplesPerFrame;
    }

    /** @return the length of each beep in samples */
    public long beepSamples() {
        return beepSamples;
    }

    /** @return when this source beeps */
    public FlashSchedule flashSchedule() {
        return config.flashSchedule;
    }

    /** @return samples per channel dropped so far by real-time pacing */
    public long droppedSamples() {
        return droppedSamples;
    }

    /**
     * @param s the sample index per channel, counted from clock time 0
     * @return the timestamp of sample {@code s} on the clock: {@code floor(s * 1e6 / rate)}
     */
    public long ptsOfSample(long s) {
        return Math.floorDiv(s * 1_000_000L, config.sampleRate);
    }

    @Override
    public AudioFrame read() throws InterruptedException {
        if (closed || produced >= config.frameLimit) {
            return null;
        }
        MediaClock clock = config.clock;
        int rate = config.sampleRate;
        if (!started) {
            nextSample = sampleAtOrAfter(clock.nowUs());
            started = true;
        }
        if (config.realtime) {
            long now = clock.nowUs();
            long lagUs = now - ptsOfSample(nextSample);
            if (lagUs > MAX_LAG_FRAMES * (samplesPerFrame * 1_000_000L / rate)) {
                long resume = sampleAtOrAfter(now);
                long drop = resume - nextSample;
                phase = (phase + (toneStep * drop) % (2 * Math.PI)) % (2 * Math.PI);
                droppedSamples += drop;
                nextSample = resume;
            }
            clock.sleepUntil(ptsOfSample(nextSample));
            if (closed) {
                return null;
            }
        }
        long s0 = nextSample;
        short[] out = new short[samplesPerFrame * config.channels];
        FlashSchedule flashes = config.flashSchedule;
        long k = flashes.lastInstantAtOrBefore(s0, rate);
        long onset = k >= 0 ? flashes.onsetSample(k, rate) : Long.MIN_VALUE;
        long nextOnset = flashes.onsetSample(k + 1, rate);
        double toneScale = config.amplitude * Short.MAX_VALUE;
        double beepScale = config.beepAmplitude * Short.MAX_VALUE;
        int i = 0;
        for (long s = s0; s < s0 + samplesPerFrame; s++) {
            if (s == nextOnset) {
                onset = nextOnset;
                nextOnset = flashes.onsetSample(flashes.lastInstantAtOrBefore(s, rate) + 1, rate);
            }
            double v;
            long j = s - onset;
            if (onset != Long.MIN_VALUE && j < beepSamples) {
                v = beepScale * Math.sin(beepStep * (j % rate));
            } else {
                v = toneScale * Math.sin(phase);
            }
            phase += toneStep;
            if (phase >= 2 * Math.PI) {
                phase -= 2 * Math.PI;
            }
            short sample = (short) Math.round(v);
            for (int c = 0; c < config.channels; c++) {
                out[i++] = sample;
            }
        }
        nextSample = s0 + samplesPerFrame;
        produced++;
        return new AudioFrame(out, rate, config.channels, ptsOfSample(s0));
    }

    /** Ends the source: later reads return {@code null}. Idempotent. */
    @Override
    public void close() {
        closed = true;
    }

    private long sampleAtOrAfter(long ptsUs) {
        if (ptsUs <= 0) {
            return 0;
        }
        return -Math.floorDiv(-ptsUs * config.sampleRate, 1_000_000L);
    }

    @Override
    public String toString() {
        return "ToneSource[" + config.frequencyHz + " Hz, " + format.sampleRate() + " Hz x " + format.channels()
                + ", beep " + config.beepFrequencyHz + " Hz every " + config.flashSchedule.periodUs() + " us]";
    }

    /**
     * Configuration of a {@link ToneSource}; every setter validates at once. Defaults: 48000 Hz,
     * 2 channels, 440 Hz at amplitude 0.25, beeps of 1000 Hz at 0.8 lasting 50 ms every second,
     * 20 ms frames, a new {@link MediaClock}, real-time, no frame limit.
     */
    public static final class Builder {
        private int sampleRate = 48_000;
        private int channels = 2;
        private double frequencyHz = 440;
        private double amplitude = 0.25;
        private double beepFrequencyHz = 1000;
        private double beepAmplitude = 0.8;
        private long beepDurationUs = 50_000;
        private FlashSchedule flashSchedule = FlashSchedule.EVERY_SECOND;
        private int samplesPerFrame;
        private MediaClock clock;
        private boolean realtime = true;
        private long frameLimit = Long.MAX_VALUE;

        private Builder() {
        }

        /**
         * Sample rate and channel count (8000..192000 Hz, 1 or 2 channels).
         *
         * @param format the sample rate and channel count, never null
         * @return this builder
         */
        public Builder format(AudioFormat format) {
            this.sampleRate = format.sampleRate();
            this.channels = format.channels();
            return this;
        }

        /**
         * The tone's frequency in Hz, above 0 and below half the sample rate.
         *
         * @param hz above 0 and below 96000; keep it below half the sample rate
         * @return this builder
         * @throws IllegalArgumentException for 0 or less, 96000 or more, or not a number
         */
        public Builder frequencyHz(double hz) {
            this.frequencyHz = requireFrequency(hz, "tone");
            return this;
        }

        /**
         * The tone's amplitude as a fraction of full scale, 0..1.
         *
         * @param amplitude 0..1 of full scale
         * @return this builder
         * @throws IllegalArgumentException outside that range or not a number
         */
        public Builder amplitude(double amplitude) {
            this.amplitude = requireAmplitude(amplitude, "tone");
            return this;
        }

        /**
         * The beep's frequency in Hz, above 0 and below half the sample rate.
         *
         * @param hz above 0 and below 96000; keep it below half the sample rate
         * @return this builder
         * @throws IllegalArgumentException for 0 or less, 96000 or more, or not a number
         */
        public Builder beepFrequencyHz(double hz) {
            this.beepFrequencyHz = requireFrequency(hz, "beep");
            return this;
        }

        /**
         * The beep's amplitude as a fraction of full scale, 0..1.
         *
         * @param amplitude 0..1 of full scale
         * @return this builder
         * @throws IllegalArgumentException outside that range or not a number
         */
        public Builder beepAmplitude(double amplitude) {
            this.beepAmplitude = requireAmplitude(amplitude, "beep");
            return this;
        }

        /**
         * How long each beep lasts in microseconds; 0 turns beeps off; at most the flash period.
         *
         * @param us 0..3_600_000_000 microseconds; {@link #build()} also refuses more than the flash period
         * @return this builder
         * @throws IllegalArgumentException outside 0..3_600_000_000
         */
        public Builder beepDurationUs(long us) {
            if (us < 0 || us > 3_600_000_000L) {
                throw new IllegalArgumentException("beep duration " + us + " us is not allowed (expected 0..3600000000)");
            }
            this.beepDurationUs = us;
            return this;
        }

        /**
         * When to beep; share the schedule with the {@link TestPatternSource}.
         *
         * @param flashSchedule the schedule, never null
         * @return this builder
         */
        public Builder flashSchedule(FlashSchedule flashSchedule) {
            this.flashSchedule = Objects.requireNonNull(flashSchedule, "flashSchedule");
            return this;
        }

        /**
         * Samples per channel in each frame, 1..65536 (default: 20 ms worth; AAC wants 1024).
         *
         * @param samples samples per channel, 1..65536
         * @return this builder
         * @throws IllegalArgumentException outside that range
         */
        public Builder samplesPerFrame(int samples) {
            if (samples < 1 || samples > 65_536) {
                throw new IllegalArgumentException("samples per frame " + samples + " is not allowed (expected 1..65536)");
            }
            this.samplesPerFrame = samples;
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
         * true (default): pace frames in real time; false: produce them as fast as they are read.
         *
         * @param realtime true to pace, false to run free
         * @return this builder
         */
        public Builder realtime(boolean realtime) {
            this.realtime = realtime;
            return this;
        }

        /**
         * After this many frames {@code read()} returns {@code null}; at least 1.
         *
         * @param frameLimit frames to deliver, 1 or more
         * @return this builder
         * @throws IllegalArgumentException below 1
         */
        public Builder frameLimit(long frameLimit) {
            if (frameLimit < 1) {
                throw new IllegalArgumentException("frame limit " + frameLimit + " is not allowed (expected >= 1)");
            }
            this.frameLimit = frameLimit;
            return this;
        }

        /** @return the source */
        public ToneSource build() {
            if (beepDurationUs > flashSchedule.periodUs()) {
                throw new IllegalArgumentException("beep duration " + beepDurationUs + " us is longer than the flash period "
                        + flashSchedule.periodUs() + " us");
            }
            if (clock == null) {
                clock = new MediaClock();
            }
            return new ToneSource(this);
        }

        private static double requireFrequency(double hz, String what) {
            if (!(hz > 0 && hz < 96_000)) {
                throw new IllegalArgumentException(what + " frequency " + hz + " Hz is not allowed (expected > 0 and below half the sample rate)");
            }
            return hz;
        }

        private static double requireAmplitude(double a, String what) {
            if (!(a >= 0 && a <= 1)) {
                throw new IllegalArgumentException(what + " amplitude " + a + " is not allowed (expected 0..1 of full scale)");
            }
            return a;
        }

        private Builder copy() {
            Builder b = new Builder();
            b.sampleRate = sampleRate;
            b.channels = channels;
            b.frequencyHz = frequencyHz;
            b.amplitude = amplitude;
            b.beepFrequencyHz = beepFrequencyHz;
            b.beepAmplitude = beepAmplitude;
            b.beepDurationUs = beepDurationUs;
            b.flashSchedule = flashSchedule;
            b.samplesPerFrame = samplesPerFrame;
            b.clock = clock;
            b.realtime = realtime;
            b.frameLimit = frameLimit;
            return b;
        }
    }
}
