package io.livepush.publisher.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.publisher.rtmp.server.RtmpIngestConfig;
import io.livepush.publisher.rtmp.server.RtmpIngestServer;
import io.livepush.publisher.url.RtmpUrl;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RTMPS: certificate and host name verification against an in-JVM TLS ingest with a self-signed certificate. */
class RtmpsCertificateTest {

    private static final String KEY = "sk_live_0123456789abcdef";

    @TempDir
    static Path dir;
    private static SelfSignedServer tls;
    private static RtmpIngestServer server;

    @BeforeAll
    static void startTlsIngest() throws Exception {
        tls = new SelfSignedServer(dir);
        server = RtmpIngestServer.start(RtmpIngestConfig.builder().tls(tls.serverContext).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RtmpUrl url(String host) {
        return RtmpUrl.parse("rtmps://" + host + ":" + server.port() + "/live/" + KEY);
    }

    @Test
    void publishSucceedsWithATrustStoreHoldingTheServersCertificate() throws Exception {
        RtmpPublishSession session = RtmpClient.publish(url("127.0.0.1"),
                RtmpClientConfig.builder().trustStore(tls.trustStore).build(), null).get(10, TimeUnit.SECONDS);
        assertEquals(RtmpPublishState.PUBLISHING, session.state());
        session.close();
        assertEquals(RtmpPublishState.CLOSED, session.state());
    }

    @Test
    void defaultTrustStoreRejectsTheSelfSignedCertificateWithATypedError() {
        ExecutionException e = assertThrows(ExecutionException.class, () -> RtmpClient.publish(url("127.0.0.1"),
                RtmpClientConfig.defaults(), null).get(10, TimeUnit.SECONDS));
        RtmpCertificateException cert = assertInstanceOf(RtmpCertificateException.class, e.getCause());
        assertTrue(cert.getMessage().startsWith("RTMPS certificate of 127.0.0.1:" + server.port() + " was not trusted"),
                cert.getMessage());
        assertTrue(cert.getMessage().contains("trustStore(KeyStore)"), cert.getMessage());
        assertTrue(!cert.getMessage().contains(KEY));
    }

    @Test
    void certificateThatDoesNotNameTheHostIsRejectedEvenWhenTrusted() throws Exception {
        KeyStore trust = tls.trustStore;
        // The certificate names 127.0.0.1 and localhost; this server listens on 127.0.0.2 (also loopback).
        try (RtmpIngestServer other = RtmpIngestServer.start(RtmpIngestConfig.builder()
                .bindAddress("127.0.0.2").tls(tls.serverContext).build())) {
            RtmpUrl url = RtmpUrl.parse("rtmps://127.0.0.2:" + other.port() + "/live/" + KEY);
            ExecutionException e = assertThrows(ExecutionException.class, () -> RtmpClient.publish(url,
                    RtmpClientConfig.builder().trustStore(trust).build(), null).get(10, TimeUnit.SECONDS));
            RtmpCertificateException cert = assertInstanceOf(RtmpCertificateException.class, e.getCause());
            assertTrue(cert.getMessage().contains("127.0.0.2"), cert.getMessage());
        }
    }

    @Test
    void insecureTrustAllSucceedsAndLogsAWarning() throws Exception {
        try (StdErrCapture err = new StdErrCapture()) {
            RtmpPublishSession session = RtmpClient.publish(url("127.0.0.1"),
                    RtmpClientConfig.builder().insecureTrustAllCertificates(true).build(), null)
                    .get(10, TimeUnit.SECONDS);
            assertEquals(RtmpPublishState.PUBLISHING, session.state());
            session.close();
            assertTrue(err.text().contains("WARN io.livepush.publisher.rtmp.client.ClientTls - RTMPS to 127.0.0.1:"
                    + server.port() + " does NOT verify the server certificate"), err.text());
        }
    }
}
