package io.livepush.publisher.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.MediaClock;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.testing.Ffmpeg;
import io.livepush.capture.testing.NginxRtmp;
import io.livepush.capture.testing.RecordingFiles;
import io.livepush.capture.testing.TestCertificate;
import io.livepush.publisher.rtmp.client.RtmpCertificateException;
import io.livepush.publisher.rtmp.client.RtmpClientConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RTMPS against a real TLS terminator: nginx's stream module with a test certificate in front of
 * nginx-rtmp. With the certificate in the trust store the stream arrives and decodes; without it,
 * the push fails with a certificate error and sends nothing.
 */
class LiveStreamRtmpsNginxIT {
    private static final String KEY = "rtmps-secret-key-9f8e7d6c5b4a";

    @TempDir
    Path dir;

    @Test
    void pushOverRtmpsWithTheTrustStoreArrivesWithSeiAndKeyframesTwoSecondsApart() throws Exception {
        Ffmpeg ffmpeg = Ffmpeg.require();
        TestCertificate cert = TestCertificate.create(dir);
        try (NginxRtmp nginx = NginxRtmp.start(dir.resolve("nginx"), cert)) {
            String url = "rtmps://127.0.0.1:" + nginx.tlsPort() + "/live/" + KEY;
            LiveStreamConfig config = LiveStreamConfig.builder(url).video(NginxPush.video720p())
                    .rtmp(RtmpClientConfig.builder().trustStore(cert.trustStore()).build()).build();
            List<byte[]> sent = NginxPush.push(config, 5, List.of("rtmps-event".getBytes()));
            Path rec = nginx.recording(KEY);
            RecordingFiles.awaitSettled(rec);
            assertEquals("", ffmpeg.decodeErrors(rec));
            assertEquals(1280, ffmpeg.streamInfo(rec).width());
            List<Double> keys = ffmpeg.keyframeTimes(rec);
            assertTrue(keys.size() >= 2, "keyframes " + keys);
            assertEquals(2.0, keys.get(1) - keys.get(0), 0.0015);
            assertTrue(ffmpeg.seiPayloads(rec).stream().anyMatch(p -> p.text().equals("rtmps-event")),
                    "the SEI payload sent over RTMPS is in the recording; sent " + sent.size());
        }
    }

    @Test
    void pushOverRtmpsWithoutTheTrustStoreFailsWithACertificateErrorThatNeverShowsTheKey() throws Exception {
        TestCertificate cert = TestCertificate.create(dir);
        try (NginxRtmp nginx = NginxRtmp.start(dir.resolve("nginx"), cert)) {
            String url = "rtmps://127.0.0.1:" + nginx.tlsPort() + "/live/" + KEY;
            LiveStreamConfig config = LiveStreamConfig.builder(url).video(NginxPush.video720p()).build();
            MediaClock clock = new MediaClock();
            TestPatternSource video = TestPatternSource.builder().size(1280, 720).clock(clock).build();
            try (LiveStream stream = LiveStream.create(config, video, null, clock, new LiveStreamListener() { })) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> stream.start().get(15, TimeUnit.SECONDS));
                assertInstanceOf(RtmpCertificateException.class, e.getCause());
                assertTrue(e.getCause().getMessage().contains("not trusted"), e.getCause().getMessage());
                assertFalse(e.getCause().getMessage().contains(KEY), "the key must not appear: " + e.getCause().getMessage());
            }
            assertFalse(nginx.recording(KEY).toFile().exists(), "nothing may reach the ingest");
        }
    }
}
