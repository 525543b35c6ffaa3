package io.livepush.publisher.rtmp.client;

import io.livepush.publisher.url.RtmpUrl;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.NetUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.util.List;

/**
 * TLS for {@code rtmps://}: the {@link SslHandler} that goes first in the pipeline. Certificates are checked
 * against the JDK's default trust store or the configured one; host name verification is on (endpoint
 * identification "HTTPS", so the certificate must name the URL's host); SNI carries the host when it is a name,
 * not an IP address. {@link RtmpClientConfig#insecureTrustAllCertificates()} turns both checks off and logs a
 * warning for each connection.
 */
final class ClientTls {

    private static final Logger LOG = LoggerFactory.getLogger(ClientTls.class);

    private ClientTls() {
    }

    /**
     * @param alloc  the channel's allocator
     * @param url    the rtmps URL (host and port)
     * @param config trust settings and the handshake timeout
     * @return a client SslHandler for that host
     * @throws SSLException when the TLS context cannot be built (e.g. an unusable trust store)
     */
    static SslHandler newHandler(ByteBufAllocator alloc, RtmpUrl url, RtmpClientConfig config) throws SSLException {
        SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
        boolean insecure = config.insecureTrustAllCertificates();
        if (insecure) {
            LOG.warn("RTMPS to {}:{} does NOT verify the server certificate (insecureTrustAllCertificates):"
                    + " anyone on the path can read the stream key", url.host(), url.port());
            builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
        } else if (config.trustStore().isPresent()) {
            builder.trustManager(trustManagerFactory(config.trustStore().get()));
        }
        SslContext context = builder.build();
        SslHandler handler = context.newHandler(alloc, url.host(), url.port());
        SSLEngine engine = handler.engine();
        SSLParameters params = engine.getSSLParameters();
        if (!insecure) {
            params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (!NetUtil.isValidIpV4Address(url.host()) && !NetUtil.isValidIpV6Address(url.host())) {
            params.setServerNames(List.of(new SNIHostName(url.host())));
        }
        engine.setSSLParameters(params);
        handler.setHandshakeTimeoutMillis(config.handshakeTimeout().toMillis());
        return handler;
    }

    private static TrustManagerFactory trustManagerFactory(KeyStore trustStore) throws SSLException {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            return tmf;
        } catch (GeneralSecurityException e) {
            throw new SSLException("the RTMPS trust store cannot be used: " + e.getMessage(), e);
        }
    }

    /** @return whether the error is a TLS handshake failure caused by the certificate */
    static boolean isTlsFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param url   the server
     * @param error a TLS failure
     * @return an {@link RtmpCertificateException} when the certificate was the cause, else the error itself
     */
    static Throwable describeFailure(RtmpUrl url, Throwable error) {
        return isTlsFailure(error) ? new RtmpCertificateException(url.host() + ":" + url.port(), error) : error;
    }
}
