package io.livepush.cohost.server.e2e;

import io.livepush.capture.stamp.FrameStamp;
import io.livepush.capture.stamp.LumaPlane;
import io.livepush.capture.testing.Interop;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An audience member: ffmpeg plays the live stream from nginx-rtmp and decodes it to raw I420 on
 * its stdout; each picture is stamped with its arrival time here and classified by where the host's
 * stamp sits (full frame: the host's own push; scaled into the left half: the mix).
 */
final class LivePlayer implements AutoCloseable {
    enum Kind { HOST, MIX, UNKNOWN }

    record Picture(long arrivalNanos, Kind kind) { }

    private final Process process;
    private final Thread reader;
    private final List<Picture> pictures = new ArrayList<>();
    private final int width;
    private final int height;

    LivePlayer(String url, int width, int height, Path log) throws IOException {
        this.width = width;
        this.height = height;
        String ffmpeg = Interop.requireExecutable("ffmpeg", "ffmpeg");
        process = new ProcessBuilder(ffmpeg, "-nostdin", "-v", "error", "-rw_timeout", "20000000", "-fflags", "nobuffer",
                "-probesize", "200000", "-analyzeduration", "1000000", "-i", url,
                "-map", "0:v:0", "-fps_mode", "passthrough", "-s", width + "x" + height, "-f", "rawvideo",
                "-pix_fmt", "yuv420p", "-").redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(log.toFile()).start();
        reader = new Thread(this::read, "test-live-player");
        reader.start();
    }

    private void read() {
        int size = width * height * 3 / 2;
        byte[] pic = new byte[size];
        try (DataInputStream in = new DataInputStream(process.getInputStream())) {
            while (true) {
                in.readFully(pic);
                long at = System.nanoTime();
                Kind kind = classify(pic);
                synchronized (pictures) {
                    pictures.add(new Picture(at, kind));
                }
            }
        } catch (EOFException end) {
            // ffmpeg stopped
        } catch (IOException e) {
            // stream closed by close()
        }
    }

    private Kind classify(byte[] pic) {
        LumaPlane luma = LumaPlane.of(pic, width, width, height);
        if (FrameStamp.read(luma, 0, 0, 16).isPresent()) {
            return Kind.HOST;
        }
        if (FrameStamp.read(luma, 0, height / 4, 8).isPresent()) {
            return Kind.MIX;
        }
        return Kind.UNKNOWN;
    }

    List<Picture> pictures() {
        synchronized (pictures) {
            return List.copyOf(pictures);
        }
    }

    /** Waits until {@code n} pictures of this kind arrived; false on timeout. */
    boolean awaitPictures(Kind kind, int n, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (pictures().stream().filter(p -> p.kind() == kind).count() >= n) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** @return the longest time between two consecutive pictures, in ms */
    long longestGapMs() {
        List<Picture> p = pictures();
        long max = 0;
        for (int i = 1; i < p.size(); i++) {
            max = Math.max(max, p.get(i).arrivalNanos() - p.get(i - 1).arrivalNanos());
        }
        return max / 1_000_000;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        reader.join(5000);
    }
}
