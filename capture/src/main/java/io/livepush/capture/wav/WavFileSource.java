package io.livepush.capture.wav;

import io.livepush.capture.AudioFormat;
import io.livepush.capture.AudioFrame;
import io.livepush.capture.AudioSource;
import io.livepush.capture.MediaClock;
import io.livepush.capture.audio.AudioConverter;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Plays a RIFF/WAVE file of 16-bit PCM (mono or stereo, any rate from 8000 to 192000 Hz) as an
 * audio source, converted to the format asked for ({@link AudioConverter}: windowed-sinc
 * resampling, mono/stereo).
 *
 * <p>Timestamps sit on the clock's sample grid, as {@code ToneSource}'s do: the first frame starts
 * at the first output sample at or after {@link MediaClock#nowUs()} when it is read, and frame
 * {@code k} has {@code pts = origin + floor(k * samplesPerFrame * 1e6 / rate)}. Real-time (default):
 * {@link #read()} sleeps until the frame's pts; otherwise frames come as fast as they are read.
 * At the end of the file the last, possibly shorter, frame is delivered and then {@code null}.
 *
 * <p>Threads: none of its own; one thread calls {@code read()}. {@link #close()} closes the file
 * and may come from any thread; later reads return {@code null}.
 */
public final class WavFileSource implements AudioSource {
    private final Path path;
    private final WavHeader header;
    private final AudioFormat format;
    private final InputStream in;
    private final AudioConverter converter;
    private final MediaClock clock;
    private final boolean realtime;
    private final int samplesPerFrame;
    private final byte[] raw;
    private short[] pending = new short[0];
    private long remainingBytes;
    private boolean eof;
    private boolean started;
    private long origin;
    private long nextSample;
    private volatile boolean closed;

    private WavFileSource(Builder b, WavHeader header, InputStream in) {
        this.path = b.path;
        this.header = header;
        this.format = b.format != null ? b.format : header.format();
        this.in = in;
        this.converter = new AudioConverter(header.format(), format);
        this.clock = b.clock != null ? b.clock : new MediaClock();
        this.realtime = b.realtime;
        this.samplesPerFrame = b.samplesPerFrame != 0 ? b.samplesPerFrame : format.sampleRate() / 50;
        this.raw = new byte[4096 * header.format().channels()];
        this.remainingBytes = header.dataBytes() < 0 ? Long.MAX_VALUE : header.dataBytes();
    }

    /**
     * @param path the WAV file
     * @return a builder reading that file
     */
    public static Builder builder(Path path) {
        return new Builder(path);
    }

    /** @return the file's own header */
    public WavHeader header() {
        return header;
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    @Override
    public AudioFrame read() throws IOException, InterruptedException {
        if (closed) {
            return null;
        }
        int want = samplesPerFrame * format.channels();
        while (pending.length < want && !eof) {
            fill();
        }
        if (pending.length == 0) {
            return null;
        }
        int n = Math.min(want, pending.length);
        short[] out = Arrays.copyOf(pending, n);
        pending = Arrays.copyOfRange(pending, n, pending.length);
        if (!started) {
            long now = clock.nowUs();
            origin = now;
            started = true;
        }
        long pts = origin + Math.floorDiv(nextSample * 1_000_000L, format.sampleRate());
        nextSample += n / format.channels();
        if (realtime) {
            clock.sleepUntil(pts);
            if (closed) {
                return null;
            }
        }
        return new AudioFrame(out, format.sampleRate(), format.channels(), pts);
    }

    private void fill() throws IOException {
        int frameBytes = 2 * header.format().channels();
        int max = (int) Math.min(raw.length, remainingBytes - remainingBytes % frameBytes);
        int got = max <= 0 ? -1 : in.readNBytes(raw, 0, max);
        short[] converted;
        if (got <= 0) {
            eof = true;
            converted = converter.flush();
        } else {
            if (got % frameBytes != 0) {
                throw new WavFormatException(path + " ends inside a sample frame (" + got % frameBytes + " stray bytes; expected whole "
                        + frameBytes + "-byte frames)");
            }
            remainingBytes -= got;
            short[] s = new short[got / 2];
            for (int i = 0; i < s.length; i++) {
                s[i] = (short) ((raw[2 * i] & 0xFF) | raw[2 * i + 1] << 8);
            }
            converted = converter.convert(s);
        }
        if (converted.length > 0) {
            short[] joined = Arrays.copyOf(pending, pending.length + converted.length);
            System.arraycopy(converted, 0, joined, pending.length, converted.length);
            pending = joined;
        }
    }

    /** Closes the file; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                in.close();
            } catch (IOException e) {
                // nothing more to do with a file we only read
            }
        }
    }

    @Override
    public String toString() {
        return "WavFileSource[" + path + ", " + header.format() + " -> " + format + "]";
    }

    /** Configuration of a {@link WavFileSource}. Defaults: the file's own format, a new clock, real-time, 20 ms frames. */
    public static final class Builder {
        private final Path path;
        private AudioFormat format;
        private MediaClock clock;
        private boolean realtime = true;
        private int samplesPerFrame;

        private Builder(Path path) {
            this.path = Objects.requireNonNull(path, "path");
        }

        /**
         * The format to deliver; the file is converted to it.
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
         * true (default): pace frames in real time; false: as fast as they are read.
         *
         * @param realtime true to pace, false to run free
         * @return this builder
         */
        public Builder realtime(boolean realtime) {
            this.realtime = realtime;
            return this;
        }

        /**
         * Samples per channel per frame, 1..65536 (default: 20 ms worth).
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
         * Opens the file and reads its header.
         *
         * @return the source
         * @throws java.nio.file.NoSuchFileException when the file does not exist
         * @throws WavFormatException when it is not a 16-bit PCM mono/stereo WAV file
         */
        public WavFileSource build() throws IOException {
            InputStream in = new BufferedInputStream(Files.newInputStream(path), 65_536);
            try {
                WavHeader header = WavHeader.read(in);
                return new WavFileSource(this, header, in);
            } catch (WavFormatException e) {
                in.close();
                throw new WavFormatException(path + ": " + e.getMessage());
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
        }
    }
}
