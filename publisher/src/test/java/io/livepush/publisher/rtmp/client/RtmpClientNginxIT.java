package io.livepush.publisher.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.testing.Interop;
import io.livepush.capture.testing.PeerProcess;
import io.livepush.publisher.amf.Amf0EcmaArray;
import io.livepush.publisher.flv.FlvReader;
import io.livepush.publisher.flv.FlvTag;
import io.livepush.publisher.flv.FlvTagType;
import io.livepush.publisher.url.RtmpUrl;
import io.netty.buffer.Unpooled;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RtmpClient} against nginx with the RTMP module (a real third-party ingest), started on a free loopback
 * port: the publish sequence is accepted, what was sent is what nginx records, and a second publisher of the same
 * name is refused with NetStream.Publish.BadName.
 */
class RtmpClientNginxIT {

    private static final String KEY = "it_stream_0123456789";

    @TempDir
    Path prefix;
    private PeerProcess nginx;
    private int port;

    @BeforeEach
    void startNginx() throws Exception {
        String exe = Interop.requireExecutable("nginx", "nginx libnginx-mod-rtmp");
        Path module = Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so");
        Interop.assumePeer(Files.exists(module), "nginx RTMP module (apt-get install libnginx-mod-rtmp)");
        port = Interop.freePort();
        Files.createDirectories(prefix.resolve("rec"));
        Files.createDirectories(prefix.resolve("logs"));
        Files.writeString(prefix.resolve("nginx.conf"), """
                load_module %s;
                daemon off;
                user root root;
                pid %s/nginx.pid;
                error_log %s/logs/error.log info;
                events { worker_connections 64; }
                rtmp { server { listen 127.0.0.1:%d; chunk_size 4096;
                  application live { live on; record all; record_path %s/rec; record_unique off; } } }
                """.formatted(module, prefix, prefix, port, prefix));
        nginx = PeerProcess.start(List.of(exe, "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString()),
                prefix.resolve("nginx.log"));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                break;
            } catch (java.io.IOException e) {
                if (System.nanoTime() > end || !nginx.isAlive()) {
                    throw new IllegalStateException("nginx did not start: " + nginx.output(), e);
                }
                Thread.sleep(50);
            }
        }
    }

    @AfterEach
    void stopNginx() {
        if (nginx != null) {
            nginx.close();
        }
    }

    @Test
    void nginxAcceptsThePublishAndRecordsExactlyWhatWasSent() throws Exception {
        RtmpUrl url = RtmpUrl.parse("rtmp://127.0.0.1:" + port + "/live/" + KEY);
        RecordingListener listener = new RecordingListener();
        RtmpPublishSession session = RtmpClient.publish(url, RtmpClientConfig.defaults(), listener)
                .get(10, TimeUnit.SECONDS);
        Amf0EcmaArray meta = new Amf0EcmaArray();
        meta.put("width", 1280.0);
        meta.put("videocodecid", 7.0);
        session.sendMetaData(meta);
        byte[] seq = {0x17, 0, 0, 0, 0, 1, 0x42, (byte) 0xC0, 0x1E, (byte) 0xFF, (byte) 0xE1, 0, 0, 1, 0, 0};
        session.sendVideo(0, Unpooled.wrappedBuffer(seq));
        List<byte[]> frames = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 30; i++) {
            byte[] frame = new byte[i == 0 ? 20_000 : 2_000];
            random.nextBytes(frame);
            frame[0] = (byte) (i == 0 ? 0x17 : 0x27);
            frame[1] = 1;
            frame[2] = 0;
            frame[3] = 0;
            frame[4] = 0;
            frames.add(frame);
            session.sendVideo(i * 33L, Unpooled.wrappedBuffer(frame));
        }
        Thread.sleep(300);
        session.close();
        assertEquals(RtmpPublishState.CLOSED, session.state());
        assertTrue(listener.statuses.stream().anyMatch(s -> s.code() == OnStatusCode.PUBLISH_START));

        Path rec = prefix.resolve("rec/" + KEY + ".flv");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<FlvTag> video = new ArrayList<>();
        while (System.nanoTime() < end) {
            video.clear();
            if (Files.exists(rec)) {
                try (FlvReader reader = FlvReader.open(rec)) {
                    for (FlvTag t = reader.next(); t != null; t = reader.next()) {
                        if (t.type() == FlvTagType.VIDEO) {
                            video.add(t);
                        }
                    }
                } catch (java.io.IOException partial) {
                    // still being written
                }
            }
            if (video.size() == 31) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(31, video.size(), "video tags recorded by nginx");
        assertArrayEquals(seq, video.get(0).body());
        for (int i = 0; i < frames.size(); i++) {
            assertArrayEquals(frames.get(i), video.get(i + 1).body(), "frame " + i);
            assertEquals(i * 33L, video.get(i + 1).timestampMs() - video.get(1).timestampMs());
        }
    }

    @Test
    void nginxRefusesASecondPublisherOfTheSameNameWithBadName() throws Exception {
        RtmpUrl url = RtmpUrl.parse("rtmp://127.0.0.1:" + port + "/live/" + KEY);
        RtmpPublishSession first = RtmpClient.publish(url, RtmpClientConfig.defaults(), null).get(10, TimeUnit.SECONDS);
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> RtmpClient.publish(url, RtmpClientConfig.defaults(), null).get(10, TimeUnit.SECONDS));
        RtmpPublishRejectedException rejected = assertInstanceOf(RtmpPublishRejectedException.class, e.getCause());
        assertEquals(OnStatusCode.BAD_NAME, rejected.code());
        assertEquals(RtmpPublishState.PUBLISHING, first.state());
        first.close();
    }
}
