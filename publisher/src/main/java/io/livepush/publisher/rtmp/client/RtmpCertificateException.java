package io.livepush.publisher.rtmp.client;

import io.livepush.publisher.ProtocolException;

/**
 * The RTMPS server's certificate was not trusted: it does not chain to a trusted certificate, or it does not name
 * the host connected to. The message says how to trust it: pass a trust store holding the certificate (or its CA)
 * with {@link RtmpClientConfig.Builder#trustStore(java.security.KeyStore)}, or add it to the JDK trust store.
 */
public class RtmpCertificateException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    /**
     * @param hostAndPort the server, e.g. {@code live.example.com:443}
     * @param cause       the TLS failure
     */
    public RtmpCertificateException(String hostAndPort, Throwable cause) {
        super("RTMPS certificate of " + hostAndPort + " was not trusted (" + rootMessage(cause)
                + "); pass a trust store holding it or its CA with RtmpClientConfig.builder().trustStore(KeyStore),"
                + " or add it to the JDK trust store (cacerts); the certificate must also name the URL's host", cause);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
