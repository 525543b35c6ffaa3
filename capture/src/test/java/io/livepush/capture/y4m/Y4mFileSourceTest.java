package io.livepush.capture.y4m;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.source.FrameRate;
import io.livepush.capture.source.TestPatternSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Y4mFileSourceTest {
    @TempDir
    Path dir;
    private final AtomicLong nanos = new AtomicLong();
    private final MediaClock clock = new MediaClock(nanos::get, 0);

    @Test
    void framesWrittenThenReadBackAreByteEqualWithRateTimestamps() throws Exception {
        Path file = dir.resolve("p.y4m");
        List<byte[]> written = writePattern(file, 320, 240, new FrameRate(30000, 1001), 6);
        try (Y4mFileSource src = Y4mFileSource.builder(file).clock(clock).paced(false).build()) {
            assertEquals(320, src.format().width());
            for (int n = 0; n < 6; n++) {
                VideoFrame f = src.read();
                assertArrayEquals(written.get(n), bytes(f), "frame " + n);
                assertEquals(new FrameRate(30000, 1001).ptsUs(n), f.ptsUs());
                f.release();
            }
            assertNull(src.read());
            assertNull(src.read());
        }
        assertEquals(6L * (6 + 320 * 240 * 3 / 2) + Y4mHeader.of(320, 240, new FrameRate(30000, 1001)).toBytes().length,
                Files.size(file));
    }

    @Test
    void loopingStartsOverWithTimestampsThatKeepGoing() throws Exception {
        Path file = dir.resolve("loop.y4m");
        List<byte[]> written = writePattern(file, 64, 64, FrameRate.of(25), 3);
        try (Y4mFileSource src = Y4mFileSource.builder(file).clock(clock).paced(false).loop(true).build()) {
            for (int n = 0; n < 10; n++) {
                VideoFrame f = src.read();
                assertArrayEquals(written.get(n % 3), bytes(f), "frame " + n);
                assertEquals(n * 40_000L, f.ptsUs());
                f.release();
            }
            assertEquals(1, src.pool().allocatedCount(), "frames are reused");
        }
    }

    @Test
    void frameLinesWithParametersAreAccepted() throws Exception {
        Path file = dir.resolve("params.y4m");
        byte[] pixels = new byte[4 * 4 * 3 / 2];
        Arrays.fill(pixels, (byte) 77);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("YUV4MPEG2 W4 H4 F30:1 C420paldv\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("FRAME Ip XFOO=1\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(pixels);
        Files.write(file, out.toByteArray());
        try (Y4mFileSource src = Y4mFileSource.builder(file).clock(clock).paced(false).build()) {
            VideoFrame f = src.read();
            assertArrayEquals(pixels, bytes(f));
            f.release();
            assertNull(src.read());
        }
    }

    @Test
    void truncatedFileNamesTheFrameAndTheMissingBytes() throws Exception {
        Path file = dir.resolve("cut.y4m");
        writePattern(file, 64, 64, FrameRate.of(30), 2);
        byte[] all = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(all, all.length - 100));
        try (Y4mFileSource src = Y4mFileSource.builder(file).clock(clock).paced(false).build()) {
            src.read().release();
            Y4mFormatException e = assertThrows(Y4mFormatException.class, src::read);
            assertEquals(file + " is truncated: frame 1 has 6044 of 6144 bytes", e.getMessage());
        }
    }

    @Test
    void fileEndingInsideAFrameLineIsTruncated() throws Exception {
        Path file = dir.resolve("cutline.y4m");
        Files.writeString(file, "YUV4MPEG2 W4 H4 F30:1\nFRA", StandardCharsets.US_ASCII);
        try (Y4mFileSource src = Y4mFileSource.builder(file).clock(clock).paced(false).build()) {
            Y4mFormatException e = assertThrows(Y4mFormatException.class, src::read);
            assertEquals(file + ": frame 0 at byte 22 starts with \"FRA\" (expected \"FRAME\")", e.getMessage());
        }
        Files.writeString(file, "YUV4MPEG2 W4 H4 F30:1\nFRAME Ip", StandardCharsets.US_ASCII);
        try (Y4mFileSource src = Y4mFileSource.builder(file).clock(clock).paced(false).build()) {
            Y4mFormatException e = assertThrows(Y4mFormatException.class, src::read);
            assertEquals(file + ": frame 0 at byte 22 is truncated inside its FRAME line", e.getMessage());
        }
    }

    @Test
    void garbageWhereAFrameShouldStartIsRejected() throws Exception {
        Path file = dir.resolve("garbage.y4m");
        Files.writeString(file, "YUV4MPEG2 W4 H4 F30:1\nFRAMES\n", StandardCharsets.US_ASCII);
        try (Y4mFileSource src = Y4mFileSource.builder(file).clock(clock).paced(false).build()) {
            Y4mFormatException e = assertThrows(Y4mFormatException.class, src::read);
            assertEquals(file + ": frame 0 at byte 22 starts with \"FRAMES\\n\" (expected \"FRAME\")", e.getMessage());
        }
    }

    @Test
    void badHeaderNamesTheFile() throws Exception {
        Path file = dir.resolve("c444.y4m");
        Files.writeString(file, "YUV4MPEG2 W4 H4 F30:1 C444\n", StandardCharsets.US_ASCII);
        Y4mFormatException e = assertThrows(Y4mFormatException.class, () -> Y4mFileSource.open(file));
        assertEquals(file + ": Y4M colour space C444 is not supported (supported: C420, C420jpeg, C420paldv, C420mpeg2)",
                e.getMessage());
        Path empty = dir.resolve("empty.y4m");
        Files.write(empty, new byte[0]);
        e = assertThrows(Y4mFormatException.class, () -> Y4mFileSource.open(empty));
        assertTrue(e.getMessage().contains("no Y4M header line"), e.getMessage());
    }

    @Test
    void missingFileIsReportedAsSuch() {
        Path file = dir.resolve("absent.y4m");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Y4mFileSource.open(file));
        assertEquals(file + ": no such Y4M file", e.getMessage());
    }

    @Test
    void loopingAFileWithoutFramesFailsInsteadOfSpinning() throws Exception {
        Path file = dir.resolve("noframes.y4m");
        Files.writeString(file, "YUV4MPEG2 W4 H4 F30:1\n", StandardCharsets.US_ASCII);
        try (Y4mFileSource src = Y4mFileSource.builder(file).clock(clock).paced(false).loop(true).build()) {
            assertThrows(Y4mFormatException.class, src::read);
        }
    }

    @Test
    void pacedSourceDeliversFramesInRealTime() throws Exception {
        Path file = dir.resolve("paced.y4m");
        writePattern(file, 32, 32, FrameRate.of(50), 6);
        try (Y4mFileSource src = Y4mFileSource.open(file)) {
            long t0 = System.nanoTime();
            for (int n = 0; n < 6; n++) {
                src.read().release();
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 90, "6 frames at 50 fps took only " + ms + " ms");
        }
    }

    @Test
    void closeIsIdempotentAndEndsReading() throws Exception {
        Path file = dir.resolve("close.y4m");
        writePattern(file, 32, 32, FrameRate.of(30), 2);
        Y4mFileSource src = Y4mFileSource.builder(file).paced(false).build();
        src.close();
        src.close();
        assertNull(src.read());
    }

    @Test
    void writerRejectsAFrameOfAnotherSizeAndWritesAfterClose() throws Exception {
        Path file = dir.resolve("w.y4m");
        Y4mFileWriter w = new Y4mFileWriter(file, 64, 64, FrameRate.of(30));
        VideoFrame other = VideoFrame.allocate(32, 32, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.write(other));
        assertEquals("frame is 32x32 but the Y4M file " + file + " is 64x64", e.getMessage());
        w.close();
        w.close();
        VideoFrame right = VideoFrame.allocate(64, 64, 0);
        assertThrows(IllegalStateException.class, () -> w.write(right));
        assertEquals(0, w.frameCount());
        other.release();
        right.release();
    }

    static List<byte[]> writePattern(Path file, int w, int h, FrameRate rate, int frames) throws Exception {
        List<byte[]> written = new ArrayList<>();
        try (TestPatternSource pattern = TestPatternSource.builder().size(w, h).frameRate(rate).realtime(false)
                .clock(new MediaClock(() -> 0L, 0)).build();
                Y4mFileWriter writer = new Y4mFileWriter(file, w, h, rate)) {
            for (int n = 0; n < frames; n++) {
                VideoFrame f = pattern.read();
                writer.write(f);
                written.add(bytes(f));
                f.release();
            }
            assertEquals(frames, writer.frameCount());
        }
        return written;
    }

    static byte[] bytes(VideoFrame f) {
        byte[] b = new byte[f.byteSize()];
        f.data().get(0, b);
        return b;
    }
}
