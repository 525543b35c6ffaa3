package io.livepush.publisher.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.testing.Interop;
import io.livepush.capture.testing.PeerProcess;
import io.livepush.publisher.amf.Amf0EcmaArray;
import io.livepush.publisher.flv.FlvReader;
import io.livepush.publisher.flv.FlvTag;
import io.livepush.publisher.flv.FlvTagType;
import io.livepush.publisher.url.RtmpUrl;
import io.netty.buffer.Unpooled;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RtmpClient} against FFmpeg's own RTMP server ({@code ffmpeg -listen 1}), the independent reader: real
 * H.264/AAC tags made by ffmpeg are pushed, ffmpeg copies them to a file, and ffmpeg decodes that file without
 * errors and with every video packet.
 */
class RtmpClientFfmpegIT {

    @TempDir
    Path dir;

    @Test
    void ffmpegReceivesAndDecodesWhatThePublisherSends() throws Exception {
        String ffmpeg = Interop.requireExecutable("ffmpeg", "ffmpeg");
        String ffprobe = Interop.requireExecutable("ffprobe", "ffmpeg");
        Path src = dir.resolve("src.flv");
        Process make = new ProcessBuilder(ffmpeg, "-nostdin", "-v", "error", "-f", "lavfi", "-i",
                "testsrc=size=320x240:rate=30", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
                "-t", "2", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "30", "-c:a", "aac", "-f", "flv",
                src.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("make.log").toFile()).start();
        assertTrue(make.waitFor(60, TimeUnit.SECONDS) && make.exitValue() == 0, Files.readString(dir.resolve("make.log")));
        List<FlvTag> tags = new ArrayList<>();
        try (FlvReader reader = FlvReader.open(src)) {
            for (FlvTag t = reader.next(); t != null; t = reader.next()) {
                tags.add(t);
            }
        }
        // Coded frames only: AVCPacketType 1 (not the sequence header 0 or ffmpeg's end-of-sequence tag 2).
        long codedFrames = tags.stream().filter(t -> t.type() == FlvTagType.VIDEO && t.body()[1] == 1).count();

        int port = Interop.freePort();
        Path out = dir.resolve("out.flv");
        try (PeerProcess server = PeerProcess.start(List.of(ffmpeg, "-nostdin", "-v", "error", "-listen", "1",
                "-i", "rtmp://127.0.0.1:" + port + "/live/key_0123456789ab", "-c", "copy", "-y", out.toString()),
                dir.resolve("server.log"))) {
            RtmpPublishSession session = publishWhenListening(
                    RtmpUrl.parse("rtmp://127.0.0.1:" + port + "/live/key_0123456789ab"));
            Amf0EcmaArray meta = new Amf0EcmaArray();
            meta.put("width", 320.0);
            meta.put("height", 240.0);
            meta.put("framerate", 30.0);
            meta.put("videocodecid", 7.0);
            meta.put("audiocodecid", 10.0);
            session.sendMetaData(meta);
            for (FlvTag t : tags) {
                if (t.type() == FlvTagType.VIDEO) {
                    session.sendVideo(t.timestampMs(), Unpooled.wrappedBuffer(t.body()));
                } else if (t.type() == FlvTagType.AUDIO) {
                    session.sendAudio(t.timestampMs(), Unpooled.wrappedBuffer(t.body()));
                }
            }
            session.close();
            assertEquals(0, server.waitFor(20, TimeUnit.SECONDS), "ffmpeg server: " + server.output());
        }
        Process decode = new ProcessBuilder(ffmpeg, "-nostdin", "-v", "error", "-i", out.toString(), "-f", "null", "-")
                .redirectErrorStream(true).start();
        String decodeErrors = new String(decode.getInputStream().readAllBytes());
        assertTrue(decode.waitFor(30, TimeUnit.SECONDS));
        assertEquals("", decodeErrors.strip(), "decode errors");
        Process probe = new ProcessBuilder(ffprobe, "-v", "error", "-select_streams", "v", "-count_packets",
                "-show_entries", "stream=nb_read_packets", "-of", "csv=p=0", out.toString()).start();
        String packets = new String(probe.getInputStream().readAllBytes()).strip();
        assertTrue(probe.waitFor(30, TimeUnit.SECONDS));
        assertEquals(Long.toString(codedFrames), packets, "every coded frame arrived");
        assertEquals(60, codedFrames);
    }

    private static RtmpPublishSession publishWhenListening(RtmpUrl url) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return RtmpClient.publish(url, RtmpClientConfig.defaults(), null).get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof ConnectException) || System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
