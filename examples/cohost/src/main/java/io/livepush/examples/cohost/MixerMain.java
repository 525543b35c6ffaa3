package io.livepush.examples.cohost;

import io.livepush.cohost.server.MixerServer;
import io.livepush.cohost.server.mixer.MixerConfig;
import io.livepush.cohost.server.signaling.SignalingConfig;
import io.livepush.cohost.token.TokenVerifier;
import io.livepush.publisher.stream.LiveStreamListener;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The co-host server process: signaling on {@code ws://127.0.0.1:PORT/cohost} (tokens checked
 * against the shared secret) and the mixer, which composes the participants side by side on a
 * 1280x720 30 fps canvas, mixes their sound, and pushes the mix (H.264 with a keyframe every 2 s,
 * the host's SEI events kept, AAC) to the RTMP URL the audience watches. Runs until Ctrl-C, which
 * ends the mix's output first and then the participants' connections.
 *
 * <p>Usage: {@code MixerMain SECRET_FILE OUTPUT_URL [PORT]} (port default 8443). Prints
 * {@code READY} once it accepts participants.
 */
public final class MixerMain {
    private MixerMain() {
    }

    /**
     * Starts the mixer and its signaling server, prints {@code READY}, and runs until Ctrl-C.
     *
     * @param args the secret file, the rtmp(s) URL of the mix, optionally the signaling port (1..65535)
     * @throws IllegalArgumentException when there are not 2 or 3 arguments, the URL or port is not allowed, or
     *     the secret file is missing or too short
     * @throws IllegalStateException when webrtc-java cannot load here or the signaling port cannot be bound
     * @throws Exception when the secret file cannot be read ({@link java.io.IOException})
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            throw new IllegalArgumentException(args.length + " arguments given (expected SECRET_FILE OUTPUT_URL [PORT])");
        }
        byte[] secret = DemoTokens.readSecret(Path.of(args[0]));
        MixerConfig mix = MixerConfig.builder(args[1]).build();
        int port = args.length == 3 ? port(args[2]) : 8443;
        ConsoleListener console = new ConsoleListener("mixer");
        LiveStreamListener output = new LiveStreamListener() {
            @Override
            public void onPublishing() {
                console.print("the mix is live at " + mix.output().url().redacted());
            }

            @Override
            public void onFailed(Throwable cause) {
                console.print("the mix's output failed: " + cause);
            }
        };
        StopSignal stop = StopSignal.install();
        try (MixerServer server = MixerServer.start(mix, SignalingConfig.builder().port(port)
                .tokenVerifier(new TokenVerifier(secret, Clock.systemUTC())), output)) {
            console.print("signaling on " + server.localUri() + ", room " + DemoTokens.ROOM + "; mixing "
                    + mix.output().video().width() + "x" + mix.output().video().height() + " to "
                    + mix.output().url().redacted() + "  (Ctrl-C to stop)");
            System.out.println("READY");
            System.out.flush();
            stop.await();
            // The audience's stream ends first, with everyone still in the picture; closing the server
            // then ends the participants' connections (each leaving would otherwise re-layout the mix).
            console.print("stopping: the mix's output first, then the participants' connections");
            server.mixer().stopOutput();
        } finally {
            stop.finished();
        }
    }

    private static int port(String text) {
        try {
            int p = Integer.parseInt(text);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("port '" + text + "' is not allowed (expected 1..65535)");
    }
}
