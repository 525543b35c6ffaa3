package io.livepush.capture.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for 127.0.0.1 and localhost made with {@code openssl} for TLS interop
 * tests, and a trust store holding it.
 *
 * @param certificatePem the certificate (PEM)
 * @param keyPem its private key (PEM)
 */
public record TestCertificate(Path certificatePem, Path keyPem) {
    /** Makes a certificate valid for a day in {@code dir}. */
    public static TestCertificate create(Path dir) throws IOException, InterruptedException {
        String openssl = Interop.requireExecutable("openssl", "openssl");
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Process p = new ProcessBuilder(List.of(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout", key.toString(), "-out", cert.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("openssl failed: " + Files.readString(dir.resolve("openssl.log")));
        }
        return new TestCertificate(cert, key);
    }

    /** @return a PKCS12 trust store (in memory) that trusts this certificate */
    public KeyStore trustStore() throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(certificatePem)) {
            X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            ks.setCertificateEntry("livepush-test", c);
        }
        return ks;
    }
}
