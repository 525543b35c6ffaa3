package io.livepush.capture.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private nginx with the RTMP module (the real ingest peer), started by a test on free loopback
 * ports with its own prefix folder, recording every stream to {@code rec/KEY.flv}, and stopped by
 * its own process id. nginx-rtmp never writes {@code onMetaData} into its recordings; with
 * {@code meta copy} it hands players the publisher's own metadata, so tests check metadata by
 * playing the live stream ({@link #probeLive}). Optionally an RTMPS front end: nginx's stream module terminating TLS with a
 * test certificate and proxying to the RTMP port (PEERS.md).
 */
public final class NginxRtmp implements AutoCloseable {
    private static final String RTMP_MODULE = "/usr/lib/nginx/modules/ngx_rtmp_module.so";
    private static final String STREAM_MODULE = "/usr/lib/nginx/modules/ngx_stream_module.so";

    private final Path prefix;
    private final int port;
    private final int tlsPort;
    private volatile PeerProcess process;

    private NginxRtmp(Path prefix, int port, int tlsPort, PeerProcess process) {
        this.prefix = prefix;
        this.port = port;
        this.tlsPort = tlsPort;
        this.process = process;
    }

    /**
     * Starts nginx-rtmp (skipping or failing the test when it is missing, see {@link Interop}).
     *
     * @param dir an empty folder for nginx's prefix
     * @param tls a certificate and key to serve RTMPS with, or {@code null} for plain RTMP only
     */
    public static NginxRtmp start(Path dir, TestCertificate tls) throws IOException, InterruptedException {
        String nginx = Interop.requireExecutable("nginx", "nginx libnginx-mod-rtmp");
        Interop.assumePeer(Files.exists(Path.of(RTMP_MODULE)), "nginx RTMP module (apt-get install libnginx-mod-rtmp)");
        if (tls != null) {
            Interop.assumePeer(Files.exists(Path.of(STREAM_MODULE)), "nginx stream module (apt-get install libnginx-mod-stream)");
        }
        Path prefix = dir.toAbsolutePath();
        Files.createDirectories(prefix.resolve("rec"));
        Files.createDirectories(prefix.resolve("logs"));
        int port = Interop.freePort();
        int tlsPort = tls == null ? -1 : Interop.freePort();
        String conf = """
                %s
                %s
                daemon off;
                master_process off;
                worker_processes 1;
                user root root;
                error_log %s/logs/error.log info;
                pid %s/logs/nginx.pid;
                events { worker_connections 64; }
                rtmp {
                  server {
                    listen 127.0.0.1:%d;
                    chunk_size 4096;
                    application live {
                      live on;
                      meta copy;
                      record all;
                      record_path %s/rec;
                      record_unique off;
                    }
                  }
                }
                %s
                """.formatted("load_module " + RTMP_MODULE + ";",
                tls == null ? "" : "load_module " + STREAM_MODULE + ";", prefix, prefix, port, prefix,
                tls == null ? "" : """
                        stream {
                          server {
                            listen 127.0.0.1:%d ssl;
                            ssl_certificate %s;
                            ssl_certificate_key %s;
                            proxy_pass 127.0.0.1:%d;
                          }
                        }
                        """.formatted(tlsPort, tls.certificatePem(), tls.keyPem(), port));
        Path confFile = prefix.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        PeerProcess p = PeerProcess.start(List.of(nginx, "-p", prefix.toString(), "-c", confFile.toString()),
                prefix.resolve("logs/stdout.log"));
        NginxRtmp n = new NginxRtmp(prefix, port, tlsPort, p);
        n.awaitListening(port);
        if (tls != null) {
            n.awaitListening(tlsPort);
        }
        return n;
    }

    private void awaitListening(int p) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("nginx exited: " + process.output() + errorLog());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", p), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("nginx did not listen on 127.0.0.1:" + p + " within 10 s: " + errorLog());
    }

    /**
     * Starts nginx again with the same configuration, ports and folders (after {@link #close()}, or
     * stopping the running one first): a server that went away and came back. A recording of the
     * same key starts over.
     */
    public void restart() throws IOException, InterruptedException {
        process.close();
        String nginx = Interop.requireExecutable("nginx", "nginx libnginx-mod-rtmp");
        Path confFile = prefix.resolve("nginx.conf");
        process = PeerProcess.start(List.of(nginx, "-p", prefix.toString(), "-c", confFile.toString()),
                prefix.resolve("logs/stdout-" + System.nanoTime() + ".log"));
        awaitListening(port);
        if (tlsPort > 0) {
            awaitListening(tlsPort);
        }
    }

    /** @return the RTMP port on 127.0.0.1 */
    public int port() {
        return port;
    }

    /** @return the RTMPS port on 127.0.0.1, or -1 */
    public int tlsPort() {
        return tlsPort;
    }

    /** @return {@code rtmp://127.0.0.1:PORT/live/KEY} */
    public String url(String key) {
        return "rtmp://127.0.0.1:" + port + "/live/" + key;
    }

    /**
     * Plays the live stream {@code key} with ffprobe and returns what it prints of the format tags
     * (the publisher's {@code onMetaData}, e.g. {@code TAG:encoder=LivePush 0.1}) and the video stream.
     */
    public String probeLive(String key) throws IOException, InterruptedException {
        String ffprobe = Interop.requireExecutable("ffprobe", "ffmpeg");
        Path log = prefix.resolve("logs/ffprobe-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(List.of(ffprobe, "-v", "error", "-rw_timeout", "5000000", "-show_entries",
                "format_tags:stream=codec_name,width,height", "-of", "default", url(key)))
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("ffprobe of the live stream did not finish within 15 s");
        }
        return Files.readString(log);
    }

    /** @return the file nginx records the stream {@code key} into */
    public Path recording(String key) {
        return prefix.resolve("rec").resolve(key + ".flv");
    }

    /** @return nginx's error log so far */
    public String errorLog() {
        try {
            return Files.readString(prefix.resolve("logs/error.log"));
        } catch (IOException e) {
            return "";
        }
    }

    /** @return the process id */
    public long pid() {
        return process.pid();
    }

    /** Stops nginx by its pid. */
    @Override
    public void close() {
        process.close();
    }
}
