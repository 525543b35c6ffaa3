package io.livepush.capture.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * ffmpeg and ffprobe as the independent reader of what LivePush writes (see PEERS.md): decode errors,
 * keyframe times, packet counts, stream info, SEI payloads and decoded frames.
 *
 * <p>{@code inputArgs} go before {@code -i}; a raw {@code .h264} file needs {@code "-framerate", "30"}
 * (raw H.264 has no timestamps; ffmpeg assumes 25 fps without it). Every run has {@code -nostdin} and
 * a 120 s timeout after which the process is killed; a failing run throws with its stderr in the message.
 */
public final class Ffmpeg {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final ProcessBuilder.Redirect NO_INPUT = ProcessBuilder.Redirect.from(new File("/dev/null"));
    private final String ffmpeg;
    private final String ffprobe;

    private Ffmpeg(String ffmpeg, String ffprobe) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
    }

    /** Skips (or with {@code -Dinterop=required} fails) the calling test unless ffmpeg and ffprobe exist. */
    public static Ffmpeg require() {
        return new Ffmpeg(Interop.requireExecutable("ffmpeg", "ffmpeg"), Interop.requireExecutable("ffprobe", "ffmpeg"));
    }

    /** Codec name, size and profile of the first video stream, as ffprobe reports them. */
    public record StreamInfo(String codec, int width, int height, String profile) { }

    /** One SEI {@code user_data_unregistered} message (payloadType 5) as ffmpeg parsed it. */
    public record SeiPayload(byte[] uuid, byte[] payload) {
        /** @return the payload as UTF-8 text */
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /** Runs {@code ffmpeg -v error [inputArgs] -i FILE -f null -}; returns what it printed, "" when clean. */
    public String decodeErrors(Path file, String... inputArgs) {
        Result r = run(ffmpeg(file, "error", inputArgs, "-f", "null", "-"));
        String err = r.stderr().strip();
        return r.exit() == 0 || !err.isEmpty() ? err : "ffmpeg exited with " + r.exit();
    }

    /**
     * @return the presentation time in seconds of each key packet of the first video stream, in file
     *     order: ffprobe's {@code -show_packets}, or for a raw stream (which ffprobe leaves without
     *     timestamps) the times ffmpeg gives its packets at the input's frame rate
     */
    public List<Double> keyframeTimes(Path file, String... inputArgs) {
        List<Double> times = new ArrayList<>();
        for (String line : probe(file, inputArgs, "-show_entries", "packet=pts_time,dts_time,flags").split("\n")) {
            Map<String, String> kv = fields(line);
            if (kv.getOrDefault("flags", "").startsWith("K")) {
                String t = "N/A".equals(kv.get("pts_time")) ? kv.get("dts_time") : kv.get("pts_time");
                if (t == null || "N/A".equals(t)) {
                    return keyframeTimesFromFrameCrc(file, inputArgs);
                }
                times.add(Double.parseDouble(t));
            }
        }
        return times;
    }

    /**
     * A raw stream's packets as ffmpeg times them at the input frame rate: framecrc lines
     * {@code stream, dts, pts, duration, size, crc[, F=0xFLAGS]} (no F= means a key packet). Times are
     * sums of durations, exact where ffmpeg's generated pts drift by a tick every few frames.
     */
    private List<Double> keyframeTimesFromFrameCrc(Path file, String... inputArgs) {
        String out = checked(run(ffmpeg(file, "error", inputArgs, "-map", "0:v:0", "-c", "copy", "-f", "framecrc", "-")))
                .stdout();
        double timeBase = 0;
        long elapsed = 0;
        List<Double> times = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.split(",\\s*");
            if (line.startsWith("#tb 0:")) {
                String[] nd = line.substring(6).trim().split("/");
                timeBase = Double.parseDouble(nd[0]) / Double.parseDouble(nd[1]);
            } else if (line.startsWith("0,")) {
                if (f.length < 7 || (Integer.decode(f[6].substring(2)) & 1) != 0) {
                    times.add(elapsed * timeBase);
                }
                elapsed += Long.parseLong(f[3]);
            }
        }
        return times;
    }

    /** @return how many packets the first video stream has */
    public int videoPacketCount(Path file, String... inputArgs) {
        return Integer.parseInt(probe(file, inputArgs, "-count_packets", "-show_entries", "stream=nb_read_packets")
                .strip().replace("nb_read_packets=", ""));
    }

    /** @return codec, size and profile of the first video stream */
    public StreamInfo streamInfo(Path file, String... inputArgs) {
        String out = probe(file, inputArgs, "-show_entries", "stream=codec_name,width,height,profile");
        Map<String, String> kv = fields(out.strip().split("\n")[0]);
        if (!kv.containsKey("codec_name")) {
            throw new IllegalStateException("ffprobe found no video stream in " + file + ": " + out);
        }
        return new StreamInfo(kv.get("codec_name"), Integer.parseInt(kv.get("width")), Integer.parseInt(kv.get("height")),
                kv.get("profile"));
    }

    /**
     * @return every SEI {@code user_data_unregistered} message of the first video stream, in order, parsed
     *     from {@code ffmpeg -bsf:v trace_headers}: the value after the last {@code "= "} of each
     *     {@code last_payload_type_byte}, {@code uuid_iso_iec_11578[i]} and {@code user_data_payload_byte[i]} line
     */
    public List<SeiPayload> seiPayloads(Path file, String... inputArgs) {
        Result r = checked(run(ffmpeg(file, "info", inputArgs, "-map", "0:v:0", "-c", "copy", "-bsf:v", "trace_headers",
                "-f", "null", "-")));
        List<SeiPayload> out = new ArrayList<>();
        byte[] uuid = null;
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        int ffBytes = 0;
        for (String line : (r.stderr() + "\n last_payload_type_byte = 0").split("\n")) {
            if (line.contains(" ff_byte ")) {
                ffBytes++;
            } else if (line.contains(" last_payload_type_byte ")) {
                if (uuid != null) {
                    out.add(new SeiPayload(uuid, payload.toByteArray()));
                }
                uuid = 255 * ffBytes + value(line) == 5 ? new byte[16] : null;
                payload.reset();
                ffBytes = 0;
            } else if (line.contains(" last_payload_size_byte ")) {
                ffBytes = 0;
            } else if (uuid != null && line.contains(" uuid_iso_iec_11578[")) {
                int i = line.indexOf(" uuid_iso_iec_11578[") + 20;
                uuid[Integer.parseInt(line.substring(i, line.indexOf(']', i)))] = (byte) value(line);
            } else if (uuid != null && line.contains(" user_data_payload_byte[")) {
                payload.write(value(line));
            }
        }
        return out;
    }

    /**
     * Decodes the first video stream to I420 frames of {@code width} x {@code height}, one per decoded
     * picture (none dropped or repeated), streamed from ffmpeg's stdout. Close it when done.
     */
    public Frames decodeFrames(Path file, int width, int height, String... inputArgs) {
        return new Frames(ffmpeg(file, "error", inputArgs, "-map", "0:v:0", "-fps_mode", "passthrough", "-f", "rawvideo",
                "-pix_fmt", "yuv420p", "-"), width * height + 2 * ((width + 1) / 2) * ((height + 1) / 2));
    }

    /** Decoded I420 frames read one at a time; {@link #close()} stops ffmpeg, and after the last frame checks its exit. */
    public static final class Frames implements Iterator<byte[]>, AutoCloseable {
        private final List<String> cmd;
        private final int frameSize;
        private final Path err;
        private final Process process;
        private final InputStream in;
        private byte[] next;
        private boolean atEnd;

        private Frames(List<String> cmd, int frameSize) {
            this.cmd = cmd;
            this.frameSize = frameSize;
            try {
                err = Files.createTempFile("ffmpeg-", ".err");
                process = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectInput(NO_INPUT).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + cmd, e);
            }
            CompletableFuture.delayedExecutor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).execute(process::destroyForcibly);
            in = process.getInputStream();
        }

        @Override
        public boolean hasNext() {
            if (next == null && !atEnd) {
                try {
                    next = in.readNBytes(frameSize);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                atEnd = next.length < frameSize;
                next = atEnd ? null : next;
            }
            return next != null;
        }

        @Override
        public byte[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            byte[] f = next;
            next = null;
            return f;
        }

        @Override
        public void close() {
            try (in) {
                if (!atEnd) {
                    process.destroyForcibly();
                }
                boolean ended = process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                if (atEnd && (!ended || process.exitValue() != 0)) {
                    throw new IllegalStateException(describe(cmd, ended ? process.exitValue() : -1, Files.readString(err)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                process.destroyForcibly();
                err.toFile().delete();
            }
        }
    }

    /** @return the Y-plane PSNR in dB of two I420 frames ({@code +Infinity} when identical) */
    public static double psnrY(byte[] a, byte[] b, int width, int height) {
        long sse = 0;
        for (int i = 0; i < width * height; i++) {
            int d = (a[i] & 0xFF) - (b[i] & 0xFF);
            sse += (long) d * d;
        }
        return sse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 * width * height / sse);
    }

    private record Result(List<String> cmd, int exit, String stdout, String stderr) { }

    private List<String> ffmpeg(Path file, String level, String[] inputArgs, String... output) {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-nostdin", "-hide_banner", "-v", level));
        cmd.addAll(Arrays.asList(inputArgs));
        cmd.addAll(List.of("-i", file.toString()));
        cmd.addAll(Arrays.asList(output));
        return cmd;
    }

    /** ffprobe of the first video stream, {@code key=value|...} lines. */
    private String probe(Path file, String[] inputArgs, String... show) {
        List<String> cmd = new ArrayList<>(List.of(ffprobe, "-v", "error"));
        cmd.addAll(Arrays.asList(inputArgs));
        cmd.addAll(List.of("-select_streams", "v:0", "-of", "compact=p=0"));
        cmd.addAll(Arrays.asList(show));
        cmd.add(file.toString());
        return checked(run(cmd)).stdout();
    }

    private Result run(List<String> cmd) {
        try {
            Path out = Files.createTempFile("ffmpeg-", ".out");
            Path err = Files.createTempFile("ffmpeg-", ".err");
            try {
                Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(NO_INPUT).start();
                if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    throw new IllegalStateException(describe(cmd, -1, "timed out after " + TIMEOUT + "\n" + Files.readString(err)));
                }
                return new Result(cmd, p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + cmd, e);
        }
    }

    private static Result checked(Result r) {
        if (r.exit() != 0) {
            throw new IllegalStateException(describe(r.cmd(), r.exit(), r.stderr()));
        }
        return r;
    }

    private static String describe(List<String> cmd, int exit, String stderr) {
        return String.join(" ", cmd) + " failed (exit " + exit + "):\n" + stderr.strip();
    }

    private static Map<String, String> fields(String compactLine) {
        Map<String, String> kv = new HashMap<>();
        for (String part : compactLine.strip().split("\\|")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                kv.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return kv;
    }

    private static int value(String traceLine) {
        return Integer.parseInt(traceLine.substring(traceLine.lastIndexOf("= ") + 2).strip());
    }
}
