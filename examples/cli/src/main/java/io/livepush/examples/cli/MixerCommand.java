package io.livepush.examples.cli;

import io.livepush.cohost.server.MixerServer;
import io.livepush.cohost.server.mixer.Layout;
import io.livepush.cohost.server.mixer.MixerConfig;
import io.livepush.cohost.server.signaling.SignalingConfig;
import io.livepush.cohost.token.TokenVerifier;
import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.publisher.stream.LiveStreamConfig;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code livepush mixer}: the co-host server (signaling on {@code ws://BIND:PORT/cohost} and the
 * mixer) pushing the mix to {@code --output}, until Ctrl-C. Tokens are verified with the secret in
 * {@code --secret-file}; without one, a random secret is made and written (owner-only) to
 * {@code mixer-secret} in the current folder, so the application's backend can sign tokens with it.
 * With {@code --handover} the mix pushes nothing until the host hands its audience key over on
 * signaling (cohost/HANDOVER.md), and stops when the host takes it back.
 */
@Command(name = "mixer", mixinStandardHelpOptions = true,
        description = "Run the co-host signaling server and mixer; push the mix to --output until Ctrl-C.")
final class MixerCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8443", description = "Signaling port, 0 for any (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Signaling address (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--output", required = true, paramLabel = "URL", description = "rtmp:// or rtmps:// URL the mix is pushed to")
    String output;

    @Option(names = "--secret-file", paramLabel = "FILE", description = "Token secret, at least 32 bytes")
    Path secretFile;

    @Option(names = "--size", defaultValue = "1280x720", converter = SizeArg.Converter.class,
            description = "Canvas size (default: ${DEFAULT-VALUE})")
    SizeArg size;

    @Option(names = "--fps", defaultValue = "30", description = "Canvas rate (default: ${DEFAULT-VALUE})")
    int fps;

    @Option(names = "--video-bitrate", defaultValue = "2500", description = "kbps (default: ${DEFAULT-VALUE})")
    int videoKbps;

    @Option(names = "--layout", defaultValue = "side-by-side",
            description = "side-by-side|picture-in-picture|grid (default: ${DEFAULT-VALUE})")
    String layout;

    @Option(names = "--handover", description = "Push nothing until the host hands its audience over"
            + " (CohostSession.handOverToMix); the mix then pushes to --output until the host takes it back")
    boolean handover;

    @Option(names = "--encoder", defaultValue = "auto", description = "auto|openh264|java (default: ${DEFAULT-VALUE})")
    String encoder;

    static Layout layout(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "side-by-side" -> Layout.sideBySide();
            case "picture-in-picture", "pip" -> Layout.pictureInPicture();
            case "grid" -> Layout.grid();
            default -> throw new IllegalArgumentException("--layout '" + name
                    + "' is not known (expected side-by-side, picture-in-picture or grid)");
        };
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port " + port + " is not allowed (expected 0..65535)");
        }
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException("--fps " + fps + " is not allowed (expected 1..60)");
        }
        LiveStreamConfig out = LiveStreamConfig.builder(output).videoEncoder(encoder)
                .video(VideoEncoderConfig.builder().size(size.width(), size.height()).fps(fps)
                        .bitrateBps(videoKbps * 1000).gopSeconds(2).build()).build();
        MixerConfig config = MixerConfig.builder(out).layout(layout(layout)).outputOnStart(!handover).build();
        byte[] secret = secret();
        SignalingConfig.Builder signaling = SignalingConfig.builder().bindAddress(InetAddress.getByName(bind)).port(port)
                .tokenVerifier(new TokenVerifier(secret, Clock.systemUTC()));
        CountDownLatch stop = new CountDownLatch(1);
        try (MixerServer server = MixerServer.start(config, signaling, new PushCommand.StatusPrinter(System.out))) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stop.countDown();
            }, "livepush-shutdown"));
            System.out.println("co-host signaling on ws://" + bind + ":" + server.port() + "/cohost; mixing "
                    + size + " @ " + fps + " fps to " + out.url().redacted()
                    + (handover ? " once the host hands its audience over" : "") + "  (Ctrl-C to stop)");
            stop.await();
        }
        return 0;
    }

    private byte[] secret() throws Exception {
        if (secretFile != null) {
            byte[] s = Files.readAllBytes(secretFile);
            if (s.length < 32) {
                throw new IllegalArgumentException("--secret-file " + secretFile + " holds " + s.length
                        + " bytes (expected at least 32)");
            }
            return s;
        }
        byte[] s = new byte[32];
        new SecureRandom().nextBytes(s);
        Path file = Path.of("mixer-secret");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, s);
        System.out.println("no --secret-file: a random token secret was written to " + file.toAbsolutePath()
                + " (owner-only); sign tokens with it");
        return s;
    }
}
